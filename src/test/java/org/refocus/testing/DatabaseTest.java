package org.refocus.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that run the application against real PostgreSQL. Every subclass with the same
 * configuration shares one application context and so one database, seeded with the demo data
 * (password {@link #PASSWORD}).
 */
public abstract class DatabaseTest {

    public static final String PASSWORD = "correct-horse-battery";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.newDatabaseUrl().replaceAll("[?&]user=[^&]*", "");
        registry.add("spring.datasource.url", () -> url);
        // As in production: the migrations as the owner, the application (and these tests' own SQL) as a
        // role that was granted rows and owns nothing.
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.datasource.username", () -> TestDatabases.APPLICATION_ROLE);
        registry.add("spring.datasource.password", () -> "");
        registry.add("refocus.database.application-role", () -> TestDatabases.APPLICATION_ROLE);
        registry.add("refocus.demo", () -> "true");
        registry.add("refocus.demo-password", () -> PASSWORD);
    }
}
