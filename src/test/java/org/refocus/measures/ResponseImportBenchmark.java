package org.refocus.measures;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.refocus.RefocusApplication;
import org.refocus.measures.internal.ResponseImports;
import org.refocus.testing.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * CSV import of completed QPR-15 responses, in rows per second, against PostgreSQL {@code COPY} of the
 * same file into a bare table (no keys, indexes or checks) on the same server in the same run. The
 * import does everything a real one does: parses every row, checks each person is on the importer's
 * teams' caseloads, checks every answer against the definition, scores it exactly, and streams the
 * rows with COPY into {@code measure_response} (with its keys, indexes, checks and triggers) inside
 * one all-or-nothing transaction.
 *
 * <p>Two more comparisons show PostgreSQL's own ceiling for rows that can be found again: the same CSV
 * into a table with only a generated primary key, and with that key plus one index by person. Any store
 * of one row per response, however it is written, pays at least these costs. Two more split the
 * import's own time: the rows it stores, by binary COPY into a bare table of their shape (what their
 * width costs), and into {@code measure_response} itself (what the table's key, indexes, references,
 * checks and trigger add, with none of the import's parsing, checking and scoring).
 *
 * <p>Starts the whole application (on a random port, unused) so that the import runs exactly as in
 * production. Run with {@code scripts/benchmark-import.sh [rows] [people] [repeats]} (default 1,000,000 rows,
 * 10,000 people, 3 repeats). Uses the embedded PostgreSQL of the tests (fsync off, as for tests; both
 * sides of the comparison run on the same server). Excluded from the unit tests by its name.
 */
public final class ResponseImportBenchmark {

    private ResponseImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int people = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String url = TestDatabases.newDatabaseUrl();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RefocusApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--refocus.demo=false", "--server.port=0",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            DataSource dataSource = context.getBean(DataSource.class);
            ResponseImports imports = context.getBean(ResponseImports.class);
            List<Long> personIds = population(jdbc, people);
            UserDetails importer = context.getBean(UserDetailsService.class).loadUserByUsername("bench.importer");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(importer, null, importer.getAuthorities()));

            Path file = Files.createTempFile("refocus-import-benchmark-", ".csv");
            Path stored = Files.createTempFile("refocus-import-stored-", ".txt");
            Path warmUp = Files.createTempFile("refocus-import-warm-up-", ".csv");
            try {
                write(file, rows, personIds, 42);
                write(warmUp, Math.min(rows, 100_000), personIds, 7);
                System.out.printf(Locale.UK, "%nCSV: %,d rows of QPR-15 for %,d people, %,d bytes%n", rows, people,
                        Files.size(file));
                String columns = "person_id bigint, date_of_birth date, completed_on date, " + String.join(", ",
                        java.util.stream.IntStream.rangeClosed(1, 15).mapToObj(i -> "qpr_%02d smallint".formatted(i))
                                .toList());
                jdbc.sql("create table bench_bare (" + columns + ")").update();
                // PostgreSQL's own ceiling for any stored row that can be found again: the same CSV into a
                // table with nothing but a generated primary key, and with that key plus one index by person.
                jdbc.sql("create table bench_keyed (id bigserial primary key, " + columns + ")").update();
                jdbc.sql("create table bench_indexed (id bigserial primary key, " + columns + ")").update();
                jdbc.sql("create index bench_indexed_person on bench_indexed (person_id, completed_on)").update();

                // Optional: SQL to run first, to measure what a design choice costs, for example
                // BENCH_EXPERIMENT='alter table measure_response drop constraint measure_response_person_id_fkey'.
                if (System.getenv("BENCH_EXPERIMENT") != null) {
                    for (String sql : System.getenv("BENCH_EXPERIMENT").split(";")) {
                        jdbc.sql(sql).update();
                    }
                }
                // The rows the import stores, in the binary COPY format the import itself sends, for the third
                // comparison; then warm up every path.
                importOnce(imports, jdbc, file);
                try (Connection connection = dataSource.getConnection();
                        var out = Files.newOutputStream(stored)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy measure_response (" + STORED
                            + ") to stdout (format binary)", out);
                }
                jdbc.sql("create table bench_stored_shape as select " + STORED + " from measure_response where false")
                        .update();
                copyCsv(dataSource, jdbc, "bench_bare", warmUp);
                importOnce(imports, jdbc, warmUp);
                double bestCopy = 0;
                double bestImport = 0;
                double bestStoredShape = 0;
                double bestStoredReal = 0;
                double bestKeyed = 0;
                double bestIndexed = 0;
                for (int run = 1; run <= repeats; run++) {
                    double copy = rows / copyCsv(dataSource, jdbc, "bench_bare", file);
                    double imported = rows / importOnce(imports, jdbc, file);
                    double storedShape = rows / copyStored(dataSource, jdbc, stored, "bench_stored_shape");
                    double storedReal = rows / copyStored(dataSource, jdbc, stored, "measure_response");
                    double keyed = rows / copyCsv(dataSource, jdbc, "bench_keyed", file);
                    double indexed = rows / copyCsv(dataSource, jdbc, "bench_indexed", file);
                    bestCopy = Math.max(bestCopy, copy);
                    bestImport = Math.max(bestImport, imported);
                    bestStoredShape = Math.max(bestStoredShape, storedShape);
                    bestStoredReal = Math.max(bestStoredReal, storedReal);
                    bestKeyed = Math.max(bestKeyed, keyed);
                    bestIndexed = Math.max(bestIndexed, indexed);
                    System.out.printf(Locale.UK, "run %d: the same stored rows by COPY into measure_response itself "
                            + "(its key, indexes, references, checks and trigger; no Java work) %,.0f rows/s = %.0f%% "
                            + "of bare%n", run, storedReal, 100 * storedReal / copy);
                    System.out.printf(Locale.UK, "run %d: COPY of the CSV into a bare table %,.0f rows/s; REFOCUS import "
                            + "%,.0f rows/s (%.1f%% of it); COPY of the import's own stored rows into a bare table of "
                            + "that shape %,.0f rows/s (import %.0f%% of it); COPY of the CSV into a table with only a "
                            + "primary key %,.0f rows/s (%.0f%% of bare), with that key and one index by person %,.0f "
                            + "rows/s (%.0f%% of bare)%n", run, copy, imported, 100 * imported / copy, storedShape,
                            100 * imported / storedShape, keyed, 100 * keyed / copy, indexed, 100 * indexed / copy);
                }
                System.out.printf(Locale.UK, "best:  the stored rows by COPY into measure_response itself %,.0f "
                        + "rows/s = %.0f%% of bare%n", bestStoredReal, 100 * bestStoredReal / bestCopy);
                System.out.printf(Locale.UK, "best:  COPY of the CSV into a bare table %,.0f rows/s; REFOCUS import "
                        + "%,.0f rows/s = %.1f%% of it (target at least 50%%); COPY of the stored rows into a bare table "
                        + "of their shape %,.0f rows/s (import %.0f%% of it); the CSV into a table with only a primary "
                        + "key %,.0f rows/s = %.0f%% of bare; with the key and one index by person %,.0f rows/s = %.0f%% "
                        + "of bare%n", bestCopy, bestImport, 100 * bestImport / bestCopy, bestStoredShape,
                        100 * bestImport / bestStoredShape, bestKeyed, 100 * bestKeyed / bestCopy, bestIndexed,
                        100 * bestIndexed / bestCopy);
                // A second import for the same people, each of whom already has responses: every row is then
                // looked up, exactly, for a stored response it might repeat.
                Path history = Files.createTempFile("refocus-import-history-", ".csv");
                try {
                    write(history, rows, personIds, 43, LocalDate.of(2019, 1, 1));
                    importOnce(imports, jdbc, history);
                    jdbc.sql("truncate measure_import_error, measure_import_job").update();
                    jdbc.sql("analyze measure_response").update();
                    jdbc.sql("checkpoint").update();
                    long start = System.nanoTime();
                    ResponseImports.JobView job = imports.importNow(file, "second.csv", "qpr-15", true);
                    double second = rows / ((System.nanoTime() - start) / 1e9);
                    if (!job.status().equals("SUCCEEDED")) {
                        throw new IllegalStateException("second import " + job.status() + ": " + imports.errors(job.id()));
                    }
                    System.out.printf(Locale.UK, "second import, each person already having %,d responses (every row "
                            + "looked up for a repeat): %,.0f rows/s = %.0f%% of the best first import%n", rows / people,
                            second, 100 * second / bestImport);
                } finally {
                    Files.deleteIfExists(history);
                }
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(warmUp);
                Files.deleteIfExists(stored);
            }
        }
        System.exit(0);
    }

    /** Seconds taken by PostgreSQL COPY of the whole CSV file into one of the comparison tables. */
    private static double copyCsv(DataSource dataSource, JdbcClient jdbc, String table, Path file) throws Exception {
        jdbc.sql("truncate " + table + " restart identity").update();
        jdbc.sql("checkpoint").update();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Reader in = Files.newBufferedReader(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + CSV_COLUMNS + ") from stdin (format csv, header true)", in);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static final String CSV_COLUMNS = "person_id, date_of_birth, completed_on, " + String.join(", ",
            java.util.stream.IntStream.rangeClosed(1, 15).mapToObj(i -> "qpr_%02d".formatted(i)).toList());

    /** The columns an import writes. */
    private static final String STORED = "person_id, team_id, instrument_code, instrument_version_id, "
            + "scoring_version_id, mode, status, answers, score_values, score_absences, complete, started_at, "
            + "completed_at, entered_by, import_job_id, created_by, updated_by";

    /**
     * Seconds taken by binary COPY of the rows an import stores into a table of their shape with nothing else:
     * what writing those rows costs before any key, index, check or reference is kept; and into
     * {@code measure_response} itself, which adds all of those but none of the import's own work.
     */
    private static double copyStored(DataSource dataSource, JdbcClient jdbc, Path file, String table) throws Exception {
        jdbc.sql("truncate " + table + (table.equals("measure_response") ? ", measure_rescore" : "")).update();
        jdbc.sql("checkpoint").update();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); var in = Files.newInputStream(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + STORED
                    + ") from stdin (format binary)", in);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds taken by a whole REFOCUS import (all-or-nothing) of the file. */
    private static double importOnce(ResponseImports imports, JdbcClient jdbc, Path file) {
        jdbc.sql("truncate measure_response, measure_rescore").update();
        // Each run imports the same file, which a real import refuses the second time.
        jdbc.sql("truncate measure_import_error, measure_import_job").update();
        jdbc.sql("checkpoint").update();
        long start = System.nanoTime();
        ResponseImports.JobView job = imports.importNow(file, "benchmark.csv", "qpr-15", true);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!job.status().equals("SUCCEEDED")) {
            throw new IllegalStateException("import " + job.status() + ": " + imports.errors(job.id()));
        }
        return seconds;
    }

    /** A team with an importer and {@code count} people on its caseload; returns their ids. */
    private static List<Long> population(JdbcClient jdbc, int count) {
        long organisation = jdbc.sql("insert into organisation (name) values ('Benchmark Trust (synthetic)') returning id")
                .query(Long.class).single();
        long site = jdbc.sql("insert into site (organisation_id, name) values (?, 'Benchmark site') returning id")
                .param(organisation).query(Long.class).single();
        long team = jdbc.sql("insert into team (site_id, name) values (?, 'Benchmark team') returning id")
                .param(site).query(Long.class).single();
        long account = jdbc.sql("""
                insert into account (username, display_name, role, status, password_hash)
                values ('bench.importer', 'Benchmark Importer', 'PRACTITIONER', 'ACTIVE', '{noop}unused') returning id""")
                .query(Long.class).single();
        jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(account, team).update();
        jdbc.sql("""
                insert into person (given_name, family_name, team_id, care_coordinator_id)
                select 'Given' || n, 'Family' || n, ?, ? from generate_series(1, ?) n""")
                .params(team, account, count).update();
        jdbc.sql("update person set date_of_birth = date '1960-01-01' + (id % 15000)::int where team_id = ?")
                .param(team).update();
        return jdbc.sql("select id from person where team_id = ? order by id").param(team).query(Long.class).list();
    }

    /** Everyone's date of birth, as the population sets it: a day after 1 January 1960 given by their id. */
    private static final LocalDate BORN = LocalDate.of(1960, 1, 1);

    /** Random but realistic answers: each person around their own level; about 1 in 100 answers blank. */
    private static void write(Path file, int rows, List<Long> people, long seed) throws IOException {
        write(file, rows, people, seed, LocalDate.of(2023, 1, 1));
    }

    /** As above, with responses on days in the three years from {@code first}. */
    private static void write(Path file, int rows, List<Long> people, long seed, LocalDate first) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("person_id,date_of_birth,completed_on");
            for (int i = 1; i <= 15; i++) {
                out.write(",qpr_%02d".formatted(i));
            }
            out.write('\n');
            StringBuilder line = new StringBuilder(64);
            // At most one response per person per day, as on paper: the import reports repeats as problems.
            java.util.Set<Long> days = new java.util.HashSet<>(rows * 2);
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                long person = people.get(random.nextInt(people.size()));
                int level = (int) (person % 5);
                int day = random.nextInt(3 * 365);
                while (!days.add(person * 4096 + day)) {
                    day = random.nextInt(3 * 365);
                }
                line.append(person).append(',').append(BORN.plusDays(person % 15000)).append(',')
                        .append(first.plusDays(day));
                for (int i = 0; i < 15; i++) {
                    line.append(',');
                    if (random.nextInt(100) != 0) {
                        line.append(Math.max(0, Math.min(4, level + random.nextInt(3) - 1)));
                    }
                }
                out.append(line).append('\n');
            }
        }
    }
}
