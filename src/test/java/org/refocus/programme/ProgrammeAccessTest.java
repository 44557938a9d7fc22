package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Object-level access to the programme: another team's staff and a person outside a project get "not
 * found" (and the attempt is audited); private reflections stay private; the budget is append-only;
 * uploads are checked and served safely; stale edits are refused with a message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammeAccessTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherTeamsStaffGetNotFoundForEveryProgrammeRecordAndTheAttemptIsAudited() throws Exception {
        long riverside = team("Riverside");
        long session = jdbc.sql("select id from programme_session where team_id = ? limit 1").param(riverside)
                .query(Long.class).single();
        long project = demoProject();
        long exercise = jdbc.sql("select id from values_exercise where team_id = ?").param(riverside)
                .query(Long.class).single();
        long deniedBefore = denied();
        for (String path : List.of("/programme/teams/" + riverside, "/programme/teams/" + riverside + "/participation",
                "/programme/teams/" + riverside + "/model", "/programme/teams/" + riverside + "/training",
                "/programme/teams/" + riverside + "/recovery-statement", "/programme/teams/" + riverside + "/values",
                "/programme/sessions/" + session, "/programme/values-exercises/" + exercise, "/projects/" + project,
                "/api/v1/teams/" + riverside + "/programme", "/api/v1/teams/" + riverside + "/sessions",
                "/api/v1/teams/" + riverside + "/projects", "/api/v1/teams/" + riverside + "/participation")) {
            mvc.perform(get(path).with(as("teamlead"))).andExpect(status().isNotFound());
            mvc.perform(get(path).with(as("priya.practitioner"))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/programme/sessions/" + session + "/delivery").with(as("teamlead")).with(csrf())
                .param("deliveredOn", "2026-01-01").param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + project + "/budget").with(as("teamlead")).with(csrf())
                .param("kind", "SPENDING").param("amount", "10").param("description", "x")
                .param("entryDate", "2026-01-01")).andExpect(status().isNotFound());
        assertThat(denied()).isGreaterThan(deniedBefore);
    }

    @Test
    void aServiceUserOutsideAProjectGetsNotFoundAndSeesOnlyTheirOwnProjects() throws Exception {
        long riverside = team("Riverside");
        long lead = account("rita.lead");
        long other = jdbc.sql("""
                        insert into partnership_project (team_id, title, aims, created_by, updated_by)
                        values (?, 'Staff-only planning project', 'Planning', ?, ?) returning id""")
                .params(riverside, lead, lead).query(Long.class).single();
        mvc.perform(get("/projects/" + other).with(as("serviceuser"))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + other + "/tasks/new").with(as("serviceuser"))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + demoProject()).with(as("serviceuser"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/teams/" + riverside + "/projects").with(as("serviceuser")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + other + ")]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == " + demoProject() + ")]").isNotEmpty());
        mvc.perform(get("/api/v1/teams/" + team("Hillview") + "/projects").with(as("serviceuser")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/teams").with(as("serviceuser"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(riverside));
        // Team performance is for staff.
        mvc.perform(get("/api/v1/teams/" + riverside + "/participation").with(as("serviceuser")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/programme/teams/" + riverside).with(as("serviceuser"))).andExpect(status().isForbidden());
    }

    @Test
    void apiListsTheTeamsEachCallerMaySeeAndParticipationNamesNumeratorsAndDenominators() throws Exception {
        long riverside = team("Riverside");
        mvc.perform(get("/api/v1/teams").with(as("coordinator"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(riverside));
        mvc.perform(get("/api/v1/teams").with(as("trainer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        long all = jdbc.sql("select count(*) from team").query(Long.class).single();
        mvc.perform(get("/api/v1/teams").with(as("researcher"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(all));
        mvc.perform(get("/api/v1/teams/" + riverside + "/participation").with(as("statistician")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.length()").value(7))
                .andExpect(jsonPath("$.figures[0].name").value("trainingAttendance"))
                .andExpect(jsonPath("$.figures[0].numerator").isNumber())
                .andExpect(jsonPath("$.figures[0].denominator").isNumber())
                .andExpect(jsonPath("$.figures[1].name").value("sessionsDelivered"))
                .andExpect(jsonPath("$.figures[6].name").value("partnershipProjectProgress"));
        // Researchers see team-level figures, not the programme's named records.
        mvc.perform(get("/api/v1/teams/" + riverside + "/sessions").with(as("researcher"))).andExpect(status().isForbidden());
        mvc.perform(get("/programme/teams/" + riverside + "/training").with(as("researcher"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/teams/" + riverside + "/programme").with(as("coordinator"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.programme.activities.length()").value(12))
                .andExpect(jsonPath("$.programme.durationMonths").value(12));
        mvc.perform(get("/api/v1/teams/" + riverside + "/sessions").with(as("trainer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").exists());
    }

    @Test
    void aReflectionIsPrivateToItsAuthorUntilTheyShareIt() throws Exception {
        long exercise = jdbc.sql("select id from values_exercise where team_id = ?").param(team("Riverside"))
                .query(Long.class).single();
        String words = "I sometimes hold back from supporting risky choices " + System.nanoTime();
        mvc.perform(post("/programme/values-exercises/" + exercise + "/reflection").with(as("dev.practitioner"))
                .with(csrf()).param("reflection", words)).andExpect(status().is3xxRedirection());
        assertThat(page("/programme/values-exercises/" + exercise, "dev.practitioner")).contains(words);
        assertThat(page("/programme/values-exercises/" + exercise, "rita.lead")).doesNotContain(words);
        assertThat(page("/programme/values-exercises/" + exercise, "trainer")).doesNotContain(words);
        int version = jdbc.sql("select version from values_reflection where exercise_id = ? and account_id = ?")
                .params(exercise, account("dev.practitioner")).query(Integer.class).single();
        mvc.perform(post("/programme/values-exercises/" + exercise + "/reflection").with(as("dev.practitioner"))
                .with(csrf()).param("reflection", words).param("shared", "true")
                .param("version", Integer.toString(version))).andExpect(status().is3xxRedirection());
        assertThat(page("/programme/values-exercises/" + exercise, "rita.lead")).contains(words);
    }

    @Test
    void theBudgetLedgerIsAppendOnlyAndACorrectionIsANewEntry() throws Exception {
        long project = demoProject();
        long entry = jdbc.sql("select id from project_budget_entry where project_id = ? and kind = 'SPENDING' "
                + "order by id limit 1").param(project).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update project_budget_entry set amount_pence = 1 where id = ?").param(entry)
                .update()).hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("delete from project_budget_entry where id = ?").param(entry).update())
                .hasMessageContaining("never changed");
        long before = jdbc.sql("select count(*) from project_budget_entry where project_id = ?").param(project)
                .query(Long.class).single();
        long original = jdbc.sql("select amount_pence from project_budget_entry where id = ?").param(entry)
                .query(Long.class).single();
        mvc.perform(post("/projects/budget-entries/" + entry + "/correction").with(as("serviceuser")).with(csrf())
                .param("amount", "not money").param("reason", "Receipt")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter an amount in pounds")));
        mvc.perform(post("/projects/budget-entries/" + entry + "/correction").with(as("serviceuser")).with(csrf())
                .param("amount", "40.00").param("reason", "The receipt said £40")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from project_budget_entry where project_id = ?").param(project)
                .query(Long.class).single()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select amount_pence from project_budget_entry where id = ?").param(entry)
                .query(Long.class).single()).isEqualTo(original);
        assertThat(jdbc.sql("select amount_pence from project_budget_entry where corrects_entry_id = ? order by id desc "
                + "limit 1").param(entry).query(Long.class).single()).isEqualTo(original - 4000);
        assertThat(jdbc.sql("select recorded_by_name from project_budget_entry where corrects_entry_id = ? order by id "
                + "desc limit 1").param(entry).query(String.class).single()).isEqualTo("Sam Example (demo)");
    }

    @Test
    void staleDeliveryAndReportFormsShowWhatTheOtherPersonSaved() throws Exception {
        long session = jdbc.sql("select id from programme_session where team_id = ? and status = 'PLANNED' "
                + "order by id desc limit 1").param(team("Hillview")).query(Long.class).single();
        int version = jdbc.sql("select version from programme_session where id = ?").param(session)
                .query(Integer.class).single();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            var delivered = mvc.perform(post("/programme/sessions/" + session + "/delivery").with(as("teamlead"))
                    .with(csrf()).param("deliveredOn", today).param("serviceUserAttendees", attempt == 0 ? "4" : "9")
                    .param("materials", "").param("version", Integer.toString(version))).andReturn().getResponse();
            if (attempt == 1) {
                assertThat(delivered.getStatus()).isEqualTo(200);
                assertThat(delivered.getContentAsString()).contains("What the other person saved")
                        .contains("people using services attended").contains("value=\"9\"");
            }
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            var reported = mvc.perform(post("/programme/sessions/" + session + "/report").with(as("trainer"))
                    .with(csrf()).param("report", attempt == 0 ? "Lively discussion of hope." : "My own report.")
                    .param("engagement", "4").param("aimsMet", "4").param("readiness", "3")
                    .param("version", Integer.toString(version + 1))).andReturn().getResponse();
            if (attempt == 1) {
                assertThat(reported.getStatus()).isEqualTo(200);
                assertThat(reported.getContentAsString()).contains("Lively discussion of hope.")
                        .contains("My own report.");
            }
        }
    }

    @Test
    void aStaleEditIsRefusedWithAMessageAndNothingIsOverwritten() throws Exception {
        long session = jdbc.sql("select id from programme_session where team_id = ? and status = 'PLANNED' "
                + "order by id limit 1").param(team("Hillview")).query(Long.class).single();
        long activity = jdbc.sql("select activity_id from programme_session where id = ?").param(session)
                .query(Long.class).single();
        int version = jdbc.sql("select version from programme_session where id = ?").param(session)
                .query(Integer.class).single();
        mvc.perform(post("/programme/sessions/" + session).with(as("teamlead")).with(csrf())
                .param("activityId", Long.toString(activity)).param("title", "First title")
                .param("plannedOn", "2030-01-10").param("version", Integer.toString(version)))
                .andExpect(status().is3xxRedirection());
        String refused = mvc.perform(post("/programme/sessions/" + session).with(as("trainer")).with(csrf())
                .param("activityId", Long.toString(activity)).param("title", "Second title")
                .param("plannedOn", "2030-01-11").param("version", Integer.toString(version)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(jdbc.sql("select title from programme_session where id = ?").param(session).query(String.class)
                .single()).isEqualTo("First title");
        // The page shows what the other person saved, keeps what this one typed, and carries the newer version...
        assertThat(refused).contains("Someone else saved this session while you were editing")
                .contains("First title, planned for 10 January 2030").contains("value=\"Second title\"")
                .contains("name=\"version\" value=\"" + (version + 1) + "\"");
        // ...so that saving again, having checked, replaces theirs.
        mvc.perform(post("/programme/sessions/" + session).with(as("trainer")).with(csrf())
                .param("activityId", Long.toString(activity)).param("title", "Second title")
                .param("plannedOn", "2030-01-11").param("version", Integer.toString(version + 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select title from programme_session where id = ?").param(session).query(String.class)
                .single()).isEqualTo("Second title");
    }

    @Test
    void uploadsAreCheckedAndServedAsAttachmentsToStaffAndOnlyToPeopleTheyWereOfferedTo() throws Exception {
        MockMultipartFile exe = new MockMultipartFile("file", "leaflet.pdf", "application/pdf", new byte[] {0x4D, 0x5A, 1});
        mvc.perform(multipart("/resources").file(exe).with(as("rita.lead")).with(csrf())
                .param("kind", "LEAFLET").param("title", "Not a leaflet")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The file must be a PDF")));
        MockMultipartFile big = new MockMultipartFile("file", "big.pdf", "application/pdf",
                concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), new byte[6 * 1024 * 1024]));
        mvc.perform(multipart("/resources").file(big).with(as("rita.lead")).with(csrf())
                .param("kind", "LEAFLET").param("title", "Too big")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("smaller than 5 MB")));
        MockMultipartFile pdf = new MockMultipartFile("file", "../hope \"leaflet\".pdf", "application/octet-stream",
                "%PDF-1.4\nhello".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/resources").file(pdf).with(as("rita.lead")).with(csrf())
                .param("kind", "LEAFLET").param("title", "Hope leaflet")).andExpect(status().is3xxRedirection());
        long resource = jdbc.sql("select id from programme_resource where title = 'Hope leaflet'").query(Long.class)
                .single();
        mvc.perform(get("/resources/" + resource + "/file").with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("hope _leaflet_.pdf")));
        mvc.perform(get("/resources/" + resource + "/file").with(as("serviceuser"))).andExpect(status().isNotFound());
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        long offersBefore = jdbc.sql("select count(*) from audit_entry where person_id = ? and record_type = 'resource_offer' "
                + "and action = 'CREATED'").param(sam).query(Long.class).single();
        mvc.perform(post("/people/" + sam + "/resources").with(as("coordinator")).with(csrf())
                .param("resourceId", Long.toString(resource)).param("offeredOn", "2026-01-05"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/resources/" + resource + "/file").with(as("serviceuser"))).andExpect(status().isOk());
        assertThat(page("/people/" + sam + "/resources", "serviceuser")).contains("Hope leaflet");
        assertThat(jdbc.sql("select count(*) from audit_entry where person_id = ? and record_type = 'resource_offer' "
                + "and action = 'CREATED'").param(sam).query(Long.class).single()).isEqualTo(offersBefore + 1);
        // Another team's practitioner cannot offer to, or see the offers of, someone outside their reach.
        mvc.perform(get("/people/" + sam + "/resources").with(as("priya.practitioner"))).andExpect(status().isNotFound());
        mvc.perform(post("/people/" + sam + "/resources").with(as("serviceuser")).with(csrf())
                .param("resourceId", Long.toString(resource)).param("offeredOn", "2026-01-05"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyTrainersOfTheTeamWriteReportsAndOnlyTeamLeadersStartProjects() throws Exception {
        long session = jdbc.sql("select id from programme_session where team_id = ? and status = 'DELIVERED' limit 1")
                .param(team("Riverside")).query(Long.class).single();
        mvc.perform(get("/programme/sessions/" + session + "/report").with(as("rita.lead"))).andExpect(status().isForbidden());
        mvc.perform(get("/programme/sessions/" + session + "/report").with(as("coordinator"))).andExpect(status().isForbidden());
        mvc.perform(get("/programme/sessions/" + session + "/report").with(as("trainer"))).andExpect(status().isOk());
        mvc.perform(get("/programme/teams/" + team("Riverside") + "/projects/new").with(as("teamlead")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/programme/teams/" + team("Riverside") + "/projects/new").with(as("coordinator")))
                .andExpect(status().isForbidden());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private String page(String path, String who) throws Exception {
        return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long denied() {
        return jdbc.sql("select count(*) from audit_entry where outcome = 'DENIED' and actor_username in ('teamlead', "
                + "'priya.practitioner')").query(Long.class).single();
    }

    private long demoProject() {
        return jdbc.sql("select project_id from project_member where person_id = (select person_id from account "
                + "where username = 'serviceuser') order by project_id limit 1").query(Long.class).single();
    }

    private long account(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long team(String prefix) {
        return jdbc.sql("select id from team where name like ?").param(prefix + "%").query(Long.class).single();
    }
}
