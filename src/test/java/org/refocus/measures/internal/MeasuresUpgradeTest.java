package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.refocus.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database as the previous release (V28) left it, upgraded. Which instrument versions have been
 * answered, as the database now keeps it (V29), so that start-up and the guard on instrument_version need
 * not read every stored response: a version is marked answered by the first response stored on it,
 * however it is stored (one at a time, or a CSV import's COPY), and only if that response is committed;
 * versions answered before the upgrade are marked by it. And an import that stored responses but was
 * shown as failed is shown as what it was (V29.1).
 */
class MeasuresUpgradeTest {

    private static String url;
    private static JdbcClient jdbc;
    private static long person;
    private static long answeredBeforeUpgrade;
    private static long unansweredBeforeUpgrade;
    private static long failedButStored;
    private static long failedAndEmpty;

    /** A database as the previous release left it, with one answered version, then upgraded. */
    @BeforeAll
    static void upgradeADatabaseWithAResponse() {
        url = TestDatabases.newDatabaseUrl();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("28").load()
                .migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        long organisation = jdbc.sql("insert into organisation (name) values ('Answered versions') returning id")
                .query(Long.class).single();
        long site = jdbc.sql("insert into site (organisation_id, name) values (?, 'Site') returning id")
                .param(organisation).query(Long.class).single();
        long team = jdbc.sql("insert into team (site_id, name) values (?, 'Team') returning id").param(site)
                .query(Long.class).single();
        person = jdbc.sql("insert into person (given_name, family_name, team_id) values ('Ada', 'Test', ?) returning id")
                .param(team).query(Long.class).single();
        answeredBeforeUpgrade = version("before-answered");
        unansweredBeforeUpgrade = version("before-unanswered");
        long imported = respond(jdbc, answeredBeforeUpgrade);
        assertThat(use(answeredBeforeUpgrade)).isEqualTo("ANSWERED");
        failedButStored = job(answeredBeforeUpgrade, "a1");
        failedAndEmpty = job(answeredBeforeUpgrade, "b2");
        jdbc.sql("update measure_response set import_job_id = ? where id = ?").params(failedButStored, imported).update();

        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").outOfOrder(true).load()
                .migrate();
    }

    @Test
    void aVersionAnsweredBeforeTheUpgradeIsStillAnsweredAndTheOtherIsNot() {
        assertThat(use(answeredBeforeUpgrade)).isEqualTo("ANSWERED");
        assertThat(use(unansweredBeforeUpgrade)).isNull();
        assertThatThrownBy(() -> jdbc.sql("update instrument_version set definition = '{\"code\": \"changed\"}' where id = ?")
                .param(answeredBeforeUpgrade).update()).hasMessageContaining("has been answered and cannot be edited");
    }

    @Test
    void anImportThatStoredResponsesButWasShownAsFailedIsShownAsSucceededAndAudited() {
        assertThat(jdbc.sql("select status || ' ' || rows_imported || ' ' || coalesce(failure, '-') from measure_import_job "
                + "where id = ?").param(failedButStored).query(String.class).single()).isEqualTo("SUCCEEDED 1 -");
        assertThat(jdbc.sql("select status from measure_import_job where id = ?").param(failedAndEmpty)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select detail from audit_entry where record_type = 'measure_import_job' and record_id = ?")
                .param(Long.toString(failedButStored)).query(String.class).list())
                .containsExactly("marked SUCCEEDED: shown as failed, but it had stored responses (1) (migration V29.1)");
    }

    @Test
    void theFirstResponseStoredOnAVersionMarksIt() {
        long v = version("inserted");
        assertThat(use(v)).isNull();
        respond(jdbc, v);
        assertThat(use(v)).isEqualTo("ANSWERED");
        respond(jdbc, v);
        assertThat(jdbc.sql("select count(*) from instrument_version_answered where version_id = ?").param(v)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rowsStoredByCopyAsACsvImportStoresThemMarkTheirVersions() throws Exception {
        long first = version("copied-1");
        long second = version("copied-2");
        String row = "%d\t1\tqpr-15\t%d\tIMPORTED\tCOMPLETED\t{1,2}\t{3}\t{NULL}\tt\t2026-01-01\t2026-01-01\n";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy measure_response (person_id, team_id, instrument_code, instrument_version_id, mode, status,
                        answers, score_values, score_absences, complete, started_at, completed_at) from stdin""",
                    new StringReader(row.formatted(person, first) + row.formatted(person, second)
                            + row.formatted(person, first)));
        }
        assertThat(use(first)).isEqualTo("ANSWERED");
        assertThat(use(second)).isEqualTo("ANSWERED");
    }

    @Test
    void aResponseThatIsRolledBackLeavesItsVersionUnanswered() throws Exception {
        long v = version("rolled-back");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            respond(JdbcClient.create(new SingleConnectionDataSource(connection, true)), v);
            connection.rollback();
        }
        assertThat(use(v)).isNull();
        jdbc.sql("update instrument_version set definition = '{\"code\": \"editable\"}' where id = ?").param(v).update();
    }

    @Test
    void aResponseStaysOnTheVersionItWasStartedOn() {
        long from = version("started-on");
        long to = version("moved-to");
        long response = respond(jdbc, from);
        assertThatThrownBy(() -> jdbc.sql("update measure_response set instrument_version_id = ? where id = ?")
                .params(to, response).update()).hasMessageContaining("stays on it");
        assertThat(use(to)).isNull();
    }

    private static long version(String name) {
        return jdbc.sql("""
                insert into instrument_version (code, version, superseded, title, definition)
                values ('qpr-15', ?, false, 'QPR', '{"code": "qpr-15"}') returning id""").param(name)
                .query(Long.class).single();
    }

    /** An import job that ended FAILED with "Nothing was stored", as the previous release could leave it. */
    private static long job(long versionId, String sha256) {
        return jdbc.sql("""
                insert into measure_import_job (instrument_version_id, file_name, all_or_nothing, status, failure, file_sha256)
                values (?, 'responses.csv', false, 'FAILED', 'Nothing was stored', ?) returning id""")
                .params(versionId, sha256).query(Long.class).single();
    }

    private static long respond(JdbcClient client, long versionId) {
        return client.sql("""
                insert into measure_response (person_id, team_id, instrument_code, instrument_version_id, mode, status,
                    answers) values (?, 1, 'qpr-15', ?, 'SELF', 'IN_PROGRESS', '{1,null}') returning id""")
                .params(person, versionId).query(Long.class).single();
    }

    private static String use(long versionId) {
        return jdbc.sql("select instrument_version_use(?)").param(versionId).query(String.class).optional().orElse(null);
    }
}
