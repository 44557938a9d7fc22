package org.refocus.measures;

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

/**
 * Questionnaires assigned to the person to fill in from their own account, or one they saved part-way, are
 * named on their home page with a link, instead of waiting unseen under "More"; nothing is said while they
 * have paused questionnaires.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeTellsThePersonWhatIsWaitingTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void dueQuestionnairesThenOneSavedPartWayAreOnTheHomePageAndNothingWhilePaused() throws Exception {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Yara");
        RequestPostProcessor yara = as(caseload.personUser());
        String measures = "/people/" + caseload.person() + "/measures";
        assertThat(home(yara)).doesNotContain("id=\"notices\"");

        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        for (String instrument : new String[] {"qpr-15", "swemwbs"}) {
            mvc.perform(post(measures + "/assign").param("instrument", instrument).param("completion", "SELF")
                    .param("firstDueOn", today).param("repeat", "ONCE").with(csrf()).with(as(caseload.practitioner())))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(home(yara)).contains("You have 2 questionnaires to fill in, when you are ready.")
                .contains("href=\"" + measures + "\">Your questionnaires</a>");

        String questions = mvc.perform(post(measures + "/start").param("instrument", "qpr-15").with(csrf()).with(yara))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(questions).param("page", "1").param("version", "0").param("answers[qpr_01]", "2")
                .param("action", "later").with(csrf()).with(yara)).andExpect(status().is3xxRedirection());
        assertThat(home(yara)).contains("You started a questionnaire. You can carry on where you left off");

        mvc.perform(post(measures + "/pause").param("reason", "").with(csrf()).with(yara))
                .andExpect(status().is3xxRedirection());
        assertThat(home(yara)).doesNotContain("id=\"notices\"").doesNotContain("to fill in").doesNotContain("You started");
    }

    private String home(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
