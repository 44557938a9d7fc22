package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Participation and the REFOCUS model with working-practice and outcome records supplied by test
 * implementations of the two provider interfaces. They are {@code @Primary}, so these tests give the same
 * answers whether or not the recovery and measures modules' own implementations are also present.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ParticipationFiguresTest.Providers.class)
class ParticipationFiguresTest extends DatabaseTest {

    /** Riverside: 30 on the caseload, 15 with values, 6 with strengths, 12 with a goal, 3 recent conversations. */
    @TestConfiguration
    static class Providers {

        static final Map<Long, LocalDate> ASKED_SINCE = new HashMap<>();

        @Bean
        @Primary
        WorkingPracticeRecords testWorkingPracticeRecords(JdbcClient jdbc) {
            return (teamIds, recentSince) -> {
                Map<Long, TeamPracticeCounts> counts = new HashMap<>();
                for (Long id : teamIds) {
                    ASKED_SINCE.put(id, recentSince);
                    boolean riverside = jdbc.sql("select name like 'Riverside%' from team where id = ?").param(id)
                            .query(Boolean.class).single();
                    counts.put(id, riverside ? new TeamPracticeCounts(id, 30, 15, 6, 12, 3)
                            : new TeamPracticeCounts(id, 30, 0, 0, 0, 0));
                }
                return counts;
            };
        }

        @Bean
        @Primary
        OutcomeRecords testOutcomeRecords() {
            return new OutcomeRecords() {
                @Override
                public List<TeamScore> monthlyMeans(Collection<Long> teamIds, String instrumentCode, String scoreKey) {
                    List<TeamScore> scores = new ArrayList<>();
                    YearMonth now = YearMonth.now();
                    for (Long id : teamIds) {
                        if (instrumentCode.equals("inspire") && scoreKey.equals("support")) {
                            scores.add(new TeamScore(id, instrumentCode, scoreKey, now.minusMonths(1), 61.5, 4));
                            scores.add(new TeamScore(id, instrumentCode, scoreKey, now, 70.0, 2));
                        } else if (instrumentCode.equals("qpr-15") && scoreKey.equals("total")) {
                            scores.add(new TeamScore(id, instrumentCode, scoreKey, now, 40.6, 5));
                        }
                    }
                    return scores;
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void caseloadFiguresComeFromTheWorkingPracticeRecordsWithTheirDenominators() throws Exception {
        long riverside = team("Riverside");
        mvc.perform(get("/api/v1/teams/" + riverside + "/participation").with(as("rita.lead")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingPracticeRecordsAvailable").value(true))
                .andExpect(jsonPath("$.figures[2].name").value("caseloadWithValues"))
                .andExpect(jsonPath("$.figures[2].numerator").value(15))
                .andExpect(jsonPath("$.figures[2].denominator").value(30))
                .andExpect(jsonPath("$.figures[2].share").value(0.5))
                .andExpect(jsonPath("$.figures[2].status").value("COUNTED"))
                .andExpect(jsonPath("$.figures[3].numerator").value(6))
                .andExpect(jsonPath("$.figures[4].numerator").value(12))
                .andExpect(jsonPath("$.figures[5].name").value("caseloadWithRecentGoalStriving"))
                .andExpect(jsonPath("$.figures[5].numerator").value(3));
        // Goal-striving is asked about over the configured 3 months.
        assertThat(Providers.ASKED_SINCE.get(riverside)).isEqualTo(LocalDate.now().minusMonths(3));
    }

    @Test
    void theIndexIsTheWeightedMeanOfTheCountedFiguresAndTheDemoTeamsDiffer() throws Exception {
        long riverside = team("Riverside");
        long hillview = team("Hillview");
        String json = mvc.perform(get("/api/v1/teams/" + riverside + "/participation").with(as("researcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        com.jayway.jsonpath.DocumentContext doc = com.jayway.jsonpath.JsonPath.parse(json);
        List<Number> shares = doc.read("$.figures[?(@.inIndex == true)].share");
        double mean = shares.stream().mapToDouble(Number::doubleValue).average().orElseThrow();
        assertThat(((Number) doc.read("$.index")).doubleValue()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        String table = mvc.perform(get("/api/v1/organisations/" + organisationOf(riverside) + "/participation")
                        .with(as("statistician")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teams.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        com.jayway.jsonpath.DocumentContext teams = com.jayway.jsonpath.JsonPath.parse(table);
        List<Number> riversideIndex = teams.read("$.teams[?(@.teamId == " + riverside + ")].index");
        List<Number> hillviewIndex = teams.read("$.teams[?(@.teamId == " + hillview + ")].index");
        // The demo's Riverside team has taken part more than Hillview (more training, sessions and milestones).
        assertThat(riversideIndex.get(0).doubleValue()).isGreaterThan(hillviewIndex.get(0).doubleValue());
        List<String> hillviewLevel = teams.read("$.teams[?(@.teamId == " + hillview + ")].level");
        assertThat(hillviewLevel).containsExactly("LOW");
    }

    @Test
    void theModelViewShowsStaffSupportAndRecoveryMeansWithATable() throws Exception {
        long riverside = team("Riverside");
        String page = mvc.perform(get("/programme/teams/" + riverside + "/model").with(as("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "rendered-pages"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "rendered-pages", "programme-model.html"), page);
        assertThat(page).contains("61.5 (4 responses)").contains("70.0 (2 responses)").contains("40.6 (5 responses)")
                .contains("<svg").contains("<polyline").doesNotContain("style=").doesNotContain("<script>");
        // Across an organisation, team means are pooled by the number of responses.
        String organisation = mvc.perform(get("/programme/organisations/" + organisationOf(riverside))
                        .with(as("researcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(organisation).contains("Teams compared").contains("61.5 (8 responses)");
    }

    private long organisationOf(long team) {
        return jdbc.sql("select s.organisation_id from team t join site s on s.id = t.site_id where t.id = ?")
                .param(team).query(Long.class).single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long team(String prefix) {
        return jdbc.sql("select id from team where name like ?").param(prefix + "%").query(Long.class).single();
    }
}
