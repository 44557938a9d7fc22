package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A program calling the API is told, in the API's own problem-detail shape, why it was refused and how
 * to sign in; and an anonymous call leaves nothing behind (no session stored in the database for it).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiRefusalsTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void anAnonymousCallIsToldHowToSignInAndStartsNoSession() throws Exception {
        // It was an empty 401, and each one stored a session (holding the refused request) in PostgreSQL.
        MockHttpServletResponse response = mvc.perform(get("/api/v1/people").accept("application/json"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=\"REFOCUS\"");
        assertThat(response.getContentAsString()).contains("\"status\":401").contains("HTTP Basic")
                .doesNotContain("/api/v1/people");
        assertThat(response.getCookie("SESSION")).isNull();

        MockHttpServletResponse anyClient = mvc.perform(get("/api/v1/teams")).andReturn().getResponse();
        assertThat(anyClient.getStatus()).isEqualTo(401);
        assertThat(anyClient.getCookie("SESSION")).isNull();
        MockHttpServletResponse fhir = mvc.perform(get("/fhir/Observation?subject=Patient/1")
                .accept("application/fhir+json")).andReturn().getResponse();
        assertThat(fhir.getStatus()).isEqualTo(401);
        assertThat(fhir.getCookie("SESSION")).isNull();
    }

    @Test
    void aWrongPasswordIsAnsweredTheSameWay() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/people")
                .with(httpBasic("coordinator", "not the password"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.getContentAsString()).contains("Sign in first");
    }

    @Test
    void aCallTheAccountMayNotMakeIsAProblemDetailToo() throws Exception {
        // Was Spring's own error JSON, unlike the API's other answers.
        MockHttpServletResponse response = mvc.perform(get("/api/v1/audit")
                .with(user(users.loadUserByUsername("coordinator")))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":403").contains("may not use");
    }
}
