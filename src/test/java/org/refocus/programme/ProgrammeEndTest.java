package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/**
 * Ending a team's programme. Each test makes its own team, with its own team leader, and starts its
 * programme through the pages (default template, four months ago), so the demo teams stay as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammeEndTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now();

    /** A team of the Hillview site with a team leader of its own, and its programme started. */
    private record TestTeam(long id, String leader, long programme, LocalDate start) {
    }

    @Test
    void theTeamLeaderEndsTheProgrammeAfterAConfirmationPageAndItsTimelineIsFrozen() throws Exception {
        TestTeam team = teamWithProgramme(today.minusMonths(4));
        assertThat(page("/programme/teams/" + team.id(), team.leader())).contains("End the programme")
                .contains("Late");
        assertThat(page("/programme/teams/" + team.id() + "/end", team.leader()))
                .contains("End the programme").contains("What happens when you end it")
                .contains("nhsuk-button--warning").contains("name=\"programmeId\" value=\"" + team.programme() + "\"")
                .contains("name=\"version\" value=\"0\"");

        mvc.perform(post("/programme/teams/" + team.id() + "/end").with(as(team.leader())).with(csrf())
                        .param("endedOn", today.minusDays(1).toString()).param("note", "Paused for a service redesign")
                        .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()))
                .andExpect(flash().attribute("flash", "programme.ended"));

        assertThat(jdbc.sql("select status || '|' || ended_on || '|' || end_note || '|' || version from team_programme "
                + "where id = ?").param(team.programme()).query(String.class).single())
                .isEqualTo("ENDED|" + today.minusDays(1) + "|Paused for a service redesign|1");
        assertThat(jdbc.sql("""
                        select action || ' ' || actor_username || ' ' || detail from audit_entry
                        where record_type = 'team_programme' and record_id = ? order by id desc limit 1""")
                .param(Long.toString(team.programme())).query(String.class).single())
                .isEqualTo("CHANGED " + team.leader() + " ended on " + today.minusDays(1) + ", with a note");

        String teamPage = page("/programme/teams/" + team.id(), team.leader());
        assertThat(teamPage).contains(">Ended<").contains("Not delivered").contains("Paused for a service redesign")
                .contains("Start a new programme")
                .doesNotContain(">Late<").doesNotContain("Due this month").doesNotContain("Plan a session")
                .doesNotContain("/programme/teams/" + team.id() + "/end").doesNotContain("/details");
        mvc.perform(get("/api/v1/teams/" + team.id() + "/programme").with(as(team.leader())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.programme.status").value("ENDED"))
                .andExpect(jsonPath("$.programme.endedOn").value(today.minusDays(1).toString()))
                .andExpect(jsonPath("$.programme.activities[?(@.status in ['LATE', 'DUE', 'UPCOMING'])]").isEmpty())
                .andExpect(jsonPath("$.programme.activities[?(@.status == 'NOT_DELIVERED')]").isNotEmpty());
        // Asking to end it again just shows the team page.
        mvc.perform(get("/programme/teams/" + team.id() + "/end").with(as(team.leader())))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()));
    }

    @Test
    void noSessionCanBePlannedOrReplannedInAnEndedProgrammeAndDeliveryStopsAtTheEnd() throws Exception {
        TestTeam team = teamWithProgramme(today.minusMonths(4));
        long session = planSession(team, "RECOVERY_WORKSHOP", today.minusDays(3));
        end(team, today.minusDays(2), 0);
        long sessions = jdbc.sql("select count(*) from programme_session where team_id = ?").param(team.id())
                .query(Long.class).single();

        mvc.perform(get("/programme/teams/" + team.id() + "/sessions/new").with(as(team.leader())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/programme/teams/" + team.id() + "/sessions").with(as(team.leader())).with(csrf())
                        .param("activityId", Long.toString(activity(team, "RECOVERY_WORKSHOP")))
                        .param("title", "One more workshop").param("plannedOn", today.toString()).param("version", "0"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from programme_session where team_id = ?").param(team.id())
                .query(Long.class).single()).isEqualTo(sessions);

        mvc.perform(get("/programme/sessions/" + session + "/edit").with(as(team.leader())))
                .andExpect(redirectedUrl("/programme/sessions/" + session));
        mvc.perform(post("/programme/sessions/" + session).with(as(team.leader())).with(csrf())
                        .param("activityId", Long.toString(activity(team, "RECOVERY_WORKSHOP")))
                        .param("title", "Moved").param("plannedOn", today.toString()).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("plan cannot be changed")));
        mvc.perform(post("/programme/sessions/" + session + "/cancel").with(as(team.leader())).with(csrf())
                        .param("version", "0"))
                .andExpect(status().isConflict());
        assertThat(page("/programme/sessions/" + session, team.leader()))
                .contains("Not delivered (the programme ended)").doesNotContain("Change the plan")
                .doesNotContain("Cancel this session");

        // What happened before the end can still be recorded; nothing after it.
        mvc.perform(post("/programme/sessions/" + session + "/delivery").with(as(team.leader())).with(csrf())
                        .param("deliveredOn", today.minusDays(1).toString()).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter that date or an earlier one")));
        mvc.perform(post("/programme/sessions/" + session + "/delivery").with(as(team.leader())).with(csrf())
                        .param("deliveredOn", today.minusDays(3).toString()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from programme_session where id = ?").param(session).query(String.class)
                .single()).isEqualTo("DELIVERED");
    }

    @Test
    void anEndDateOutsideTheProgrammeIsRefusedWithTheReasonAndNothingEnds() throws Exception {
        TestTeam team = teamWithProgramme(today.minusMonths(4));
        planAndDeliver(team, "VALUES_SESSION", today.minusDays(5));
        String path = "/programme/teams/" + team.id() + "/end";
        for (var attempt : List.of(
                List.of("", "Enter the date the programme ended"),
                List.of(team.start().minusDays(1).toString(), "must be on or after"),
                List.of(today.plusDays(1).toString(), "must be today or in the past"),
                List.of(today.minusDays(6).toString(), "A session was delivered on"))) {
            mvc.perform(post(path).with(as(team.leader())).with(csrf()).param("endedOn", attempt.get(0))
                            .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<title>Error: End the programme")))
                    .andExpect(content().string(containsString(attempt.get(1))));
        }
        mvc.perform(post(path).with(as(team.leader())).with(csrf()).param("endedOn", today.toString())
                        .param("note", "x".repeat(1001))
                        .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                .andExpect(status().isOk());

        TestTeam notStarted = teamWithProgramme(today.plusDays(10));
        assertThat(page("/programme/teams/" + notStarted.id(), notStarted.leader())).doesNotContain("End the programme");
        mvc.perform(post("/programme/teams/" + notStarted.id() + "/end").with(as(notStarted.leader())).with(csrf())
                        .param("endedOn", today.toString()).param("programmeId", Long.toString(notStarted.programme()))
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has not started yet")));
        assertThat(jdbc.sql("select count(*) from team_programme where id in (?, ?) and status = 'ACTIVE' "
                + "and version = 0").params(team.programme(), notStarted.programme()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aStaleEndShowsTheProgrammeAsItIsNowAndNeverEndsANewerOne() throws Exception {
        TestTeam team = teamWithProgramme(today.minusMonths(4));
        String path = "/programme/teams/" + team.id() + "/end";
        // Someone changes the start date after the leader opened the page at version 0.
        LocalDate movedStart = team.start().plusDays(7);
        mvc.perform(post("/programme/teams/" + team.id() + "/details").with(as(team.leader())).with(csrf())
                        .param("startDate", movedStart.toString()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(path).with(as(team.leader())).with(csrf()).param("endedOn", today.toString())
                        .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this programme")))
                .andExpect(content().string(containsString(day(movedStart))))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(programmeStatus(team.programme())).isEqualTo("ACTIVE");

        mvc.perform(post(path).with(as(team.leader())).with(csrf()).param("endedOn", today.minusDays(1).toString())
                        .param("programmeId", Long.toString(team.programme())).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        long next = start(team, today);
        // A page still open on the first programme cannot end the new one, whatever version it carries.
        mvc.perform(post(path).with(as(team.leader())).with(csrf()).param("endedOn", today.toString())
                        .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this programme")));
        assertThat(programmeStatus(next)).isEqualTo("ACTIVE");
    }

    @Test
    void participationCountsAnEndedProgrammeAsItStoodAndThenTheNewOne() throws Exception {
        TestTeam team = teamWithProgramme(today.minusMonths(4));
        planAndDeliver(team, "RECOVERY_WORKSHOP", team.start().plusDays(20));
        String api = "/api/v1/teams/" + team.id() + "/participation";
        // Running, month 5: workshops 2 + values session 1 (month 2), coaching 2 (3), practice 1 + 1 (4, 5).
        mvc.perform(get(api).with(as(team.leader()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures[1].name").value("sessionsDelivered"))
                .andExpect(jsonPath("$.figures[1].numerator").value(1))
                .andExpect(jsonPath("$.figures[1].denominator").value(7));

        LocalDate endedOn = team.start().plusDays(40); // month 2
        end(team, endedOn, 0);
        mvc.perform(get(api).with(as(team.leader()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.programmeStart").value(team.start().toString()))
                .andExpect(jsonPath("$.programmeEndedOn").value(endedOn.toString()))
                .andExpect(jsonPath("$.figures[1].numerator").value(1))
                .andExpect(jsonPath("$.figures[1].denominator").value(3));
        assertThat(page("/programme/teams/" + team.id() + "/participation", team.leader()))
                .contains("The team ended its programme on " + day(endedOn));
        mvc.perform(get("/api/v1/teams/" + team.id() + "/participation").with(as("researcher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.programmeEndedOn").value(endedOn.toString()));

        // A new programme starts after the last one ended.
        mvc.perform(post("/programme/teams/" + team.id() + "/start").with(as(team.leader())).with(csrf())
                        .param("templateId", Long.toString(defaultTemplate())).param("startDate", endedOn.toString())
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a start date after that")));
        LocalDate nextStart = endedOn.plusDays(1);
        long next = start(team, nextStart);
        assertThat(next).isNotEqualTo(team.programme());
        mvc.perform(get(api).with(as(team.leader()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.programmeStart").value(nextStart.toString()))
                .andExpect(jsonPath("$.programmeEndedOn").doesNotExist())
                .andExpect(jsonPath("$.figures[1].numerator").value(0));
        assertThat(page("/programme/teams/" + team.id(), team.leader())).doesNotContain(">Ended<")
                .contains("End the programme").contains("Plan a session");
        // The ended programme's records stay.
        assertThat(jdbc.sql("select count(*) from programme_session where programme_id = ? and status = 'DELIVERED'")
                .param(team.programme()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheTeamsOwnLeaderEndsItAndAnotherTeamsLeaderGetsNotFoundWhichIsAudited() throws Exception {
        TestTeam team = teamWithProgramme(today.minusMonths(4));
        String path = "/programme/teams/" + team.id() + "/end";
        long deniedBefore = denied("teamlead");
        mvc.perform(get(path).with(as("teamlead"))).andExpect(status().isNotFound());
        mvc.perform(post(path).with(as("teamlead")).with(csrf()).param("endedOn", today.toString())
                        .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                .andExpect(status().isNotFound());
        assertThat(denied("teamlead")).isEqualTo(deniedBefore + 2);
        for (String who : List.of("trainer", "coordinator", "admin", "researcher", "serviceuser")) {
            mvc.perform(post(path).with(as(who)).with(csrf()).param("endedOn", today.toString())
                            .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(path).with(as(team.leader())).param("endedOn", today.toString())
                        .param("programmeId", Long.toString(team.programme())).param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(programmeStatus(team.programme())).isEqualTo("ACTIVE");
    }

    private TestTeam teamWithProgramme(LocalDate start) throws Exception {
        OwnTeam own = OwnTeam.create(jdbc, "Programme end");
        TestTeam created = new TestTeam(own.id(), own.leader(), 0, start);
        return new TestTeam(own.id(), own.leader(), start(created, start), start);
    }

    private long start(TestTeam team, LocalDate start) throws Exception {
        mvc.perform(post("/programme/teams/" + team.id() + "/start").with(as(team.leader())).with(csrf())
                        .param("templateId", Long.toString(defaultTemplate())).param("startDate", start.toString())
                        .param("version", "0"))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()));
        return jdbc.sql("select id from team_programme where team_id = ? and status = 'ACTIVE'").param(team.id())
                .query(Long.class).single();
    }

    private void end(TestTeam team, LocalDate endedOn, int version) throws Exception {
        mvc.perform(post("/programme/teams/" + team.id() + "/end").with(as(team.leader())).with(csrf())
                        .param("endedOn", endedOn.toString()).param("programmeId", Long.toString(team.programme()))
                        .param("version", Integer.toString(version)))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()));
    }

    private long planSession(TestTeam team, String kind, LocalDate on) throws Exception {
        mvc.perform(post("/programme/teams/" + team.id() + "/sessions").with(as(team.leader())).with(csrf())
                        .param("activityId", Long.toString(activity(team, kind))).param("title", "Session " + kind)
                        .param("plannedOn", on.toString()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select max(id) from programme_session where team_id = ?").param(team.id()).query(Long.class)
                .single();
    }

    private void planAndDeliver(TestTeam team, String kind, LocalDate on) throws Exception {
        long session = planSession(team, kind, on);
        mvc.perform(post("/programme/sessions/" + session + "/delivery").with(as(team.leader())).with(csrf())
                        .param("deliveredOn", on.toString()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
    }

    private long activity(TestTeam team, String kind) {
        return jdbc.sql("select id from programme_activity where programme_id = ? and kind = ? order by month, id limit 1")
                .params(team.programme(), kind).query(Long.class).single();
    }

    private long defaultTemplate() {
        return jdbc.sql("select id from programme_template where is_default").query(Long.class).single();
    }

    private String programmeStatus(long programme) {
        return jdbc.sql("select status from team_programme where id = ?").param(programme).query(String.class).single();
    }

    private long denied(String username) {
        return jdbc.sql("select count(*) from audit_entry where outcome = 'DENIED' and actor_username = ?")
                .param(username).query(Long.class).single();
    }

    private static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }

    private String page(String path, String who) throws Exception {
        return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
