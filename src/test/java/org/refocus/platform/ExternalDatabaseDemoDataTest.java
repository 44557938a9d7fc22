package org.refocus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.TestDatabases;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H-20: pointed at an external PostgreSQL, REFOCUS creates no demo accounts (an administrator among them)
 * unless asked to. The embedded default keeps its demo data: {@code EmbeddedDatabaseTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseDemoDataTest {

    private static Map<String, String> externalDatabase() {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.datasource.url", TestDatabases.newDatabaseUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("refocus.demo-password", DatabaseTest.PASSWORD);
        properties.put("logging.level.root", "ERROR");
        properties.put("logging.level.org.refocus", "WARN");
        return properties;
    }

    @Test
    void withoutTheSettingNoAccountIsCreatedAndTheLogSaysHowToCreateTheFirstAdministrator(CapturedOutput output) {
        try (ConfigurableApplicationContext node = RunningNodes.start(externalDatabase())) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
            assertThat(output.getAll()).contains("create-admin --username NAME")
                    .contains("an external database needs REFOCUS_DEMO=true")
                    .doesNotContain("REFOCUS demo data created");
        }
    }

    @Test
    void anExplicitSettingStillCreatesTheDemoData(CapturedOutput output) throws Exception {
        Map<String, String> properties = externalDatabase();
        properties.put("refocus.demo", "true");
        try (ConfigurableApplicationContext node = RunningNodes.start(properties)) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select role from account where username = 'admin'").query(String.class).single())
                    .isEqualTo("ADMIN");
            assertThat(output.getAll()).contains("REFOCUS demo data created")
                    .contains("Sign in at http://localhost:" + node.getEnvironment().getProperty("local.server.port")
                            + "/login as any of:");
            RunningNodes.signIn(RunningNodes.baseUrl(node), "admin", DatabaseTest.PASSWORD);
        }
    }
}
