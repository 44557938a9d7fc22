package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who reaches a person's measures: staff of the person's team and the person. Another team's staff and
 * another service user get 404 (audited as denied); researchers, statisticians, trainers and
 * administrators get nothing identifiable.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasuresAccessTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MeasuresFixtures fixtures;
    long sam;
    long samQpr;
    long hillviewPerson;

    @BeforeEach
    void look() {
        fixtures = new MeasuresFixtures(jdbc);
        sam = fixtures.sam();
        samQpr = fixtures.latestResult(sam, "qpr-15");
        hillviewPerson = fixtures.personInTeam("Hillview");
    }

    private List<String> personPaths(long person, long response) {
        return List.of("/people/" + person + "/measures", "/measures/responses/" + response,
                "/fhir/QuestionnaireResponse/" + response, "/fhir/QuestionnaireResponse?subject=Patient/" + person,
                "/fhir/Observation?subject=Patient/" + person, "/fhir/Observation/" + response + "-total");
    }

    @Test
    void theTeamsPractitionerAndThePersonReachTheirMeasures() throws Exception {
        for (String path : personPaths(sam, samQpr)) {
            mvc.perform(get(path).with(as("coordinator"))).andExpect(status().isOk());
            mvc.perform(get(path).with(as("serviceuser"))).andExpect(status().isOk());
        }
        mvc.perform(get("/people/" + sam + "/measures/assign").with(as("coordinator"))).andExpect(status().isOk());
    }

    @Test
    void anotherTeamsStaffGetNotFoundAndTheAttemptIsAudited() throws Exception {
        long before = fixtures.auditCount(sam, "VIEWED", "person", "DENIED");
        for (String path : personPaths(sam, samQpr)) {
            mvc.perform(get(path).with(as("teamlead"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/people/" + sam + "/measures/assign").with(as("teamlead"))).andExpect(status().isNotFound());
        mvc.perform(post("/people/" + sam + "/measures/start").param("instrument", "qpr-15").with(csrf())
                .with(as("teamlead"))).andExpect(status().isNotFound());
        mvc.perform(post("/people/" + sam + "/measures/assign").param("instrument", "qpr-15")
                .param("completion", "SELF").param("firstDueOn", "2030-01-01").param("repeat", "ONCE")
                .with(csrf()).with(as("teamlead"))).andExpect(status().isNotFound());
        assertThat(fixtures.auditCount(sam, "VIEWED", "person", "DENIED")).isGreaterThanOrEqualTo(before + 8);
    }

    @Test
    void anotherServiceUserGetsNotFound() throws Exception {
        long neighbour = fixtures.personInTeam("Riverside");
        long neighbourResponse = jdbc.sql("select id from measure_response where person_id = ? limit 1")
                .param(neighbour).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("select id from measure_response where person_id <> ? limit 1").param(sam)
                        .query(Long.class).single());
        for (String path : personPaths(neighbour, neighbourResponse)) {
            mvc.perform(get(path).with(as("serviceuser"))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/people/" + neighbour + "/measures/pause").with(csrf()).with(as("serviceuser")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from measurement_pause where person_id = ?").param(neighbour)
                .query(Long.class).single()).isZero();
    }

    @Test
    void researchersStatisticiansTrainersAndAdministratorsGetNothingIdentifiable() throws Exception {
        for (String who : List.of("researcher", "statistician", "trainer", "admin")) {
            for (String path : personPaths(sam, samQpr)) {
                mvc.perform(get(path).with(as(who))).andExpect(status().isForbidden());
            }
            mvc.perform(get("/measures/due").with(as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/measures/teams/" + fixtures.team("Riverside")).with(as(who)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/measures/imports/new").with(as(who))).andExpect(status().isForbidden());
        }
        // What they may read holds no personal data: the instrument descriptions.
        mvc.perform(get("/api/v1/instruments/qpr-15").with(as("researcher"))).andExpect(status().isOk());
        mvc.perform(get("/fhir/Questionnaire/qpr-15.1").with(as("statistician"))).andExpect(status().isOk());
    }

    @Test
    void serviceUsersCannotAssignOrStopSchedules() throws Exception {
        mvc.perform(get("/people/" + sam + "/measures/assign").with(as("serviceuser"))).andExpect(status().isForbidden());
        long schedule = jdbc.sql("select id from measure_schedule limit 1").query(Long.class).single();
        mvc.perform(post("/measures/schedules/" + schedule + "/stop").param("version", "0").with(csrf())
                .with(as("serviceuser"))).andExpect(status().isForbidden());
    }

    @Test
    void teamResultsAreForTheTeamsOwnStaffOnly() throws Exception {
        mvc.perform(get("/measures/teams/" + fixtures.team("Riverside")).with(as("coordinator"))).andExpect(status().isOk());
        mvc.perform(get("/measures/teams/" + fixtures.team("Riverside")).with(as("teamlead")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDemoTeamLeaderHasQuestionnairesDueAndResultsInTheirOwnTeamToLookAt() throws Exception {
        String due = mvc.perform(get("/measures/due?scope=TEAM").with(as("teamlead"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(due).contains("QPR-15").contains(">Overdue<");
        String results = mvc.perform(get("/measures/teams/" + fixtures.team("Hillview")).with(as("teamlead")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(results).contains("<table");
    }

    @Test
    void theImportersProblemsDownloadAsACsvFileAndNobodyElseGetsThem() throws Exception {
        var importer = users.loadUserByUsername("coordinator");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(importer,
                        null, importer.getAuthorities()));
        long job;
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("problems", ".csv");
            java.nio.file.Files.writeString(file, "nhs_number,completed_on,qpr_01,qpr_02,qpr_03,qpr_04,qpr_05,qpr_06,"
                    + "qpr_07,qpr_08,qpr_09,qpr_10,qpr_11,qpr_12,qpr_13,qpr_14,qpr_15\n"
                    + "9990000018,2024-02-30" + ",1".repeat(15) + "\n"
                    + "9990000018,2024-03-01,=HYPERLINK(\"x\")" + ",1".repeat(14) + "\n");
            job = responseImports.importNow(file, "paper.csv", "qpr-15", true).id();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        var response = mvc.perform(get("/measures/imports/" + job + "/problems.csv").with(as("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"import-" + job
                + "-problems.csv\"");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n"))
                .containsExactly("row,column,problem",
                        "2,completed_on,completed_on 2024-02-30 is not a date in the calendar. Check the day and the month.",
                        "3,qpr_01,\"qpr_01: '=HYPERLINK(\"\"…' is not a whole number.\"");
        mvc.perform(get("/measures/imports/" + job + "/problems.csv").with(as("rita.lead")))
                .andExpect(status().isNotFound());
    }

    @Autowired
    org.refocus.measures.internal.ResponseImports responseImports;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
