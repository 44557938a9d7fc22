package org.refocus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.refocus.testing.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration numbers are ranges per module, so a database that already has V10 to V30 meets V2 (the audit
 * trail's append-only guard) later: the application applies it at the next start instead of refusing to
 * start (spring.flyway.out-of-order, CONTRIBUTING.md).
 */
class ExistingDatabaseMigrationTest {

    private static final String ADDED_LATER = "V2__audit_append_only.sql";

    @Test
    void aDatabaseMigratedBeforeTheAuditGuardExistedGetsItAtTheNextStart() throws IOException {
        String url = TestDatabases.newDatabaseUrl();
        Flyway.configure().dataSource(url, "postgres", "").locations("filesystem:" + migrationsWithout(ADDED_LATER))
                .load().migrate();
        JdbcClient before = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url,
                "postgres", ""));
        assertThat(before.sql("select max(version::numeric)::int from flyway_schema_history").query(Integer.class).single())
                .isGreaterThan(2);
        before.sql("insert into audit_entry (action, outcome, record_type) values ('CREATED', 'ALLOWED', 'earlier')")
                .update();

        try (ConfigurableApplicationContext node = RunningNodes.start(Map.of("spring.datasource.url", url,
                "spring.datasource.username", "postgres", "logging.level.root", "ERROR"))) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select success from flyway_schema_history where version = '2'").query(Boolean.class)
                    .single()).isTrue();
            assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where record_type = 'earlier'").update())
                    .hasStackTraceContaining("audit_entry is append-only: DELETE refused");
        }
    }

    /** The shipped migrations as they were before one of them was added. */
    private static Path migrationsWithout(String addedLater) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "migrations");
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        assertThat(migrations).extracting(Resource::getFilename).contains(addedLater);
        for (Resource migration : migrations) {
            if (!addedLater.equals(migration.getFilename())) {
                try (InputStream in = migration.getInputStream()) {
                    Files.copy(in, dir.resolve(migration.getFilename()));
                }
            }
        }
        return dir;
    }
}
