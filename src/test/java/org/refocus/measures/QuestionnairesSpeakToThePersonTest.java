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
 * The person's own questionnaire pages speak to them ("You, from your own account", "Filled in by you"), not
 * about them in the words staff read ("The person, from their own account").
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionnairesSpeakToThePersonTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void whoFillsItInAndHowItWasFilledInAreSaidToThePersonAsYouAndToStaffAsThePerson() throws Exception {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Rosa");
        String measures = "/people/" + caseload.person() + "/measures";
        RequestPostProcessor rosa = as(caseload.personUser());
        RequestPostProcessor practitioner = as(caseload.practitioner());
        mvc.perform(post(measures + "/assign").param("instrument", "qpr-15").param("completion", "SELF")
                .param("firstDueOn", LocalDate.now(ZoneId.of("Europe/London")).toString()).param("repeat", "ONCE")
                .with(csrf()).with(practitioner)).andExpect(status().is3xxRedirection());

        assertThat(page(measures, rosa)).contains("You, from your own account")
                .doesNotContain("The person, from their own account");
        assertThat(page(measures, practitioner)).contains("The person, from their own account");

        String questions = mvc.perform(post(measures + "/start").param("instrument", "qpr-15").with(csrf()).with(rosa))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String response = mvc.perform(post(questions).param("page", "1").param("version", "0")
                        .param("answers[qpr_01]", "3").param("action", "submit").with(csrf()).with(rosa))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(page(response, rosa)).contains("Filled in by you")
                .doesNotContain("Completed by the person on their own");
        assertThat(page(response, practitioner)).contains("Completed by the person on their own");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
