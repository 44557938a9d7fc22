package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.refocus.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V32 gives every existing resource an owning organisation: its creator's, when the creator's teams are all
 * in one organisation; otherwise that of the people it was offered to, when they are all in one; otherwise
 * the lowest organisation id. Afterwards no resource is without one.
 */
class ResourceOwnerMigrationTest {

    @Test
    void existingResourcesGetTheOrganisationOfTheirCreatorOrOfferedPeopleOrElseTheLowest() {
        String url = TestDatabases.newDatabaseUrl();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("31").load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        long first = organisation(jdbc, "First trust");
        long second = organisation(jdbc, "Second trust");
        long firstTeam = team(jdbc, first);
        long secondTeam = team(jdbc, second);
        long inSecond = account(jdbc, "second.lead", secondTeam);
        long inBoth = account(jdbc, "trainer.both", firstTeam);
        jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(inBoth, secondTeam).update();
        long secondPerson = person(jdbc, secondTeam);
        long firstPerson = person(jdbc, firstTeam);

        long byCreator = resource(jdbc, "by a creator of one organisation", inSecond);
        offer(jdbc, byCreator, firstPerson, firstTeam);
        long byOffers = resource(jdbc, "by a trainer of both, offered in the second", inBoth);
        offer(jdbc, byOffers, secondPerson, secondTeam);
        long unused = resource(jdbc, "by a trainer of both, never offered", inBoth);
        long everywhere = resource(jdbc, "creator unknown, offered in both", null);
        offer(jdbc, everywhere, firstPerson, firstTeam);
        offer(jdbc, everywhere, secondPerson, secondTeam);

        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();

        assertThat(owner(jdbc, byCreator)).as("the creator's only organisation, whoever it was offered to")
                .isEqualTo(second);
        assertThat(owner(jdbc, byOffers)).as("ambiguous creator: where it was offered").isEqualTo(second);
        assertThat(owner(jdbc, unused)).as("nothing to go on: the lowest id").isEqualTo(first);
        assertThat(owner(jdbc, everywhere)).as("offered in both: the lowest id").isEqualTo(first);
        assertThatThrownBy(() -> jdbc.sql("insert into programme_resource (kind, title, url) "
                + "values ('LINK', 'No owner', 'https://example.org')").update())
                .hasStackTraceContaining("organisation_id");
    }

    private static long organisation(JdbcClient jdbc, String name) {
        return jdbc.sql("insert into organisation (name) values (?) returning id").param(name).query(Long.class)
                .single();
    }

    private static long team(JdbcClient jdbc, long organisation) {
        long site = jdbc.sql("insert into site (organisation_id, name) values (?, 'Site') returning id")
                .param(organisation).query(Long.class).single();
        return jdbc.sql("insert into team (site_id, name) values (?, 'Team') returning id").param(site)
                .query(Long.class).single();
    }

    private static long account(JdbcClient jdbc, String username, Long team) {
        long id = jdbc.sql("insert into account (username, display_name, role, status) "
                + "values (?, ?, 'TRAINER', 'ACTIVE') returning id").params(username, username).query(Long.class)
                .single();
        if (team != null) {
            jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(id, team).update();
        }
        return id;
    }

    private static long person(JdbcClient jdbc, long team) {
        return jdbc.sql("insert into person (given_name, family_name, team_id) values ('A', 'Person', ?) returning id")
                .param(team).query(Long.class).single();
    }

    private static long resource(JdbcClient jdbc, String title, Long createdBy) {
        return jdbc.sql("insert into programme_resource (kind, title, url, created_by) "
                + "values ('LINK', ?, 'https://example.org', ?) returning id").params(title, createdBy)
                .query(Long.class).single();
    }

    private static void offer(JdbcClient jdbc, long resource, long person, long team) {
        jdbc.sql("insert into resource_offer (resource_id, person_id, team_id, offered_on) values (?, ?, ?, current_date)")
                .params(resource, person, team).update();
    }

    private static long owner(JdbcClient jdbc, long resource) {
        return jdbc.sql("select organisation_id from programme_resource where id = ?").param(resource)
                .query(Long.class).single();
    }
}
