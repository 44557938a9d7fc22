package org.refocus.measures.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds imported rows that repeat a response already stored: the same person, instrument, day (in the
 * UK) and answers, still counted (not entered in error). Paper forms are often keyed in and later
 * arrive again in another system's export; storing both would count one questionnaire twice in the
 * person's chart, the team's figures and a trial's analysis. One query per chunk of rows, through the
 * person index; it runs in the import's own transaction, so it also sees the rows this import has
 * already written. (No {@code order by id} in the probe: with one, PostgreSQL chose to walk the primary
 * key for every row, which took minutes for a chunk once the table held a few chunks.)
 */
final class StoredRepeats {

    private static final String QUERY = """
            select c.n, r.mode, r.import_job_id, (r.completed_at at time zone 'Europe/London')::date as on_day
            from unnest(?::bigint[], ?::int[], ?::text[]) with ordinality as c(person_id, day, answers, n)
            cross join lateral (
                select r.mode, r.import_job_id, r.completed_at from measure_response r
                where r.person_id = c.person_id and r.instrument_code = ? and r.status = 'COMPLETED'
                  and r.completed_at >= ((date '1970-01-01' + c.day)::timestamp at time zone 'Europe/London')
                  and r.completed_at < ((date '1970-01-01' + c.day + 1)::timestamp at time zone 'Europe/London')
                  and r.answers = c.answers::smallint[]
                limit 1) r""";

    private final JdbcClient jdbc;
    private final String instrumentCode;
    private final long jobId;

    StoredRepeats(JdbcClient jdbc, String instrumentCode, long jobId) {
        this.jdbc = jdbc;
        this.instrumentCode = instrumentCode;
        this.jobId = jobId;
    }

    /**
     * Of the given people, those with a counted response to this instrument already: only their rows can
     * repeat a response stored before the import began.
     */
    Set<Long> peopleWithResponses(Collection<Long> people) {
        if (people.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("""
                select p from unnest(?::bigint[]) p
                where exists (select 1 from measure_response r
                              where r.person_id = p and r.instrument_code = ? and r.status = 'COMPLETED')""")
                .params(people.stream().mapToLong(Long::longValue).toArray(), instrumentCode).query(Long.class).list());
    }

    /**
     * For the given rows (person, epoch day, answers as a PostgreSQL array literal), the position of each
     * row that repeats a stored response and why, in words for the importer.
     */
    Map<Integer, String> find(long[] persons, int[] days, String[] answers) {
        Map<Integer, String> found = new HashMap<>();
        if (persons.length == 0) {
            return found;
        }
        jdbc.sql(QUERY).params(persons, days, answers, instrumentCode).query(rs -> {
            int position = rs.getInt("n") - 1;
            long importJob = rs.getLong("import_job_id");
            boolean fromImport = !rs.wasNull();
            found.put(position, why(rs.getString("mode"), fromImport, importJob, rs.getObject("on_day", LocalDate.class)));
        });
        return found;
    }

    private String why(String mode, boolean fromImport, long importJob, LocalDate day) {
        if (fromImport && importJob == jobId) {
            return "This row repeats an earlier row of this file: same person, date and answers. Remove one of them.";
        }
        String source = "IMPORTED".equals(mode) ? "imported earlier (import " + importJob + ")"
                : "completed in REFOCUS";
        return "This row repeats a response already stored for this person for " + day + ", " + source
                + ": same date and answers. Remove the row, or first mark the stored response entered in error.";
    }
}
