package org.refocus.measures.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ResponseOption;
import org.refocus.measures.instrument.Scoring;
import org.refocus.people.CaseloadScope;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.PageOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports completed responses collected elsewhere (paper, another system) from CSV, as a background
 * job with progress, a row-by-row error report, and all-or-nothing by default.
 *
 * <p>CSV: a header row with {@code person_id} and {@code date_of_birth}, or {@code nhs_number} (with an
 * optional {@code date_of_birth}), then {@code completed_on} (yyyy-mm-dd) and one column per item key of
 * the instrument's current version (blank = skipped); then one row per
 * response. Every row is checked (the person must be on the caseload of one of the importer's teams;
 * a person out of reach is reported exactly like an unknown one) and scored exactly, in Java; valid
 * rows stream straight into {@code measure_response} with PostgreSQL COPY inside one transaction, so
 * that an error anywhere (in all-or-nothing mode) rolls everything back and nothing is stored.
 */
@Service
public class ResponseImports {

    static final int MAX_STORED_ERRORS = 1000;
    private static final String IMPORTED_ALREADY = "imported already";
    /**
     * The first key of the advisory lock that makes imports of one instrument take turns; the second is the
     * instrument code's {@code hashCode()}. (Visible in {@code pg_locks} while an import runs.)
     */
    public static final int IMPORT_LOCK = 0x52_46_49_4D;
    private static final int PROGRESS_EVERY_ROWS = 20_000;
    private static final Duration STALLED_AFTER = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ResponseImports.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate importTransaction;
    private final TransactionTemplate ownTransaction;
    private final InstrumentLibrary library;
    private final People people;
    private final AuditTrail audit;
    private final ExecutorService executor;
    private final Clock clock;
    private final ImportedFiles importedFiles;

    ResponseImports(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            InstrumentLibrary library, People people, AuditTrail audit,
            @Qualifier("measureImportExecutor") ExecutorService executor, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.importTransaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.library = library;
        this.people = people;
        this.audit = audit;
        this.executor = executor;
        this.clock = clock.orElse(Clock.systemUTC());
        this.importedFiles = new ImportedFiles(jdbc);
    }

    public record JobView(long id, String instrumentCode, String instrumentVersion, String fileName,
            boolean allOrNothing, String status, int rowsRead, int rowsWithErrors, int rowsImported, int percentRead,
            String failure, Instant createdAt, Instant startedAt, Instant finishedAt, boolean stalled,
            Instant withdrawnAt, String withdrawnReason, int rowsWhilePaused, List<Integer> rowsWhilePausedListed) {

        public boolean running() {
            return status.equals("QUEUED") || status.equals("RUNNING");
        }
    }

    public record RowError(int rowNumber, String field, String message) {
    }

    /**
     * Who may be imported for: people on the caseloads of the importer's teams, with their team; and
     * the UK day on which each of them who has paused questionnaires paused them.
     */
    record Reach(Map<Long, Long> teamOfPerson, Map<String, Long> personOfNhsNumber,
            Map<Long, LocalDate> birthDateOfPerson, Map<Long, LocalDate> pausedOn) {

        /** Completed on or after the day the person paused questionnaires (H-13). */
        boolean whilePaused(long personId, LocalDate completedOn) {
            LocalDate paused = pausedOn.get(personId);
            return paused != null && !completedOn.isBefore(paused);
        }
    }

    /** How many row numbers of responses completed while paused the job keeps to show. */
    static final int LISTED_WHILE_PAUSED = 100;

    /**
     * Starts an import in the background and returns its job id at once. The file becomes the job's:
     * it is deleted when the job ends.
     */
    public long submit(Path file, String fileName, String instrumentCode, boolean allOrNothing) {
        Prepared prepared = prepare(fileName, instrumentCode, allOrNothing);
        SecurityContext context = SecurityContextHolder.getContext();
        try {
            executor.execute(() -> {
                SecurityContextHolder.setContext(context);
                try {
                    run(prepared, file);
                } catch (RuntimeException e) {
                    log.error("Import job {} failed unexpectedly", prepared.jobId(), e);
                    failWhole(prepared.jobId(), "The import stopped because of an unexpected problem. Nothing was "
                            + "stored.");
                } finally {
                    SecurityContextHolder.clearContext();
                    deleteQuietly(file);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            deleteQuietly(file);
            failWhole(prepared.jobId(), "Too many imports are waiting on this server. Nothing was stored. Try again "
                    + "in a few minutes.");
        }
        return prepared.jobId();
    }

    /** Runs an import in this thread (tests and the benchmark); the file stays where it is. */
    public JobView importNow(Path file, String fileName, String instrumentCode, boolean allOrNothing) {
        Prepared prepared = prepare(fileName, instrumentCode, allOrNothing);
        run(prepared, file);
        return job(prepared.jobId());
    }

    /** The job, for the account that started it; anyone else is told it does not exist. */
    public JobView job(long jobId) {
        return jdbc.sql("""
                select j.id, v.code, v.version, j.file_name, j.all_or_nothing, j.status, j.rows_read, j.rows_with_errors,
                       j.rows_imported, j.percent_read, j.failure, j.created_at, j.started_at, j.finished_at, j.updated_at,
                       j.withdrawn_at, j.withdrawn_reason, j.rows_while_paused, j.rows_while_paused_listed
                from measure_import_job j join instrument_version v on v.id = j.instrument_version_id
                where j.id = ? and j.created_by = ?""")
                .params(jobId, CurrentUser.required().accountId())
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    Instant updated = rs.getTimestamp("updated_at").toInstant();
                    boolean stalled = (status.equals("QUEUED") || status.equals("RUNNING"))
                            && updated.isBefore(clock.instant().minus(STALLED_AFTER));
                    return new JobView(rs.getLong("id"), rs.getString("code"), rs.getString("version"),
                            rs.getString("file_name"), rs.getBoolean("all_or_nothing"), status, rs.getInt("rows_read"),
                            rs.getInt("rows_with_errors"), rs.getInt("rows_imported"), rs.getInt("percent_read"),
                            rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
                            instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), stalled,
                            instant(rs.getTimestamp("withdrawn_at")), rs.getString("withdrawn_reason"),
                            rs.getInt("rows_while_paused"),
                            List.of((Integer[]) rs.getArray("rows_while_paused_listed").getArray()));
                })
                .optional().orElseThrow(() -> refused(jobId));
    }

    /** Someone else's job looks like no job at all, and the attempt is audited as any other refusal. */
    private NotFoundException refused(long jobId) {
        if (jdbc.sql("select count(*) from measure_import_job where id = ?").param(jobId).query(Long.class).single() > 0) {
            audit.recordDenied(AuditAction.VIEWED, "measure_import_job", jobId, null);
        }
        return new NotFoundException("measure_import_job");
    }

    /** The row-by-row report (at most {@value #MAX_STORED_ERRORS} rows are kept; the job counts them all). */
    public List<RowError> errors(long jobId) {
        job(jobId);
        return jdbc.sql("select row_number, field, message from measure_import_error where job_id = ? "
                + "order by row_number, id").param(jobId).query(RowError.class).list();
    }

    /** The importer's recent jobs, newest first. */
    public List<JobView> recentJobs() {
        return jdbc.sql("select id from measure_import_job where created_by = ? order by id desc limit 10")
                .param(CurrentUser.required().accountId()).query(Long.class).list().stream().map(this::job).toList();
    }

    // ---------------------------------------------------------------- the job

    private record Prepared(long jobId, InstrumentDefinition definition, long versionId, long actor,
            boolean allOrNothing, Reach reach) {
    }

    private Prepared prepare(String fileName, String instrumentCode, boolean allOrNothing) {
        CurrentUser user = CurrentUser.required();
        if (!user.role().isTeamStaff()) {
            throw new AccessDeniedException("staff only");
        }
        InstrumentLibrary.StoredVersion version = library.current(instrumentCode);
        Reach reach = reachOfCurrentUser();
        String name = fileName == null || fileName.isBlank() ? "upload.csv"
                : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        long jobId = ownTransaction.execute(status -> {
            long id = jdbc.sql("""
                    insert into measure_import_job (instrument_version_id, file_name, all_or_nothing, status, created_by)
                    values (?, ?, ?, 'QUEUED', ?) returning id""")
                    .params(version.id(), name, allOrNothing, user.accountId()).query(Long.class).single();
            audit.record(AuditAction.CREATED, "measure_import_job", id, null,
                    version.definition().reference() + (allOrNothing ? " all-or-nothing" : " valid rows only"));
            return id;
        });
        return new Prepared(jobId, version.definition(), version.id(), user.accountId(), allOrNothing, reach);
    }

    private Reach reachOfCurrentUser() {
        Map<Long, Long> teams = new HashMap<>();
        Map<String, Long> nhs = new HashMap<>();
        Map<Long, LocalDate> births = new HashMap<>();
        int page = 0;
        PageOf<PersonSummary> batch;
        do {
            batch = people.caseload(null, CaseloadScope.TEAM, page++, 5000);
            for (PersonSummary p : batch.items()) {
                teams.put(p.id(), p.teamId());
                if (p.dateOfBirth() != null) {
                    births.put(p.id(), p.dateOfBirth());
                }
                if (p.nhsNumber() != null) {
                    nhs.put(p.nhsNumber(), p.id());
                }
            }
        } while (batch.hasNext());
        Map<Long, LocalDate> paused = new HashMap<>();
        jdbc.sql("select person_id, since from measurement_pause where paused and since is not null")
                .query((rs, n) -> {
                    long personId = rs.getLong(1);
                    if (teams.containsKey(personId)) {
                        paused.put(personId, LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), MeasureResponses.UK));
                    }
                    return null;
                }).list();
        return new Reach(teams, nhs, births, paused);
    }

    /** @param whilePaused the row numbers of stored responses completed while their person had paused */
    private record Counts(int read, int withErrors, int imported, List<RowError> errors, String failure,
            List<Integer> whilePaused) {

        Counts(int read, int withErrors, int imported, List<RowError> errors, String failure) {
            this(read, withErrors, imported, errors, failure, List.of());
        }
    }

    private void run(Prepared job, Path file) {
        String sha256;
        try {
            sha256 = ImportedFiles.sha256(file);
        } catch (IOException e) {
            log.warn("Import job {} could not read its file: {}", job.jobId(), e.getMessage());
            failWhole(job.jobId(), "The file could not be read. Nothing was stored.");
            return;
        }
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                update measure_import_job set status = 'RUNNING', started_at = now(), file_sha256 = ?, updated_at = now(),
                       version = version + 1 where id = ?""").params(sha256, job.jobId()).update());
        Optional<ImportedFiles.Earlier> earlier = importedFiles.earlier(job.versionId(), sha256);
        if (earlier.isPresent()) {
            failWhole(job.jobId(), earlier.get().message());
            return;
        }
        Counts counts = importTransaction.execute(status -> {
            Counts result;
            try {
                oneImportOfTheInstrumentAtATime(job);
                result = importedFiles.earlier(job.versionId(), sha256).isPresent()
                        ? new Counts(0, 0, 0, List.of(), IMPORTED_ALREADY) : copy(job, file);
            } catch (IOException | SQLException e) {
                log.warn("Import job {} could not read its file or write its rows: {}", job.jobId(), e.getMessage());
                result = new Counts(0, 0, 0, List.of(), "The file could not be read as CSV text. Nothing was stored.");
            }
            boolean rollBack = result.failure() != null || (job.allOrNothing() && result.withErrors() > 0);
            if (!rollBack) {
                result = markSucceeded(job, result);
                rollBack = result.failure() != null;
            }
            if (rollBack) {
                status.setRollbackOnly();
            } else {
                audit.record(AuditAction.CREATED, "measure_response", "import:" + job.jobId(), null,
                        job.definition().reference() + " imported=" + result.imported() + " skippedRows="
                                + result.withErrors());
            }
            return result;
        });
        if (IMPORTED_ALREADY.equals(counts.failure())) {
            counts = new Counts(counts.read(), counts.withErrors(), 0, List.of(),
                    importedFiles.whyRefused(job.versionId(), sha256));
        }
        boolean failed = counts.failure() != null || (job.allOrNothing() && counts.withErrors() > 0);
        Counts finished = counts;
        ownTransaction.executeWithoutResult(s -> {
            jdbc.sql("""
                    update measure_import_job set status = ?, rows_read = ?, rows_with_errors = ?, rows_imported = ?,
                           percent_read = 100, failure = ?, finished_at = now(), updated_at = now(), version = version + 1
                    where id = ?""")
                    .params(failed ? "FAILED" : "SUCCEEDED", finished.read(), finished.withErrors(),
                            failed ? 0 : finished.imported(), finished.failure(), job.jobId())
                    .update();
            for (RowError e : finished.errors()) {
                jdbc.sql("insert into measure_import_error (job_id, row_number, field, message) values (?, ?, ?, ?)")
                        .params(job.jobId(), e.rowNumber(), e.field(), e.message()).update();
            }
        });
    }

    /**
     * Imports of one instrument take turns (a lock held until this transaction ends), so that each sees the
     * rows of the one before it: two files holding the same response, imported at the same moment, would
     * otherwise both store it, since neither sees the other's uncommitted rows. The file is then checked
     * again against imports that finished while this one waited.
     */
    private void oneImportOfTheInstrumentAtATime(Prepared job) {
        int instrument = job.definition().code().hashCode();
        boolean free = jdbc.sql("select pg_try_advisory_xact_lock(?, ?)").params(IMPORT_LOCK, instrument)
                .query(Boolean.class).single();
        if (!free) {
            // The job page shows "Waiting to start" meanwhile, rather than a run stuck at 0%.
            status(job.jobId(), "QUEUED");
            jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(IMPORT_LOCK, instrument).query().singleRow();
            status(job.jobId(), "RUNNING");
        }
    }

    private void status(long jobId, String status) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                update measure_import_job set status = ?, updated_at = now(), version = version + 1 where id = ?""")
                .params(status, jobId).update());
    }

    /**
     * Marks the job succeeded in the same transaction as its rows. A job that stored nothing (valid rows only,
     * and none was) does not keep its file's digest: the file has not been imported, and may be once put right. The database allows one successful
     * import of a file per instrument version, so of two identical imports running at once the second
     * waits here for the first and then fails, and its rows are rolled back.
     */
    private Counts markSucceeded(Prepared job, Counts result) {
        try {
            jdbc.sql("""
                    update measure_import_job set status = 'SUCCEEDED', rows_read = ?, rows_with_errors = ?,
                           rows_imported = ?, rows_while_paused = ?, rows_while_paused_listed = cast(? as integer[]),
                           file_sha256 = case when ? > 0 then file_sha256 end,
                           finished_at = now(), updated_at = now(), version = version + 1
                    where id = ?""")
                    .params(result.read(), result.withErrors(), result.imported(), result.whilePaused().size(),
                            listed(result.whilePaused()), result.imported(), job.jobId()).update();
            return result;
        } catch (DuplicateKeyException e) {
            // The transaction is spoilt now; the earlier import is described once it has been rolled back.
            return new Counts(result.read(), result.withErrors(), 0, List.of(), IMPORTED_ALREADY);
        }
    }

    /** The first row numbers, in order, as an array literal. */
    private static String listed(List<Integer> rows) {
        return rows.stream().sorted().limit(LISTED_WHILE_PAUSED).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /**
     * Marks the job failed, saying nothing was stored; never a job whose rows were committed (it succeeded,
     * and its page must keep offering to withdraw them, even if its report could not be written after).
     */
    private void failWhole(long jobId, String message) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                update measure_import_job set status = 'FAILED', failure = ?, finished_at = now(), updated_at = now(),
                       version = version + 1 where id = ? and status <> 'SUCCEEDED'""").params(message, jobId).update());
    }

    /**
     * Reads, checks and scores every row and writes the valid ones with COPY (until the first problem, if
     * all-or-nothing); rows that repeat another row or a stored response are problems too.
     */
    private Counts copy(Prepared job, Path file) throws IOException, SQLException {
        InstrumentDefinition d = job.definition();
        long size = Math.max(1, Files.size(file));
        try (CountingStream counting = new CountingStream(Files.newInputStream(file))) {
            CsvRows csv = new CsvRows(new InputStreamReader(counting, StandardCharsets.UTF_8));
            List<String> header = csv.next();
            int headerRow = 1;
            while (header != null && ImportColumns.isEmpty(header)) {
                header = csv.next(); // blank lines before the header, as some exports write
                headerRow++;
            }
            if (header != null && ImportColumns.notUtf8Text(header)) {
                return new Counts(0, 0, 0, List.of(), "The file is not CSV text saved as UTF-8. In your spreadsheet, "
                        + "save it as \"CSV UTF-8 (comma delimited)\" and import that file. Nothing was stored.");
            }
            ImportColumns columns = header == null ? null : ImportColumns.of(header, d);
            if (columns == null || columns.problem() != null) {
                String problem = columns == null ? "The file is empty." : anotherInstrument(header, d) + columns.problem();
                return new Counts(0, 0, 0, List.of(new RowError(headerRow, null, problem)),
                        "The header row does not fit " + d.reference() + ". Nothing was stored.");
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            List<RowError> errors = new ArrayList<>();
            int itemCount = columns.items().length;
            // The current version's own rules, unless its responses were re-scored with another's (then those).
            InstrumentLibrary.StoredVersion scoring = library.scoringVersionToScoreWith(job.versionId());
            StoredRepeats stored = new StoredRepeats(jdbc, d.code(), job.jobId());
            ImportedResponseRows rows = new ImportedResponseRows(connection.unwrap(PGConnection.class).getCopyAPI(),
                    stored, stored.peopleWithResponses(job.reach().teamOfPerson().keySet()), errors, d.code(),
                    job.versionId(), scoring.id(), job.actor(), job.jobId(), itemCount);
            int read = 0;
            int withErrors = 0;
            try {
                Map<String, Integer> answers = new HashMap<>(itemCount * 2);
                short[] codes = new short[itemCount];
                boolean[] present = new boolean[itemCount];
                int rowNumber = headerRow;
                LocalDate today = LocalDate.ofInstant(clock.instant(), MeasureResponses.UK);
                for (List<String> row = csv.next(); row != null; row = csv.next()) {
                    rowNumber++;
                    if (ImportColumns.isEmpty(row)) {
                        continue;
                    }
                    read++;
                    RowCheck check = new RowCheck(rowNumber, errors);
                    String shape = columns.shapeProblem(row);
                    if (shape != null) {
                        check.add(null, shape);
                    } else {
                        Long personId = columns.person(row, job.reach(), check);
                        columns.checkBirthDate(row, personId, job.reach(), check);
                        LocalDate completedOn = columns.completedOn(row, today, check);
                        answers.clear();
                        for (int i = 0; i < itemCount; i++) {
                            present[i] = false;
                            Item item = columns.items()[i];
                            String text = row.get(columns.itemIndexes()[i]);
                            if (text == null) {
                                check.add(item.key(), item.key() + ": the quotes around this value are not closed.");
                                continue;
                            }
                            text = text.strip();
                            if (text.isEmpty()) {
                                continue;
                            }
                            Integer code = parseInt(text);
                            if (code == null) {
                                check.add(item.key(), item.key() + ": '" + ImportColumns.shorten(text) + "' is not a whole number.");
                            } else if (!item.responseSet().accepts(code)) {
                                check.add(item.key(), item.key() + ": " + code + " is not one of its response codes ("
                                        + codes(item) + ").");
                            } else {
                                answers.put(item.key(), code);
                                codes[i] = code.shortValue();
                                present[i] = true;
                            }
                        }
                        if (!check.failed()) {
                            int repeats = rows.add(rowNumber, personId, job.reach().teamOfPerson().get(personId),
                                    completedOn, codes, present, Scoring.score(scoring.definition(), answers),
                                    job.reach().whilePaused(personId, completedOn));
                            if (repeats > 0) {
                                withErrors += repeats;
                                RowCheck.keepFirst(errors);
                            }
                        }
                    }
                    if (check.failed()) {
                        withErrors++;
                    }
                    if (read % PROGRESS_EVERY_ROWS == 0) {
                        progress(job.jobId(), read, withErrors, (int) Math.min(99, counting.count() * 100 / size));
                    }
                }
                withErrors += rows.finish();
                RowCheck.keepFirst(errors);
            } catch (IOException | SQLException | RuntimeException e) {
                try {
                    rows.cancel();
                } catch (SQLException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
            int imported = rows.count();
            if (read == 0) {
                return new Counts(0, 0, 0, List.of(), "The file has a header row but no responses. Nothing was stored.");
            }
            return new Counts(read, withErrors, job.allOrNothing() && withErrors > 0 ? 0 : imported, errors, null,
                    rows.whilePaused());
        }
    }

    /** When the header fits another current questionnaire exactly, which one to choose instead (or ""). */
    private String anotherInstrument(List<String> header, InstrumentDefinition chosen) {
        for (InstrumentDefinition other : library.current()) {
            if (!other.code().equals(chosen.code()) && ImportColumns.of(header, other).problem() == null) {
                return "These are the columns of " + other.shortName() + " (" + other.code() + "). If the file holds "
                        + other.shortName() + " responses, import it again choosing " + other.shortName()
                        + " as the questionnaire. ";
            }
        }
        return "";
    }

    private void progress(long jobId, int read, int withErrors, int percent) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                update measure_import_job set rows_read = ?, rows_with_errors = ?, percent_read = ?, updated_at = now()
                where id = ?""").params(read, withErrors, percent, jobId).update());
    }

    private static Integer parseInt(String text) {
        int length = text.length();
        if (length == 0 || length > 6) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
            if (length == 1) {
                return null;
            }
        }
        int value = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private static String codes(Item item) {
        StringBuilder text = new StringBuilder();
        for (ResponseOption option : item.responseSet().options()) {
            text.append(text.length() == 0 ? "" : ", ").append(option.code());
        }
        return text.toString();
    }


    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete an import's temporary file: {}", e.getMessage());
        }
    }
}
