package org.refocus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.refocus.testing.TwoEditors.saved;
import static org.refocus.testing.TwoEditors.staleSaveShowsTheirsThenSavingAgainWorks;
import static org.refocus.testing.TwoEditors.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Two administrators change the same account: the second sees what the first saved and can save knowingly. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountConflictTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaleAccountChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        String username = "conflict." + suffix;
        long account = jdbc.sql("""
                        insert into account (username, display_name, role, status)
                        values (?, 'Casey Conflict', 'PRACTITIONER', 'INVITED') returning id""")
                .param(username).query(Long.class).single();
        long organisation = jdbc.sql("insert into organisation (name) values (?) returning id")
                .param("Account conflict trust " + suffix).query(Long.class).single();
        long site = jdbc.sql("insert into site (organisation_id, name) values (?, 'Conflict House') returning id")
                .param(organisation).query(Long.class).single();
        String teamName = "Account conflict team " + suffix;
        long team = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id").params(site, teamName)
                .query(Long.class).single();

        mvc.perform(save(account, username, "Casey Theirs", 0).param("email", "casey.theirs@example.nhs.uk")
                .param("teamIds", Long.toString(team))).andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> save(account, username, "Casey Mine", version),
                0, version(jdbc, "account", account),
                "Casey Theirs, Care coordinator or practitioner. Email: casey.theirs@example.nhs.uk. Teams: "
                        + teamName + ".",
                "value=\"Casey Mine\"");
        assertThat(saved(jdbc, "account", "display_name", account)).isEqualTo("Casey Mine");
    }

    private MockHttpServletRequestBuilder save(long account, String username, String displayName, int version) {
        return post("/admin/accounts/" + account).with(csrf()).with(as("admin")).param("username", username)
                .param("displayName", displayName).param("role", "PRACTITIONER")
                .param("version", Integer.toString(version));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
