package org.refocus.programme;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team of the Hillview site with a team leader of its own (signing in with the demo password), for tests
 * that must leave the demo teams as they were.
 */
record OwnTeam(long id, String leader) {

    private static final AtomicInteger TEAMS = new AtomicInteger();

    static OwnTeam create(JdbcClient jdbc, String label) {
        int n = TEAMS.incrementAndGet();
        long site = jdbc.sql("select site_id from team where name like 'Hillview%'").query(Long.class).single();
        long team = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id")
                .params(site, label + " team " + n + " " + System.nanoTime()).query(Long.class).single();
        String leader = label.toLowerCase().replaceAll("[^a-z]", "") + ".lead." + n + "." + System.nanoTime();
        long account = jdbc.sql("""
                        insert into account (username, display_name, role, status, password_hash)
                        select ?, 'Test Leader', 'TEAM_LEADER', 'ACTIVE', password_hash from account
                        where username = 'teamlead' returning id""")
                .param(leader).query(Long.class).single();
        jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(account, team).update();
        return new OwnTeam(team, leader);
    }
}
