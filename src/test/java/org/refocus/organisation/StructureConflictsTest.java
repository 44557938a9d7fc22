package org.refocus.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.refocus.testing.TwoEditors.staleSaveShowsTheirsThenSavingAgainWorks;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.TwoEditors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two administrators change the same organisation, site or team: the second sees what the first saved, keeps
 * what they typed, and can save again knowingly. Each test makes its own organisation, site and team.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StructureConflictsTest extends DatabaseTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaleOrganisationChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        long organisation = organisation();
        String theirs = unique("Their Trust");
        String mine = unique("My Trust");
        mvc.perform(post("/admin/organisations/" + organisation).with(csrf()).with(as("admin"))
                        .param("name", theirs).param("code", "RX9").param("version", "0"))
                .andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> post("/admin/organisations/" + organisation)
                        .with(csrf()).with(as("admin")).param("name", mine).param("code", "RX1")
                        .param("version", Integer.toString(version)),
                0, version("organisation", organisation), theirs + " (organisation code RX9)",
                "value=\"" + mine + "\"");
        assertThat(saved("organisation", "name || ' ' || code", organisation)).isEqualTo(mine + " RX1");
    }

    @Test
    void aStaleSiteChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        long site = site(organisation());
        String theirs = unique("Their House");
        String mine = unique("My House");
        mvc.perform(post("/admin/sites/" + site).with(csrf()).with(as("admin")).param("name", theirs)
                .param("version", "0")).andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> post("/admin/sites/" + site).with(csrf())
                        .with(as("admin")).param("name", mine).param("version", Integer.toString(version)),
                0, version("site", site), theirs, "value=\"" + mine + "\"");
        assertThat(saved("site", "name", site)).isEqualTo(mine);
    }

    @Test
    void aStaleTeamChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        long site = site(organisation());
        long team = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id")
                .params(site, unique("Conflict team")).query(Long.class).single();
        String name = unique("Riverbank team");
        mvc.perform(post("/admin/teams/" + team).with(csrf()).with(as("admin")).param("siteId", Long.toString(site))
                        .param("name", name).param("description", "Their words").param("active", "false")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());

        String page = staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> post("/admin/teams/" + team)
                        .with(csrf()).with(as("admin")).param("siteId", Long.toString(site)).param("name", name)
                        .param("description", "My words").param("active", "true")
                        .param("version", Integer.toString(version)),
                0, version("team", team), name + ", not active. Description: Their words", ">My words</textarea>");
        assertThat(page).contains("checked=\"checked\"");
        assertThat(saved("team", "description || ' ' || active", team)).isEqualTo("My words true");
    }

    private long organisation() {
        return jdbc.sql("insert into organisation (name) values (?) returning id").param(unique("Conflict Trust"))
                .query(Long.class).single();
    }

    private long site(long organisation) {
        return jdbc.sql("insert into site (organisation_id, name) values (?, ?) returning id")
                .params(organisation, unique("Conflict House")).query(Long.class).single();
    }

    private String saved(String table, String column, long id) {
        return TwoEditors.saved(jdbc, table, column, id);
    }

    private int version(String table, long id) {
        return TwoEditors.version(jdbc, table, id);
    }

    private static String unique(String name) {
        return name + " " + NAMES.incrementAndGet() + " " + System.nanoTime();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
