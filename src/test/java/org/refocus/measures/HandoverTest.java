package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A questionnaire given in a session is answered by the person on the staff member's own signed-in
 * device. While they hold it, that session shows them the questions and nothing else: not the menu, the
 * caseload, anyone else's record or the API. The staff member types their password to take it back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandoverTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    OwnCaseload caseload;
    Cookie tablet;
    long response;

    @BeforeEach
    void thePractitionerStartsAQuestionnaireInASessionAndHandsOverTheTablet() throws Exception {
        caseload = OwnCaseload.create(jdbc, "Oona");
        tablet = signIn(caseload.practitioner());
        String questions = mvc.perform(post("/people/" + caseload.person() + "/measures/start")
                        .param("instrument", "qpr-15").cookie(tablet).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        response = Long.parseLong(questions.replaceAll("\\D+(\\d+)\\D*", "$1"));
        String page = mvc.perform(get(questions).cookie(tablet)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Page 1 of 2").doesNotContain("href=\"/caseload\"")
                .doesNotContain("nhsuk-header__navigation-list");
    }

    @Test
    void whileThePersonHoldsTheTabletEveryOtherPageAndTheApiLeadToGivingItBack() throws Exception {
        String handBack = "/measures/responses/" + response + "/hand-back";
        for (String elsewhere : new String[] {"/caseload", "/", "/measures/due", "/people/1",
            "/people/" + caseload.person() + "/plan", "/fhir/QuestionnaireResponse?subject=Patient/1",
            "/api/v1/instruments"}) {
            mvc.perform(get(elsewhere).cookie(tablet)).andExpect(status().isSeeOther())
                    .andExpect(redirectedUrl(handBack));
        }
        mvc.perform(post("/people/" + caseload.person() + "/measures/start").param("instrument", "wemwbs")
                .cookie(tablet).with(csrf())).andExpect(redirectedUrl(handBack));
        String page = mvc.perform(get(handBack).cookie(tablet)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Thank you, Oona").contains("Please give this device back to Test Practitioner")
                .contains("Go back to the questions").doesNotContain("href=\"/caseload\"");
        // The questions themselves stay open to the person.
        mvc.perform(get("/measures/responses/" + response + "/questions").cookie(tablet))
                .andExpect(status().isOk());
    }

    @Test
    void savingOrSubmittingAsksForTheTabletBackAndOnlyTheStaffPasswordGivesItBack() throws Exception {
        String handBack = "/measures/responses/" + response + "/hand-back";
        mvc.perform(post("/measures/responses/" + response + "/questions").param("page", "1").param("version", "0")
                        .param("answers[qpr_01]", "3").param("action", "later").cookie(tablet).with(csrf()))
                .andExpect(redirectedUrl(handBack));
        assertThat(jdbc.sql("select answers[1] from measure_response where id = ?").param(response)
                .query(Integer.class).single()).isEqualTo(3);

        String empty = mvc.perform(post(handBack).param("password", "").cookie(tablet).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("<title>Error: Give the device back").contains("There is a problem")
                .contains("href=\"#password\"").contains("Enter your password");
        String wrong = mvc.perform(post(handBack).param("password", "not it").cookie(tablet).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("The password is not right").doesNotContain("not it");
        mvc.perform(get("/caseload").cookie(tablet)).andExpect(redirectedUrl(handBack));

        mvc.perform(post(handBack).param("password", PASSWORD).cookie(tablet).with(csrf()))
                .andExpect(redirectedUrl("/people/" + caseload.person() + "/measures"));
        mvc.perform(get("/caseload").cookie(tablet)).andExpect(status().isOk());
    }

    @Test
    void afterSubmittingThePersonIsThankedAndStaffSeeTheResultOnceTheyHaveTheTabletBack() throws Exception {
        String handBack = "/measures/responses/" + response + "/hand-back";
        mvc.perform(post("/measures/responses/" + response + "/questions").param("page", "2").param("version", "0")
                        .param("action", "submit").cookie(tablet).with(csrf()))
                .andExpect(redirectedUrl(handBack));
        String thanks = mvc.perform(get(handBack).cookie(tablet)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(thanks).contains("Your answers to the QPR-15 are saved and sent").doesNotContain("Go back to the questions");
        mvc.perform(get("/measures/responses/" + response).cookie(tablet)).andExpect(redirectedUrl(handBack));
        mvc.perform(post(handBack).param("password", PASSWORD).cookie(tablet).with(csrf()))
                .andExpect(redirectedUrl("/measures/responses/" + response));
        mvc.perform(get("/measures/responses/" + response).cookie(tablet)).andExpect(status().isOk());
    }

    @Test
    void tooManyWrongPasswordsSignTheTabletOutSoThatGuessingEndsWithNothingOpen() throws Exception {
        String handBack = "/measures/responses/" + response + "/hand-back";
        // From an address of its own, so that these failures count against no other test's sign-ins.
        org.springframework.test.web.servlet.request.RequestPostProcessor tabletAddress = r -> {
            r.setRemoteAddr("192.0.2.77");
            return r;
        };
        for (int guess = 1; guess <= 4; guess++) {
            mvc.perform(post(handBack).param("password", "guess " + guess).cookie(tablet).with(csrf()).with(tabletAddress))
                    .andExpect(status().isOk());
        }
        mvc.perform(post(handBack).param("password", "guess 5").cookie(tablet).with(csrf()).with(tabletAddress))
                .andExpect(redirectedUrl("/signed-out"));
        mvc.perform(get("/caseload").cookie(tablet)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("/login"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'SIGN_IN_FAILED' and actor_username = ? "
                + "and detail like 'password check%'").param(caseload.practitioner()).query(Long.class).single())
                .isEqualTo(5);
        // The answers given so far stay saved with the questionnaire.
        assertThat(jdbc.sql("select status from measure_response where id = ?").param(response).query(String.class)
                .single()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void thePersonAnsweringOnTheirOwnAccountIsNeverLockedIn() throws Exception {
        Cookie phone = signIn(caseload.personUser());
        String questions = mvc.perform(post("/people/" + caseload.person() + "/measures/start")
                        .param("instrument", "wemwbs").cookie(phone).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(questions).cookie(phone)).andExpect(status().isOk());
        mvc.perform(get("/people/" + caseload.person() + "/plan").cookie(phone))
                .andExpect(status().isOk());
    }

    /** Signs in with the password, as on the device: the handover lives in that session. */
    private Cookie signIn(String username) throws Exception {
        return mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/")).andReturn()
                .getResponse().getCookie("SESSION");
    }
}
