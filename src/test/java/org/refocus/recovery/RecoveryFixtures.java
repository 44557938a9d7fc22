package org.refocus.recovery;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up the demo data by name (never by magic numbers). */
record RecoveryFixtures(JdbcClient jdbc) {

    long sam() {
        return jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
    }

    long account(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    long goalOf(long person, String wordsLike) {
        return jdbc.sql("select id from recovery_goal where person_id = ? and words like ? order by id limit 1")
                .params(person, wordsLike).query(Long.class).single();
    }

    long first(String table, long person) {
        return jdbc.sql("select id from " + table + " where person_id = ? order by id limit 1").param(person)
                .query(Long.class).single();
    }

    int version(String table, long id) {
        return jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single();
    }

    long staffPreference(long person) {
        return jdbc.sql("select id from recovery_preference where person_id = ? and voice = 'STAFF' limit 1")
                .param(person).query(Long.class).single();
    }

    long stepOwnedBy(long person, String owner) {
        return jdbc.sql("select id from recovery_step where person_id = ? and owner_kind = ? and not done "
                + "order by id limit 1").params(person, owner).query(Long.class).single();
    }

    long latestAssessment(long person) {
        return jdbc.sql("select id from recovery_strengths_assessment where person_id = ? order by assessed_on desc, "
                + "id desc limit 1").param(person).query(Long.class).single();
    }

    long entryOf(long assessment) {
        return jdbc.sql("select id from recovery_strength_entry where assessment_id = ? order by id limit 1")
                .param(assessment).query(Long.class).single();
    }

    /** A person in another team (Hillview), and one more service user account for Sam's neighbour. */
    long hillviewPerson() {
        return jdbc.sql("select p.id from person p join team t on t.id = p.team_id where t.name like 'Hillview%' "
                + "order by p.id limit 1").query(Long.class).single();
    }

    /** Creates (once) a second service user account for another person in Sam's team, and returns its username. */
    String otherServiceUser() {
        long sam = sam();
        List<String> existing = jdbc.sql("select username from account where username = 'other.serviceuser'")
                .query(String.class).list();
        if (existing.isEmpty()) {
            long neighbour = jdbc.sql("select id from person where team_id = (select team_id from person where id = ?) "
                    + "and id <> ? and id not in (select person_id from account where person_id is not null) "
                    + "order by id limit 1").params(sam, sam).query(Long.class).single();
            String hash = jdbc.sql("select password_hash from account where username = 'serviceuser'")
                    .query(String.class).single();
            // Linked and already checked by its holder, so that it really reaches its own record and no other.
            jdbc.sql("insert into account (username, display_name, role, status, password_hash, person_id, "
                    + "person_confirmed_at) values ('other.serviceuser', 'Other Person (demo)', 'SERVICE_USER', "
                    + "'ACTIVE', ?, ?, now())")
                    .params(hash, neighbour).update();
        }
        return "other.serviceuser";
    }
}
