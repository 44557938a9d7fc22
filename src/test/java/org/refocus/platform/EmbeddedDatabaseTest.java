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
}
