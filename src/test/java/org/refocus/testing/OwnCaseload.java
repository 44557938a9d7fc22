package org.refocus.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team of the Hillview site with a practitioner of its own and one person on their caseload, who has an
 * account too (both sign in with the demo password; the person has already said the record is theirs), for
 * tests that must leave the demo records as they were.
 *
 * @param practitioner the practitioner's username
 * @param person       the person's id
 * @param personUser   the person's own username
 */
public record OwnCaseload(long team, String practitioner, long person, String personUser) {

    private static final AtomicInteger TEAMS = new AtomicInteger();

    /** {@code givenName} is the person's; their family name is "Test". */
    public static OwnCaseload create(JdbcClient jdbc, String givenName) {
        String suffix = TEAMS.incrementAndGet() + "." + System.nanoTime();
        long site = jdbc.sql("select site_id from team where name like 'Hillview%'").query(Long.class).single();
        long team = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id")
                .params(site, givenName + " test team " + suffix).query(Long.class).single();
        String practitioner = "practitioner." + suffix;
        long account = account(jdbc, practitioner, "Test Practitioner", "PRACTITIONER", null);
        jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(account, team).update();
        long person = jdbc.sql("""
                insert into person (given_name, family_name, date_of_birth, team_id, care_coordinator_id)
                values (?, 'Test', date '1984-02-29', ?, ?) returning id""")
                .params(givenName, team, account).query(Long.class).single();
        String personUser = givenName.toLowerCase() + "." + suffix;
        account(jdbc, personUser, givenName + " Test", "SERVICE_USER", person);
        return new OwnCaseload(team, practitioner, person, personUser);
    }

    private static long account(JdbcClient jdbc, String username, String name, String role, Long person) {
        return jdbc.sql("""
                insert into account (username, display_name, role, status, password_hash, person_id, person_confirmed_at)
                select ?, ?, ?, 'ACTIVE', password_hash, ?, case when ?::bigint is not null then now() end
                from account where username = 'teamlead' returning id""")
                .params(username, name, role, person, person).query(Long.class).single();
    }
}
