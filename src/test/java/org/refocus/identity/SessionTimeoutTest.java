package org.refocus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Hazard H-06: a form sent after the session has ended (30 minutes without activity, so no session and
 * no CSRF token) is not saved, but the person is told they were signed out and sees what they typed,
 * to copy, instead of "you do not have permission". Never for a form from another site, never passwords.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionTimeoutTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFormSentAfterTheSessionEndedShowsWhatWasTypedAndSavesNothing() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        long goals = goalsOf(sam);
        var sent = mvc.perform(post("/people/" + sam + "/goals").header("Origin", "http://localhost")
                        .param("_csrf", "token-of-a-session-that-has-ended").param("version", "3")
                        .param("lifeDomain", "WORK").param("inOwnWords", "true")
                        .param("text", "Walk to the allotment on Saturdays\nand grow my own beans"))
                .andExpect(forwardedUrl("/signed-out")).andReturn();
        assertThat(sent.getRequest().getAttribute("refocus.typedBeforeSignOut"))
                .isEqualTo(List.of("Walk to the allotment on Saturdays\nand grow my own beans"));
        assertThat(goalsOf(sam)).isEqualTo(goals);

        // The page it is forwarded to (the browser journey follows the forward in a real server).
        String page = HtmlUtils.htmlUnescape(mvc.perform(get("/signed-out").requestAttr("refocus.typedBeforeSignOut",
                        List.of("Walk to the allotment on Saturdays\nand grow my own beans", "Second box")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("You were signed out").contains("has not been saved")
                .contains("Walk to the allotment on Saturdays\nand grow my own beans").contains("Part 2 of 2")
                .doesNotContain("You do not have permission");
    }

    @Test
    void aFormSentAfterAnotherTabStartedANewSignedOutSessionStillShowsWhatWasTyped() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        // The session ended; the sign-in page opened in another tab started a new one with a new token.
        jakarta.servlet.http.Cookie newSession = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(newSession).as("the sign-in page's new session").isNotNull();
        var sent = mvc.perform(post("/people/" + sam + "/goals").cookie(newSession).header("Origin", "http://localhost")
                        .param("_csrf", "token-of-the-session-that-has-ended").param("words", "Walk to the allotment"))
                .andExpect(forwardedUrl("/signed-out")).andReturn();
        assertThat(sent.getRequest().getAttribute("refocus.typedBeforeSignOut")).isEqualTo(List.of("Walk to the allotment"));
    }

    @Test
    void aFormFromAnotherSiteIsRefusedWithoutShowingItsText() throws Exception {
        mvc.perform(post("/people/1/goals").header("Origin", "https://elsewhere.example")
                        .param("_csrf", "x").param("text", "Call this number to get your account back"))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl(null));
        // Without any Origin or Referer, it cannot be told apart from another site's form either.
        mvc.perform(post("/people/1/goals").param("_csrf", "x").param("text", "Words"))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl(null));
        // A wrong token in a session that still exists is not a timeout: plainly refused.
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        jakarta.servlet.http.Cookie session = mvc.perform(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestBuilders.formLogin().user("serviceuser").password(PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/people/" + sam + "/goals/new").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/people/" + sam + "/goals").header("Origin", "http://localhost").param("_csrf", "x")
                        .param("text", "Words").cookie(session))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl(null));
    }

    @Test
    void aSignInFormLeftOpenTooLongAsksAgainAndNeverShowsThePassword() throws Exception {
        mvc.perform(post("/login").header("Origin", "http://localhost").param("_csrf", "old")
                        .param("username", "coordinator").param("password", "a secret passphrase"))
                .andExpect(redirectedUrl("/login?timedOut"));
        assertThat(mvc.perform(get("/login?timedOut")).andReturn().getResponse().getContentAsString())
                .contains("You were signed out because there was no activity for 30 minutes");
        var activation = mvc.perform(post("/account/activate/some-token")
                        .header("Referer", "http://localhost/account/activate/x").param("_csrf", "old")
                        .param("password", "another secret one").param("confirmPassword", "another secret one")
                        .param("note", "kept words")).andExpect(forwardedUrl("/signed-out")).andReturn();
        assertThat(activation.getRequest().getAttribute("refocus.typedBeforeSignOut")).isEqualTo(List.of("kept words"));
    }

    @Test
    void typingKeepsTheSessionAliveAndTheSignedOutPageAloneShowsNoWords() throws Exception {
        mvc.perform(get("/session/keep-alive").with(user(users.loadUserByUsername("serviceuser"))))
                .andExpect(status().isNoContent());
        // Signed out, the keep-alive is answered 401 and starts no session: a redirect to the sign-in page,
        // followed by the script, would give the browser a new session under the form being typed in.
        var signedOut = mvc.perform(get("/session/keep-alive").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized()).andReturn();
        assertThat(signedOut.getResponse().getCookie("SESSION")).isNull();
        String page = mvc.perform(get("/signed-out")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("You were signed out").doesNotContain("What you typed");
        assertThat(mvc.perform(get("/people/1/plan").with(user(users.loadUserByUsername("serviceuser")))).andReturn()
                .getResponse().getContentAsString()).contains("name=\"refocus-keep-alive\" content=\"/session/keep-alive\"");
    }

    private long goalsOf(long person) {
        return jdbc.sql("select count(*) from recovery_goal where person_id = ?").param(person).query(Long.class).single();
    }
}
