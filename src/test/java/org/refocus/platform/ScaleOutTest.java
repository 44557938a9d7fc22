package org.refocus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * REFOCUS scales out as stateless nodes on one PostgreSQL: a session started on one node is honoured
 * by another, and ended everywhere when the account is deactivated. Health follows the database.
 */
class ScaleOutTest {

    private static Map<String, String> on(String url) {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "refocus.demo", "true", "refocus.demo-password", DatabaseTest.PASSWORD, "logging.level.root", "WARN");
    }

    @Test
    void twoNodesOnOneDatabaseServeTheSameSignedInUser() throws Exception {
        String url = TestDatabases.newDatabaseUrl();
        try (ConfigurableApplicationContext a = RunningNodes.start(on(url));
                ConfigurableApplicationContext b = RunningNodes.start(on(url))) {
            String cookie = RunningNodes.signIn(RunningNodes.baseUrl(a), "coordinator", DatabaseTest.PASSWORD);

            var onB = RunningNodes.get(RunningNodes.baseUrl(b) + "/caseload", cookie);
            assertThat(onB.statusCode()).isEqualTo(200);
            assertThat(onB.body()).contains("Caseload");

            // Deactivating on node A signs the person out on node B too.
            long id = a.getBean(JdbcClient.class).sql("select id from account where username = 'coordinator'")
                    .query(Long.class).single();
            String admin = RunningNodes.signIn(RunningNodes.baseUrl(a), "admin", DatabaseTest.PASSWORD);
            var confirm = RunningNodes.get(RunningNodes.baseUrl(a) + "/admin/accounts/" + id + "/deactivate", admin);
            var token = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(confirm.body());
            assertThat(token.find()).isTrue();
            var deactivated = RunningNodes.client().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(RunningNodes.baseUrl(a) + "/admin/accounts/" + id + "/deactivate"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", admin)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(deactivated.statusCode()).isEqualTo(302);

            var afterwards = RunningNodes.get(RunningNodes.baseUrl(b) + "/caseload", cookie);
            assertThat(afterwards.statusCode()).isEqualTo(302);
            assertThat(afterwards.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
    }

    @Test
    void manyRequestsAtOnceInAFreshSessionAllSucceed() throws Exception {
        String url = TestDatabases.newDatabaseUrl();
        try (ConfigurableApplicationContext node = RunningNodes.start(on(url))) {
            String cookie = RunningNodes.signIn(RunningNodes.baseUrl(node), "coordinator", DatabaseTest.PASSWORD);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                var answers = pool.invokeAll(java.util.Collections.nCopies(32,
                        () -> RunningNodes.get(RunningNodes.baseUrl(node) + "/caseload", cookie).statusCode()));
                for (var answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void withoutDemoDataTheLogSaysHowToCreateTheFirstAdministratorAndHealthFollowsTheDatabase(
            CapturedOutput output) throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "health-pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
        try (ConfigurableApplicationContext node = RunningNodes.start(Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres", "refocus.demo", "false",
                "spring.datasource.hikari.connection-timeout", "1000", "logging.level.root", "ERROR",
                "logging.level.org.refocus", "WARN"))) {
            assertThat(output.getAll()).contains("create-admin --username NAME");
            assertThat(node.getBean(JdbcClient.class).sql("select count(*) from account").query(Long.class).single())
                    .isZero();
            var up = RunningNodes.get(RunningNodes.baseUrl(node) + "/actuator/health", null);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"UP\"");

            postgres.close();
            var down = RunningNodes.get(RunningNodes.baseUrl(node) + "/actuator/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"DOWN\"");
        }
    }
}
