package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A coordinator going through a goal sees which steps have passed their date and are not done. */
@SpringBootTest
@AutoConfigureMockMvc
class OverdueStepsTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStepPastItsDateAndNotDoneIsMarkedOverdueForStaffOnly() throws Exception {
        OwnCaseload own = OwnCaseload.create(jdbc, "Orla");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        mvc.perform(post("/people/" + own.person() + "/goals").with(as(own.practitioner())).with(csrf())
                        .param("words", "Walk the coast path to the lighthouse"))
                .andExpect(status().is3xxRedirection());
        long goal = jdbc.sql("select id from recovery_goal where person_id = ?").param(own.person())
                .query(Long.class).single();
        step(own, goal, "Buy walking boots", today.minusDays(30));
        step(own, goal, "Walk to the harbour and back", today.plusDays(7));
        step(own, goal, "Look up the bus times", today.minusDays(3));
        long done = jdbc.sql("select id from recovery_step where goal_id = ? and what like 'Look up%'").param(goal)
                .query(Long.class).single();
        mvc.perform(post("/recovery/steps/" + done + "/done").with(as(own.practitioner())).with(csrf())
                        .param("done", "true").param("version", "0"))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/recovery/goals/" + goal).with(as(own.practitioner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(page, "Buy walking boots")).as("30 days late and not done").contains(">Overdue<");
        assertThat(row(page, "Walk to the harbour")).as("due next week").doesNotContain("Overdue");
        assertThat(row(page, "Look up the bus times")).as("late but done").doesNotContain("Overdue");

        String persons = mvc.perform(get("/recovery/goals/" + goal).with(as(own.personUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(persons).as("the person's own goal page does not grade them").contains("Buy walking boots")
                .doesNotContain(">Overdue<");
    }

    /** The steps table row of one step. */
    private static String row(String page, String step) {
        return java.util.Arrays.stream(page.split("<tr")).filter(r -> r.contains(step)).findFirst().orElseThrow();
    }

    private void step(OwnCaseload own, long goal, String what, LocalDate dueOn) throws Exception {
        mvc.perform(post("/recovery/goals/" + goal + "/steps").with(as(own.practitioner())).with(csrf())
                        .param("what", what).param("ownerKind", "PERSON").param("dueOn", dueOn.toString())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
