package org.refocus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With no database configured, REFOCUS starts its own PostgreSQL whose data outlives a restart. */
class EmbeddedDatabaseTest {

    @Test
    void embeddedDatabaseKeepsItsDataInTheDataDirectoryAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "refocus-data");
        Map<String, String> properties = Map.of("refocus.data-dir", dataDir.toString(),
                "refocus.demo-password", DatabaseTest.PASSWORD, "logging.level.root", "WARN");
        long accounts;
        try (ConfigurableApplicationContext first = RunningNodes.start(properties)) {
            accounts = first.getBean(JdbcClient.class).sql("select count(*) from account").query(Long.class).single();
            assertThat(accounts).isGreaterThanOrEqualTo(7);
            RunningNodes.signIn(RunningNodes.baseUrl(first), "teamlead", DatabaseTest.PASSWORD);
        }
        assertThat(dataDir.resolve("postgresql").resolve("PG_VERSION")).exists();
        try (ConfigurableApplicationContext second = RunningNodes.start(properties)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accounts);
            assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'SIGNED_IN'").query(Long.class)
                    .single()).isEqualTo(1);
        }
    }

    @Test
    void theApplicationConnectsAsARoleThatCanWriteRowsButNotChangeTablesOrTheAuditTrail() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "refocus-roles");
        Map<String, String> properties = Map.of("refocus.data-dir", dataDir.toString(),
                "refocus.demo-password", DatabaseTest.PASSWORD, "logging.level.root", "WARN");
        try (ConfigurableApplicationContext node = RunningNodes.start(properties)) {
            // The application works as that role: demo data was written, and signing in is audited.
            RunningNodes.signIn(RunningNodes.baseUrl(node), "teamlead", DatabaseTest.PASSWORD);
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("refocus_app");
            assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'person'").query(String.class)
                    .single()).isEqualTo("postgres");

            // Even with the triggers that guard it gone, the audit trail could not be rewritten by this role;
            // and it cannot take them away, or alter, empty or drop tables, or touch the migration history.
            for (String sql : java.util.List.of(
                    "update audit_entry set action = action",
                    "delete from audit_entry",
                    "truncate audit_entry",
                    "alter table audit_entry disable trigger all",
                    "drop table person cascade",
                    "alter table person add column anything text",
                    "delete from flyway_schema_history",
                    "select setval('audit_entry_id_seq', 1)",
                    "create table anything (id int)")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                        .isInstanceOf(org.springframework.dao.DataAccessException.class)
                        .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils
                                .getMostSpecificCause(e).getMessage()).as(sql)
                                .containsAnyOf("permission denied", "must be owner", "must be the owner"));
            }
            assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isPositive();
        }
    }
}
