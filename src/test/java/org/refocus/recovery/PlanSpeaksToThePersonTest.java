package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/**
 * The person's own goal, crisis plan and preferences pages speak to them ("your own words", "your wishes"),
 * not about "the person", which is how their care team reads the same pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanSpeaksToThePersonTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theGoalCrisisPlanAndPreferencesPagesAndTheReasonErrorSayYouToThePersonAndThePersonToStaff() throws Exception {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Wren");
        RequestPostProcessor wren = as(caseload.personUser());
        RequestPostProcessor staff = as(caseload.practitioner());
        String person = "/people/" + caseload.person();
        mvc.perform(post(person + "/goals").with(wren).with(csrf()).param("words", "Swim a length without stopping"))
                .andExpect(status().is3xxRedirection());
        long goal = jdbc.sql("select id from recovery_goal where person_id = ?").param(caseload.person())
                .query(Long.class).single();

        assertThat(page("/recovery/goals/" + goal, wren))
                .contains("This is a recovery goal in your own words.").doesNotContain("the person&#39;s");
        assertThat(page(person + "/preferences", wren)).contains("It can be recorded as your advance statement")
                .doesNotContain("the person&#39;s");
        assertThat(page(person + "/crisis-plan", wren)).contains("sets out your wishes about your care")
                .doesNotContain("the person&#39;s");
        String noReason = mvc.perform(post("/recovery/goals/" + goal + "/status").with(wren).with(csrf())
                        .param("status", "PAUSED").param("reason", "").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("Enter the reason, in your words").doesNotContain("the person&#39;s");

        assertThat(page("/recovery/goals/" + goal, staff)).contains("This is a recovery goal in the person&#39;s own words.");
        assertThat(page(person + "/crisis-plan", staff)).contains("sets out the person&#39;s wishes");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
