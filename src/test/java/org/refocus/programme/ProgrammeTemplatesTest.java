package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Templates are data an organisation adapts; a team's programme keeps its own copy of the plan. */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammeTemplatesTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrganisationAdaptsACopyAndChangingItNeverRewritesATeamsProgramme() throws Exception {
        long defaultTemplate = jdbc.sql("select id from programme_template where is_default").query(Long.class).single();
        long organisation = jdbc.sql("select id from organisation order by id limit 1").query(Long.class).single();
        String name = "Northshire REFOCUS " + System.nanoTime();
        mvc.perform(post("/programme/templates/" + defaultTemplate + "/copy").with(as("admin")).with(csrf())
                .param("organisationId", Long.toString(organisation)).param("name", name))
                .andExpect(status().is3xxRedirection());
        long copy = jdbc.sql("select id from programme_template where name = ?").param(name).query(Long.class).single();
        assertThat(count("select count(*) from programme_template_activity where template_id = ?", copy)).isEqualTo(12);

        // Length 18 months (the first edition of the manual), with a month-15 activity; a month past the end is refused.
        mvc.perform(post("/programme/templates/" + copy).with(as("admin")).with(csrf()).param("name", name)
                .param("durationMonths", "18").param("version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/programme/templates/" + copy + "/activities").with(as("admin")).with(csrf())
                .param("component", "COACHING").param("kind", "REFLECTION_SESSION").param("title", "Booster")
                .param("targetCount", "1").param("audience", "STAFF").param("month", "19").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The month must be within the programme")));
        mvc.perform(post("/programme/templates/" + copy + "/activities").with(as("admin")).with(csrf())
                .param("component", "COACHING").param("kind", "REFLECTION_SESSION").param("title", "Booster")
                .param("targetCount", "1").param("audience", "STAFF").param("month", "15").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        // A word where a number goes was a server error that lost the title typed; now it is explained, and kept.
        mvc.perform(post("/programme/templates/" + copy + "/activities").with(as("admin")).with(csrf())
                .param("component", "COACHING").param("kind", "REFLECTION_SESSION").param("title", "Second booster")
                .param("targetCount", "two").param("audience", "STAFF").param("month", "16").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a whole number")))
                .andExpect(content().string(Matchers.containsString("value=\"Second booster\"")));
        mvc.perform(post("/programme/templates/" + copy).with(as("admin")).with(csrf()).param("name", name)
                .param("durationMonths", "a year and a half").param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a whole number")))
                .andExpect(content().string(Matchers.containsString(name)));
        long added = jdbc.sql("select id from programme_template_activity where template_id = ? and title = 'Booster'")
                .param(copy).query(Long.class).single();
        mvc.perform(post("/programme/template-activities/" + added).with(as("admin")).with(csrf())
                .param("component", "COACHING").param("kind", "REFLECTION_SESSION").param("title", "Booster, renamed")
                .param("targetCount", "1").param("audience", "STAFF").param("month", "fifteen").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"Booster, renamed\"")));
        assertThat(count("select count(*) from programme_template_activity where template_id = ? and title like 'Booster, %'",
                copy)).isZero();

        // A new team in that organisation starts from the copy.
        long site = jdbc.sql("select id from site where organisation_id = ? order by id limit 1").param(organisation)
                .query(Long.class).single();
        long team = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id")
                .params(site, "Template test team " + System.nanoTime()).query(Long.class).single();
        long lead = jdbc.sql("select id from account where username = 'rita.lead'").query(Long.class).single();
        jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(lead, team).update();
        mvc.perform(get("/programme/teams/" + team + "/start").with(as("rita.lead"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(post("/programme/teams/" + team + "/start").with(as("rita.lead")).with(csrf())
                .param("startDate", LocalDate.now().toString()).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose a programme template")));
        mvc.perform(post("/programme/teams/" + team + "/start").with(as("rita.lead")).with(csrf())
                .param("templateId", Long.toString(copy)).param("startDate", LocalDate.now().toString())
                .param("version", "0")).andExpect(status().is3xxRedirection());
        long programme = jdbc.sql("select id from team_programme where team_id = ?").param(team).query(Long.class)
                .single();
        List<String> before = titles(programme);
        assertThat(before).hasSize(13).contains("Booster:1:15");

        long booster = jdbc.sql("select id from programme_template_activity where template_id = ? and title = 'Booster'")
                .param(copy).query(Long.class).single();
        mvc.perform(post("/programme/template-activities/" + booster).with(as("admin")).with(csrf())
                .param("component", "COACHING").param("kind", "REFLECTION_SESSION").param("title", "Renamed")
                .param("targetCount", "5").param("audience", "STAFF").param("month", "16").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/programme/template-activities/" + booster + "/remove").with(as("admin")).with(csrf())
                .param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from programme_template_activity where id = ?", booster)).isZero();
        assertThat(titles(programme)).isEqualTo(before);
        assertThat(jdbc.sql("select template_name from team_programme where id = ?").param(programme)
                .query(String.class).single()).isEqualTo(name);

        // A second start is refused, and only the team's own leaders may start it.
        mvc.perform(post("/programme/teams/" + team + "/start").with(as("teamlead")).with(csrf())
                .param("templateId", Long.toString(copy)).param("startDate", LocalDate.now().toString())
                .param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/programme/teams/" + team + "/start").with(as("rita.lead")).with(csrf())
                .param("templateId", Long.toString(copy)).param("startDate", LocalDate.now().toString())
                .param("version", "0")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Someone else started this team’s programme")));
    }

    private List<String> titles(long programme) {
        return jdbc.sql("select title || ':' || target_count || ':' || month from programme_activity "
                + "where programme_id = ? order by id").param(programme).query(String.class).list();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
