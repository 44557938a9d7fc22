package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.measures.internal.ResponseImports;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Putting right a response that should not count, and a whole import of the wrong file: nothing is
 * deleted, the response is marked entered in error with the reason, and it stops counting.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResponseCorrectionsTest extends DatabaseTest {

    private static final String HEADER = "person_id,date_of_birth,completed_on," + IntStream.rangeClosed(1, 15)
            .mapToObj(i -> String.format("qpr_%02d", i)).collect(Collectors.joining(","));

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResponseImports imports;

    @TempDir
    Path directory;

    MeasuresFixtures fixtures;

    @BeforeEach
    void look() {
        fixtures = new MeasuresFixtures(jdbc);
    }

    @Test
    void staffMarkAResponseEnteredInErrorWithAReasonAndItStopsCountingButStaysOnTheRecord() throws Exception {
        // A response of its own, for someone no other test reads, so that marking it changes no one else's data.
        long person = jdbc.sql("""
                select p.id from person p join team t on t.id = p.team_id where t.name like 'Riverside%'
                and p.id not in (select person_id from account where person_id is not null) order by p.id desc limit 1""")
                .query(Long.class).single();
        Path file = directory.resolve("one.csv");
        Files.writeString(file, HEADER + "\n" + person + "," + jdbc.sql("select date_of_birth::text from person where id = ?")
                .param(person).query(String.class).single() + ",2024-03-03" + ",3".repeat(15) + "\n");
        ResponseImports.JobView imported = asCoordinator(() -> imports.importNow(file, "one.csv", "qpr-15", true));
        long response = jdbc.sql("select id from measure_response where import_job_id = ?").param(imported.id())
                .query(Long.class).single();
        int version = jdbc.sql("select version from measure_response where id = ?").param(response).query(Integer.class).single();
        assertThat(page("/people/" + person + "/measures", "coordinator")).contains("/measures/responses/" + response + "\"");
        String confirm = page("/measures/responses/" + response + "/entered-in-error", "coordinator");
        assertThat(confirm).contains("Mark this response as entered in error").contains("Nothing is deleted");

        // Without a reason nothing changes and the page says what is missing.
        String refused = mvc.perform(post("/measures/responses/" + response + "/entered-in-error")
                        .param("reason", " ").param("version", Integer.toString(version)).with(csrf()).with(as("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("Enter why it is in error");
        assertThat(statusOf(response)).isEqualTo("COMPLETED");
        // The person cannot mark their own answers as an error (staff only).
        mvc.perform(post("/measures/responses/" + response + "/entered-in-error").param("reason", "mine")
                .param("version", Integer.toString(version)).with(csrf()).with(as("serviceuser")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/measures/responses/" + response + "/entered-in-error")
                        .param("reason", "Given for the wrong person").param("version", Integer.toString(version))
                        .with(csrf()).with(as("coordinator")))
                .andExpect(redirectedUrl("/measures/responses/" + response));

        assertThat(statusOf(response)).isEqualTo("ENTERED_IN_ERROR");
        assertThat(page("/measures/responses/" + response, "coordinator")).contains("Entered in error")
                .contains("Given for the wrong person").doesNotContain("/entered-in-error\"");
        assertThat(page("/people/" + person + "/measures", "coordinator")).as("no longer among the results")
                .doesNotContain("/measures/responses/" + response + "\"");
        String fhir = mvc.perform(get("/fhir/QuestionnaireResponse/" + response).with(as("coordinator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fhir).contains("\"status\":\"entered-in-error\"");
        assertThat(fixtures.auditCount(person, "CHANGED", "measure_response", "ALLOWED")).isEqualTo(1);
        // Final: the database refuses to turn it back, or to change what was said.
        assertThatThrownBy(() -> jdbc.sql("update measure_response set status = 'COMPLETED', entered_in_error_at = null, "
                + "entered_in_error_reason = null where id = ?").param(response).update())
                .hasMessageContaining("entered in error");
    }

    @Test
    void anImportOfTheWrongFileIsWithdrawnAndTheSameFileCanThenBeImportedAgain() throws Exception {
        long person = fixtures.personInTeam("Riverside");
        Path file = directory.resolve("wrong.csv");
        String born = jdbc.sql("select date_of_birth::text from person where id = ?").param(person).query(String.class)
                .single();
        Files.writeString(file, HEADER + "\n" + person + "," + born + ",2024-02-02" + ",1".repeat(15) + "\n" + person
                + "," + born + ",2024-05-05" + ",2".repeat(15) + "\n");
        ResponseImports.JobView job = asCoordinator(() -> imports.importNow(file, "wrong.csv", "qpr-15", true));
        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(page("/measures/imports/" + job.id(), "coordinator")).contains("Withdraw this import");
        assertThat(page("/measures/imports/" + job.id() + "/withdraw", "coordinator")).contains("Withdraw 2 responses").contains("All 2 responses this import stored");

        mvc.perform(post("/measures/imports/" + job.id() + "/withdraw").param("reason", "Wrong team's file")
                .with(csrf()).with(as("coordinator"))).andExpect(redirectedUrl("/measures/imports/" + job.id()));

        assertThat(jdbc.sql("select status from measure_response where import_job_id = ?").param(job.id())
                .query(String.class).list()).containsExactly("ENTERED_IN_ERROR", "ENTERED_IN_ERROR");
        assertThat(page("/measures/imports/" + job.id(), "coordinator")).contains("Withdrawn")
                .contains("Wrong team&#39;s file").doesNotContain("/withdraw\"");
        // Withdrawing twice is refused.
        mvc.perform(post("/measures/imports/" + job.id() + "/withdraw").param("reason", "again")
                .with(csrf()).with(as("coordinator"))).andExpect(status().is4xxClientError());
        // Its file no longer counts as imported.
        assertThat(asCoordinator(() -> imports.importNow(file, "wrong.csv", "qpr-15", true)).status())
                .isEqualTo("SUCCEEDED");
    }

    private String statusOf(long response) {
        return jdbc.sql("select status from measure_response where id = ?").param(response).query(String.class).single();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private <T> T asCoordinator(java.util.function.Supplier<T> work) {
        UserDetails coordinator = users.loadUserByUsername("coordinator");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                coordinator, null, coordinator.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
