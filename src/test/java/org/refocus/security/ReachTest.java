package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Object-level access: who may reach which person, and that refusals look like absence and are audited. */
@SpringBootTest
@AutoConfigureMockMvc
class ReachTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void practitionerOpensAPersonInTheirTeamAndTheReadIsAudited() throws Exception {
        long person = personInTeam("Riverside");
        long before = auditCount(person, "VIEWED", "ALLOWED");
        long latest = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        mvc.perform(get("/people/" + person).with(as("coordinator"))).andExpect(status().isOk());
        // The person's page, and the crisis card on it (their crisis contacts), each read once.
        assertThat(auditCount(person, "VIEWED", "ALLOWED")).isEqualTo(before + 2);
        assertThat(jdbc.sql("select actor_username || ' ' || record_type from audit_entry where person_id = ? and id > ? "
                + "order by id").params(person, latest).query(String.class).list())
                .containsExactlyInAnyOrder("coordinator person", "coordinator recovery_crisis_contact");
    }

    @Test
    void practitionerAskingForAnotherTeamsPersonGetsNotFoundAndTheAttemptIsAudited() throws Exception {
        long person = personInTeam("Hillview");
        long before = auditCount(person, "VIEWED", "DENIED");
        mvc.perform(get("/people/" + person).with(as("coordinator"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people/" + person).with(as("coordinator"))).andExpect(status().isNotFound());
        assertThat(auditCount(person, "VIEWED", "DENIED")).isEqualTo(before + 2);
    }

    @Test
    void outOfReachAndNonExistentLookTheSame() throws Exception {
        long person = personInTeam("Hillview");
        String outOfReach = mvc.perform(get("/api/v1/people/" + person).with(as("coordinator")))
                .andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/api/v1/people/" + 987654321L).with(as("coordinator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(outOfReach.replace("/" + person, "/X")).isEqualTo(missing.replace("/987654321", "/X"));
    }

    @Test
    void teamLeaderSeesOnlyTheirOwnTeam() throws Exception {
        mvc.perform(get("/people/" + personInTeam("Hillview")).with(as("teamlead"))).andExpect(status().isOk());
        mvc.perform(get("/people/" + personInTeam("Riverside")).with(as("teamlead")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/teams/" + team("Riverside")).with(as("teamlead"))).andExpect(status().isNotFound());
        mvc.perform(get("/teams/" + team("Hillview")).with(as("teamlead"))).andExpect(status().isOk());
    }

    @Test
    void serviceUserReachesOnlyTheirOwnRecord() throws Exception {
        long own = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        long neighbour = jdbc.sql("select id from person where team_id = (select team_id from person where id = ?) "
                + "and id <> ? limit 1").params(own, own).query(Long.class).single();
        mvc.perform(get("/people/" + own).with(as("serviceuser"))).andExpect(status().isOk());
        mvc.perform(get("/people/" + neighbour).with(as("serviceuser"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people").with(as("serviceuser")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(own));
    }

    @Test
    void apiListsOnlyPeopleInTheCallersTeams() throws Exception {
        long riverside = jdbc.sql("select count(*) from person p join team t on t.id = p.team_id "
                + "where t.name like 'Riverside%'").query(Long.class).single();
        mvc.perform(get("/api/v1/people?scope=TEAM&size=200").with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(riverside))
                .andExpect(jsonPath("$.items[?(@.team.name =~ /Hillview.*/)]").isEmpty());
    }

    @Test
    void trainersResearchersAndStatisticiansReachNoClinicalRecord() throws Exception {
        long person = personInTeam("Riverside");
        for (String who : new String[] {"trainer", "researcher", "statistician", "admin"}) {
            mvc.perform(get("/people/" + person).with(as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/people").with(as(who))).andExpect(status().isForbidden());
        }
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long team(String prefix) {
        return jdbc.sql("select id from team where name like ?").param(prefix + "%").query(Long.class).single();
    }

    private long personInTeam(String prefix) {
        return jdbc.sql("select p.id from person p join team t on t.id = p.team_id where t.name like ? "
                + "and p.id not in (select person_id from account where person_id is not null) order by p.id limit 1")
                .param(prefix + "%").query(Long.class).single();
    }

    private long auditCount(long person, String action, String outcome) {
        return jdbc.sql("select count(*) from audit_entry where person_id = ? and action = ? and outcome = ?")
                .params(person, action, outcome).query(Long.class).single();
    }
}
