package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.programme.TeamPracticeCounts;
import org.refocus.programme.WorkingPracticeRecords;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** The list behind each working-practice figure agrees with the figure and is for the team's own staff. */
@SpringBootTest
@AutoConfigureMockMvc
class PracticeCoverageTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PracticeCoverage coverage;

    @Autowired
    WorkingPracticeRecords counts;

    @Test
    @WithUserDetails("coordinator")
    void theListAgreesWithTheTeamCountsForEveryPractice() {
        long riverside = team("Riverside");
        LocalDate since = LocalDate.now().minusMonths(3);
        List<PracticeCoverage.PersonPractices> people = coverage.forTeam(riverside, since);
        TeamPracticeCounts figure = counts.countsFor(List.of(riverside), since).get(riverside);
        assertThat(people).hasSize(figure.caseload());
        assertThat(people.stream().filter(PracticeCoverage.PersonPractices::values).count()).isEqualTo(figure.withValues());
        assertThat(people.stream().filter(PracticeCoverage.PersonPractices::strengths).count())
                .isEqualTo(figure.withStrengths());
        assertThat(people.stream().filter(PracticeCoverage.PersonPractices::activeGoal).count())
                .isEqualTo(figure.withActiveGoal());
        assertThat(people.stream().filter(PracticeCoverage.PersonPractices::recentGoalStriving).count())
                .isEqualTo(figure.withRecentGoalStriving());
        assertThat(figure.withValues()).isPositive().isLessThan(figure.caseload());
    }

    @Test
    void staffSeeWhoIsMissingAPracticeAndOtherTeamsSeeNothing() throws Exception {
        long riverside = team("Riverside");
        mvc.perform(get("/teams/" + riverside + "/working-practices").with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Example, Sam")));
        mvc.perform(get("/teams/" + riverside + "/working-practices").param("missing", "VALUES")
                        .with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Without values recorded")))
                .andExpect(content().string(not(containsString("Example, Sam"))));
        long deniedBefore = denied(riverside);
        mvc.perform(get("/teams/" + riverside + "/working-practices").with(user(users.loadUserByUsername("teamlead"))))
                .andExpect(status().isNotFound());
        assertThat(denied(riverside)).isEqualTo(deniedBefore + 1);
    }

    private long denied(long team) {
        return jdbc.sql("select count(*) from audit_entry where record_type = 'practice_coverage' and record_id = ? "
                + "and outcome = 'DENIED'").param(String.valueOf(team)).query(Long.class).single();
    }

    private long team(String prefix) {
        return jdbc.sql("select id from team where name like ?").param(prefix + "%").query(Long.class).single();
    }
}
