package org.refocus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.testing.TestDatabases;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An existing database upgrades when a module adds a migration numbered below another module's range
 * (for example measures' V21 after programme's V30 was applied), as the numbering scheme in
 * CONTRIBUTING.md makes normal.
 */
class MigrationUpgradeTest {

    private static final String LOWER = "V21__measure_import_file_digest.sql";

    @TempDir
    Path older;

    @Test
    void aDatabaseMigratedBeforeALowerNumberedMigrationUpgradesWithTheApplicationsSettings() throws Exception {
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql")) {
            if (!LOWER.equals(resource.getFilename())) {
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, older.resolve(resource.getFilename()));
                }
            }
        }
        DataSource database = new DriverManagerDataSource(TestDatabases.newDatabaseUrl(), "postgres", "");
        Flyway.configure().dataSource(database).locations("filesystem:" + older).load().migrate();

        Flyway strict = Flyway.configure().dataSource(database).locations("classpath:db/migration").load();
        assertThatThrownBy(strict::migrate).isInstanceOf(FlywayException.class).hasMessageContaining("21");

        boolean outOfOrder = Boolean.parseBoolean(applicationProperties().getProperty("spring.flyway.out-of-order"));
        Flyway asConfigured = Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .outOfOrder(outOfOrder).load();
        assertThat(asConfigured.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(asConfigured.info().pending()).isEmpty();
    }

    private static Properties applicationProperties() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MigrationUpgradeTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
