package org.refocus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H-16 on a real server: migrations run as the owner, the application as a role of its own that was
 * granted rows, not tables, so it can neither rewrite the audit trail nor remove its guards.
 */
class ExternalDatabaseRolesTest {

    private static Map<String, String> externalDatabase(String applicationUser, String applicationRole) {
        Map<String, String> properties = new HashMap<>();
        // The test server's URLs name their user; here the user comes from the settings, as on a real server.
        properties.put("spring.datasource.url", TestDatabases.newDatabaseUrl().replaceAll("[?&]user=[^&]*", ""));
        properties.put("spring.datasource.username", applicationUser);
        properties.put("spring.flyway.user", "postgres");
        properties.put("refocus.database.application-role", applicationRole);
        properties.put("refocus.demo", "true");
        properties.put("refocus.demo-password", DatabaseTest.PASSWORD);
        properties.put("logging.level.root", "ERROR");
        return properties;
    }

    @Test
    void theApplicationRunsAsItsOwnRoleWhichCannotRewriteTheAuditTrailOrChangeTables() throws Exception {
        createRuntimeRole();
        try (ConfigurableApplicationContext node = RunningNodes.start(externalDatabase("refocus_runtime",
                "refocus_runtime"))) {
            RunningNodes.signIn(RunningNodes.baseUrl(node), "teamlead", DatabaseTest.PASSWORD);
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("refocus_runtime");
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'SIGNED_IN'").query(Long.class)
                    .single()).isEqualTo(1);
            for (String sql : java.util.List.of("delete from audit_entry", "alter table audit_entry disable trigger all",
                    "drop table measure_response cascade", "update flyway_schema_history set success = true",
                    "select setval('audit_entry_id_seq', 1)", "create table anything (id int)")) {
                assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class)
                        .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).as(sql)
                                .containsAnyOf("permission denied", "must be owner", "must be the owner"));
            }
        }
    }

    @Test
    void anApplicationThatWouldConnectAsAnotherUserThanItsRoleDoesNotStart() throws Exception {
        createRuntimeRole();
        Map<String, String> properties = externalDatabase("postgres", "refocus_runtime");
        properties.remove("spring.flyway.user");
        assertThatThrownBy(() -> RunningNodes.start(properties).close())
                .hasStackTraceContaining("REFOCUS will not start: the application connects as 'postgres', not as the "
                        + "application role 'refocus_runtime'");
    }

    private static void createRuntimeRole() throws Exception {
        try (Connection c = TestDatabases.server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = 'refocus_runtime') then "
                    + "create role refocus_runtime login; end if; end $$");
        }
    }

    @Test
    void namingTheOwnerAsTheApplicationsRoleStopsTheStartWithAnExplanation() {
        assertThatThrownBy(() -> RunningNodes.start(externalDatabase("postgres", "postgres")).close())
                .hasStackTraceContaining("is the role that runs the migrations. Give the application a role of its own");
    }
}
