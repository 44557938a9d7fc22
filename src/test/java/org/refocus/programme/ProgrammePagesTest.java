package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every programme page renders for the people who use it, from the demo data. */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammePagesTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void teamPagesRenderForTheTeamLeaderAndTrainer() throws Exception {
        long riverside = team("Riverside");
        long session = jdbc.sql("select id from programme_session where team_id = ? and status = 'DELIVERED' "
                + "and report is not null order by id limit 1").param(riverside).query(Long.class).single();
        long exercise = jdbc.sql("select id from values_exercise where team_id = ?").param(riverside).query(Long.class)
                .single();
        long organisation = jdbc.sql("select s.organisation_id from team t join site s on s.id = t.site_id where t.id = ?")
                .param(riverside).query(Long.class).single();
        for (String path : List.of("/programme", "/programme/teams/" + riverside, "/programme/teams/" + riverside
                        + "/participation", "/programme/teams/" + riverside + "/training", "/programme/teams/"
                        + riverside + "/model", "/programme/organisations/" + organisation, "/programme/sessions/" + session,
                "/programme/teams/" + riverside + "/recovery-statement", "/programme/teams/" + riverside + "/values",
                "/programme/values-exercises/" + exercise, "/projects", "/resources")) {
            for (String who : List.of("rita.lead", "trainer")) {
                mvc.perform(get(path).with(as(who))).andExpect(status().isOk());
            }
        }
        for (String path : List.of("/programme/teams/" + riverside + "/details",
                "/programme/teams/" + riverside + "/sessions/new", "/programme/sessions/" + session + "/edit",
                "/programme/sessions/" + session + "/delivery", "/programme/teams/" + riverside + "/recovery-statement/new",
                "/programme/teams/" + riverside + "/values/new", "/programme/values-exercises/" + exercise + "/edit",
                "/programme/teams/" + riverside + "/projects/new", "/resources/new")) {
            mvc.perform(get(path).with(as("rita.lead"))).andExpect(status().isOk());
        }
        mvc.perform(get("/programme/sessions/" + session + "/report").with(as("trainer"))).andExpect(status().isOk());
    }

    @Test
    void projectPagesRenderForTheTeamLeaderAndTheServiceUser() throws Exception {
        long project = jdbc.sql("select id from partnership_project order by id limit 1").query(Long.class).single();
        long task = jdbc.sql("select id from project_task where project_id = ? order by id limit 1").param(project)
                .query(Long.class).single();
        long entry = jdbc.sql("select id from project_budget_entry where project_id = ? order by id limit 1")
                .param(project).query(Long.class).single();
        for (String who : List.of("rita.lead", "serviceuser")) {
            for (String path : List.of("/projects", "/projects/" + project, "/projects/" + project + "/edit",
                    "/projects/" + project + "/outcome", "/projects/" + project + "/tasks/new",
                    "/projects/tasks/" + task, "/projects/" + project + "/budget/new",
                    "/projects/budget-entries/" + entry + "/correction", "/projects/" + project + "/decisions/new")) {
                mvc.perform(get(path).with(as(who))).andExpect(status().isOk());
            }
        }
        mvc.perform(get("/projects/" + project + "/members/new").with(as("rita.lead"))).andExpect(status().isOk());
    }

    @Test
    void theTeamLeaderSearchesForAPersonToAddWithoutTheSearchInTheAddress() throws Exception {
        long project = jdbc.sql("select id from partnership_project order by id limit 1").query(Long.class).single();
        String path = "/projects/" + project + "/members/new";
        // The search form posts what was searched for (a name or an NHS number: personal data) rather than
        // putting it in the address, where browser history, proxy logs and Referer headers would keep it.
        mvc.perform(get(path).with(as("rita.lead")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/members/new\" method=\"post\"")));
        String found = mvc.perform(post(path).param("q", "fakeley").with(as("rita.lead")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("Ash Fakeley").contains("value=\"fakeley\"");
    }

    @Test
    void resourcePagesRenderForStaffAndTheServiceUser() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        long resource = jdbc.sql("select id from programme_resource where file_name is not null order by id limit 1")
                .query(Long.class).single();
        mvc.perform(get("/people/" + sam + "/resources").with(as("coordinator"))).andExpect(status().isOk());
        mvc.perform(get("/people/" + sam + "/resources").with(as("serviceuser"))).andExpect(status().isOk());
        mvc.perform(get("/resources/" + resource).with(as("coordinator"))).andExpect(status().isOk());
        mvc.perform(get("/resources/" + resource + "/file").with(as("serviceuser"))).andExpect(status().isOk())
                .andExpect(content().contentType("text/plain"));
    }

    @Test
    void templatePagesRenderForTheAdministrator() throws Exception {
        long template = jdbc.sql("select id from programme_template where is_default").query(Long.class).single();
        long activity = jdbc.sql("select id from programme_template_activity where template_id = ? limit 1")
                .param(template).query(Long.class).single();
        mvc.perform(get("/programme/templates").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/programme/templates/" + template).with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/programme/templates/" + template + "/copy").with(as("admin"))).andExpect(status().isOk());
        // The shipped default is never edited.
        mvc.perform(get("/programme/templates/" + template + "/edit").with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/programme/template-activities/" + activity).with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void researchersSeeTeamFiguresAndTheComparison() throws Exception {
        long riverside = team("Riverside");
        mvc.perform(get("/programme").with(as("researcher"))).andExpect(status().isOk());
        mvc.perform(get("/programme/teams/" + riverside + "/participation").with(as("statistician")))
                .andExpect(status().isOk());
        mvc.perform(get("/programme/teams/" + riverside + "/model").with(as("researcher"))).andExpect(status().isOk());
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long team(String prefix) {
        return jdbc.sql("select id from team where name like ?").param(prefix + "%").query(Long.class).single();
    }
}
