package org.refocus.measures;

import java.util.Map;
import java.util.TreeMap;
import org.refocus.measures.instrument.InstrumentCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks demo records up by name, never by magic number. */
final class MeasuresFixtures {

    private final JdbcClient jdbc;

    MeasuresFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long sam() {
        return jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
    }

    long team(String prefix) {
        return jdbc.sql("select id from team where name like ?").param(prefix + "%").query(Long.class).single();
    }

    long account(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    /** Someone in the team who has no account of their own. */
    long personInTeam(String prefix) {
        return jdbc.sql("""
                select p.id from person p join team t on t.id = p.team_id where t.name like ?
                and p.id not in (select person_id from account where person_id is not null)
                and p.id not in (select person_id from measurement_pause) order by p.id limit 1""")
                .param(prefix + "%").query(Long.class).single();
    }

    /** The person's latest completed response (other tests may leave newer ones under way or marked in error). */
    long latestResult(long personId, String code) {
        return jdbc.sql("select id from measure_response where person_id = ? and instrument_code = ? "
                + "and status = 'COMPLETED' order by id desc limit 1").params(personId, code).query(Long.class).single();
    }

    long latestResponse(long personId, String code) {
        return jdbc.sql("select id from measure_response where person_id = ? and instrument_code = ? "
                + "order by id desc limit 1").params(personId, code).query(Long.class).single();
    }

    /** A response's stored answers by item key, the unanswered left out. */
    Map<String, Integer> answers(long response) {
        Map<String, Object> row = jdbc.sql("select instrument_code, answers::text as answers from measure_response "
                + "where id = ?").param(response).query().singleRow();
        var items = InstrumentCatalogue.loadDefault().get((String) row.get("instrument_code")).items();
        String[] elements = ((String) row.get("answers")).replaceAll("[{}]", "").split(",");
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < elements.length; i++) {
            if (!elements[i].equals("NULL")) {
                answers.put(items.get(i).key(), Integer.valueOf(elements[i]));
            }
        }
        return answers;
    }

    long auditCount(Long personId, String action, String recordType, String outcome) {
        return jdbc.sql("select count(*) from audit_entry where person_id is not distinct from ? and action = ? "
                + "and record_type = ? and outcome = ?").params(personId, action, recordType, outcome)
                .query(Long.class).single();
    }
}
