package org.refocus.measures.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.ScoreValue;

/**
 * The checked, scored rows of one import, written into {@code measure_response} with binary
 * {@code COPY}. Rows are gathered in chunks. Before a chunk is written, rows that repeat another row of
 * the file or a response already stored (same person, day and answers; {@link StoredRepeats}) are taken
 * out and reported as row problems. Each chunk is then written in (person, date) order by its own
 * {@code COPY}, so that the person index is filled a few neighbouring pages at a time rather than at
 * random. Identifiers therefore follow that order, not the file's.
 *
 * <p>Every valid row is written, also after a problem in all-or-nothing mode (the caller then rolls the
 * whole import back): the rows written are what later rows are compared with, so the report lists the
 * same repeats in either mode.
 *
 * <p>Why binary COPY sorted per chunk, as first measured on a million QPR-15 rows for 10,000 people (2 cores,
 * before later indexes): 51,500 rows/s with text COPY in file order; 48,500 with binary COPY in file order;
 * 52,700-55,300 with binary COPY sorted per chunk. The server's per-row foreign-key checks and index
 * insertions dominate; today's figures, and how they split between this class and the table, are in the
 * README ("Why the import does not reach half of a bare COPY").
 */
final class ImportedResponseRows {

    static final String COPY = """
            copy measure_response (person_id, team_id, instrument_code, instrument_version_id, scoring_version_id, mode,
                status, answers, score_values, score_absences, complete, started_at, completed_at, entered_by,
                import_job_id, created_by, updated_by)
            from stdin (format binary)""";

    private static final int FIELDS = 17;
    private static final int CHUNK_ROWS = 1 << 16;
    private static final int WRITE_BYTES = 1 << 20;
    private static final short ABSENT = Short.MIN_VALUE;
    private static final byte[] IMPORTED = "IMPORTED".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMPLETED = "COMPLETED".getBytes(StandardCharsets.US_ASCII);

    private final CopyManager copy;
    private final StoredRepeats stored;
    private final Set<Long> peopleWithStored;
    private final SeenResponses seen = new SeenResponses();
    private final List<ResponseImports.RowError> errors;
    private final byte[] instrumentCode;
    private final long versionId;
    private final long scoringVersionId;
    private final long actor;
    private final long jobId;
    private final int items;
    private final BinaryCopyRows chunk = new BinaryCopyRows(CHUNK_ROWS * 256);
    private final BinaryCopyRows out = new BinaryCopyRows(WRITE_BYTES + 4096);
    private final long[] persons = new long[CHUNK_ROWS];
    private final int[] days = new int[CHUNK_ROWS];
    private final int[] rowNumbers = new int[CHUNK_ROWS];
    private final long[] fingerprints = new long[CHUNK_ROWS];
    private final short[] codes;
    private final int[] starts = new int[CHUNK_ROWS + 1];
    private final boolean[] repeats = new boolean[CHUNK_ROWS];
    private final boolean[] paused = new boolean[CHUNK_ROWS];
    private final List<Integer> whilePaused = new ArrayList<>();
    private final List<BigDecimal> values = new ArrayList<>();
    private final List<String> absences = new ArrayList<>();
    private CopyIn copyIn;
    private int rows;
    private int written;

    ImportedResponseRows(CopyManager copy, StoredRepeats stored, Set<Long> peopleWithStored,
            List<ResponseImports.RowError> errors, String instrumentCode, long versionId, long scoringVersionId,
            long actor, long jobId, int items) {
        this.copy = copy;
        this.stored = stored;
        this.peopleWithStored = peopleWithStored;
        this.errors = errors;
        this.instrumentCode = instrumentCode.getBytes(StandardCharsets.UTF_8);
        this.versionId = versionId;
        this.scoringVersionId = scoringVersionId;
        this.actor = actor;
        this.jobId = jobId;
        this.items = items;
        this.codes = new short[CHUNK_ROWS * items];
    }

    /**
     * Adds the response of CSV row {@code rowNumber}: its answers in item order ({@code present[i]} false
     * where skipped) and its scores. Returns how many rows were found to be repeats if this filled a
     * chunk (they are in the report, and not written), otherwise 0.
     */
    int add(int rowNumber, long personId, long teamId, LocalDate completedOn, short[] answers, boolean[] present,
            ScoreResult result, boolean completedWhilePaused) throws SQLException {
        var at = completedOn.atTime(12, 0).toInstant(ZoneOffset.UTC);
        values.clear();
        absences.clear();
        boolean anyAbsent = false;
        for (ScoreValue score : result.scores()) {
            values.add(score.isPresent() ? score.value() : null);
            absences.add(score.isPresent() ? null : score.absence().name());
            anyAbsent |= !score.isPresent();
        }
        starts[rows] = chunk.length();
        persons[rows] = personId;
        days[rows] = (int) completedOn.toEpochDay();
        rowNumbers[rows] = rowNumber;
        paused[rows] = completedWhilePaused;
        for (int i = 0; i < items; i++) {
            codes[rows * items + i] = present[i] ? answers[i] : ABSENT;
        }
        fingerprints[rows] = SeenResponses.fingerprint(personId, days[rows], codes, rows * items, (rows + 1) * items);
        chunk.row(FIELDS).int8(personId).int8(teamId).text(instrumentCode).int8(versionId).int8(scoringVersionId)
                .text(IMPORTED).text(COMPLETED).int2Array(answers, present, items).numericArray(values);
        if (anyAbsent) {
            chunk.textArray(absences);
        } else {
            chunk.nullValue();
        }
        chunk.bool(result.complete()).timestamptz(at).timestamptz(at).int8(actor).int8(jobId).int8(actor).int8(actor);
        rows++;
        return rows == CHUNK_ROWS ? writeChunk() : 0;
    }

    /** The row numbers of written rows completed while their person had paused questionnaires. */
    List<Integer> whilePaused() {
        return whilePaused;
    }

    /** How many rows have been written. */
    int count() {
        return written;
    }

    /**
     * Checks and writes what is left; the server has then checked and stored every written row. Returns
     * how many of the remaining rows were repeats.
     */
    int finish() throws SQLException {
        return writeChunk();
    }

    /** Abandons a COPY that an error interrupted: the server stores none of its rows. */
    void cancel() throws SQLException {
        if (copyIn != null && copyIn.isActive()) {
            copyIn.cancelCopy();
        }
    }

    private int writeChunk() throws SQLException {
        starts[rows] = chunk.length();
        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Arrays.sort(order, this::compare);
        int found = repeatsWithinChunk(order) + repeatsOfStored(order);
        if (rows > found) {
            copyIn = copy.copyIn(COPY);
            out.header();
            byte[] encoded = chunk.buffer();
            for (int i : order) {
                if (!repeats[i]) {
                    out.bytes(encoded, starts[i], starts[i + 1] - starts[i]);
                    seen.add(fingerprints[i]);
                    written++;
                    if (paused[i]) {
                        whilePaused.add(rowNumbers[i]);
                    }
                    if (out.length() >= WRITE_BYTES) {
                        send();
                    }
                }
            }
            out.trailer();
            send();
            copyIn.endCopy();
        }
        chunk.clear();
        Arrays.fill(repeats, 0, rows, false);
        rows = 0;
        return found;
    }

    /** Rows equal to an earlier row of the same chunk sit next to it in (person, day, answers, row) order. */
    private int repeatsWithinChunk(Integer[] order) {
        int found = 0;
        int first = 0;
        for (int k = 1; k < order.length; k++) {
            if (sameResponse(order[first], order[k])) {
                repeats[order[k]] = true;
                found++;
                report(order[k], "This row repeats row " + rowNumbers[order[first]]
                        + ": same person, date and answers. Remove one of them.");
            } else {
                first = k;
            }
        }
        return found;
    }

    /**
     * Rows that may repeat a stored response are looked up, exactly, in one query: those of people who had
     * responses to this instrument before the import, and those whose fingerprint an earlier chunk wrote.
     */
    private int repeatsOfStored(Integer[] order) {
        int candidates = 0;
        for (int i : order) {
            candidates += mayRepeatStored(i) ? 1 : 0;
        }
        long[] p = new long[candidates];
        int[] d = new int[candidates];
        String[] a = new String[candidates];
        int[] index = new int[candidates];
        int n = 0;
        for (int i : order) {
            if (mayRepeatStored(i)) {
                p[n] = persons[i];
                d[n] = days[i];
                a[n] = arrayLiteral(i);
                index[n++] = i;
            }
        }
        Map<Integer, String> found = stored.find(p, d, a);
        found.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            repeats[index[e.getKey()]] = true;
            report(index[e.getKey()], e.getValue());
        });
        return found.size();
    }

    private boolean mayRepeatStored(int i) {
        return !repeats[i] && (peopleWithStored.contains(persons[i]) || seen.contains(fingerprints[i]));
    }

    /** Always added: the caller keeps the problems of the lowest-numbered rows ({@link RowCheck#keepFirst}). */
    private void report(int i, String message) {
        errors.add(new ResponseImports.RowError(rowNumbers[i], null, message));
    }

    private int compare(int a, int b) {
        if (persons[a] != persons[b]) {
            return Long.compare(persons[a], persons[b]);
        }
        if (days[a] != days[b]) {
            return Integer.compare(days[a], days[b]);
        }
        int answers = Arrays.compare(codes, a * items, (a + 1) * items, codes, b * items, (b + 1) * items);
        return answers != 0 ? answers : Integer.compare(rowNumbers[a], rowNumbers[b]);
    }

    private boolean sameResponse(int a, int b) {
        return persons[a] == persons[b] && days[a] == days[b]
                && Arrays.equals(codes, a * items, (a + 1) * items, codes, b * items, (b + 1) * items);
    }

    private String arrayLiteral(int row) {
        StringBuilder text = new StringBuilder(items * 3 + 2).append('{');
        for (int i = 0; i < items; i++) {
            short code = codes[row * items + i];
            text.append(i == 0 ? "" : ",");
            if (code == ABSENT) {
                text.append("NULL");
            } else {
                text.append(code);
            }
        }
        return text.append('}').toString();
    }

    private void send() throws SQLException {
        if (out.length() > 0) {
            copyIn.writeToCopy(out.buffer(), 0, out.length());
            out.clear();
        }
    }
}
