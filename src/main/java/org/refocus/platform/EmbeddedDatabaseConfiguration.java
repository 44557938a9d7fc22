package org.refocus.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Primary;

/**
 * Starts a real PostgreSQL from a Maven artifact when no external database is configured, so that a
 * newcomer needs nothing but a JDK. The data directory survives restarts. The schema belongs to the
 * server's owner role, which only the migrations use; the application connects as
 * {@value #APPLICATION_ROLE}, which can read and write rows but not change or drop tables, switch off the
 * audit trail's guards, or rewrite the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String DATABASE = "refocus";
    private static final String OWNER = "postgres";
    static final String APPLICATION_ROLE = "refocus_app";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${refocus.data-dir}") String dataDir) throws IOException {
        Path root = Path.of(dataDir).toAbsolutePath().normalize();
        Path data = root.resolve("postgresql");
        Path work = root.resolve("runtime");
        Files.createDirectories(work);
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("max_connections", "100")
                .start();
        log.info("Embedded PostgreSQL started in {} ms with data in {}", (System.nanoTime() - started) / 1_000_000,
                data);
        return postgres;
    }

    /**
     * The application's connections: as {@value #APPLICATION_ROLE}, which reads and writes rows but owns
     * nothing (see {@link ApplicationRoleGrants}).
     */
    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        prepare(postgres);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APPLICATION_ROLE, DATABASE));
        dataSource.setUsername(APPLICATION_ROLE);
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("refocus-embedded");
        return dataSource;
    }

    /** The migrations' connection: as the owner of the schema, used by Flyway only. */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(EmbeddedPostgres postgres) {
        prepare(postgres);
        return postgres.getDatabase(OWNER, DATABASE);
    }

    @Bean
    ApplicationRoleGrants applicationRoleGrants() {
        return new ApplicationRoleGrants(APPLICATION_ROLE);
    }

    @Bean
    @DependsOn("flywayInitializer")
    ApplicationRoleCheck applicationRoleCheck(DataSource dataSource) {
        return new ApplicationRoleCheck(dataSource, APPLICATION_ROLE);
    }

    /** Creates the database and the application's role on first use (both calls are harmless later). */
    private static void prepare(EmbeddedPostgres postgres) {
        createDatabaseIfMissing(postgres);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE
                    + "') then create role " + APPLICATION_ROLE + " login; end if; end $$");
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Could not create the application's database role", e));
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Could not prepare the embedded database", e));
        }
    }
}
