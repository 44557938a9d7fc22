package org.refocus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A mistyped password costs the person the password only: the sign-in page shows their username again, once. */
@SpringBootTest
@AutoConfigureMockMvc
class RefusedSignInKeepsTheUsernameTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterAWrongPasswordTheUsernameIsFilledInAgainButNeverThePasswordAndOnlyOnce() throws Exception {
        String username = OwnCaseload.create(jdbc, "Ulla").personUser();
        Cookie session = mvc.perform(formLogin().user(username).password("not-my-password-1"))
                .andExpect(redirectedUrl("/login?error")).andReturn().getResponse().getCookie("SESSION");

        String again = mvc.perform(get("/login?error").cookie(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(again).contains("The username or password is not right").contains("value=\"" + username + "\"")
                .doesNotContain("not-my-password-1");

        String later = mvc.perform(get("/login").cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(later).doesNotContain(username);
    }
}
