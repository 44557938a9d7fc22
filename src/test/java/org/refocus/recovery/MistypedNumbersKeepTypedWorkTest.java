package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A word typed where a number goes (a goal's weight "two", a contact "half an hour" long) is a mistake to
 * explain beside the field, with everything else the coordinator typed still there, not a server error that
 * throws the whole review, contact note or session record away.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MistypedNumbersKeepTypedWorkTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    OwnCaseload own;

    @BeforeEach
    void ownCaseload() {
        own = OwnCaseload.create(jdbc, "Nadia");
    }

    @Test
    void aGoalWithAWordForItsWeightIsExplainedAndItsWordsKept() throws Exception {
        String page = mvc.perform(post("/people/" + own.person() + "/goals").with(as(own.practitioner())).with(csrf())
                        .param("words", "Swim a length without stopping").param("weight", "two"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem", "Weight must be a number from 0.1 to 100",
                "Swim a length without stopping", "value=\"two\"");
        assertThat(count("recovery_goal")).isZero();
    }

    @Test
    void aReviewWithAWordForAWeightKeepsEveryRatingAndComment() throws Exception {
        mvc.perform(post("/people/" + own.person() + "/goals").with(as(own.practitioner())).with(csrf())
                        .param("words", "Cook for my brother"))
                .andExpect(status().is3xxRedirection());
        long goal = jdbc.sql("select id from recovery_goal where person_id = ?").param(own.person())
                .query(Long.class).single();
        String page = mvc.perform(post("/people/" + own.person() + "/reviews").with(as(own.practitioner())).with(csrf())
                        .param("reviewedOn", LocalDate.now().minusDays(1).toString())
                        .param("ratings[0].goalId", String.valueOf(goal)).param("ratings[0].attainment", "1")
                        .param("ratings[0].weight", "two")
                        .param("ratings[0].comment", "Made a curry on Sunday, all by myself")
                        .param("notes", "Reviewed together at home"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem", "Weight must be a number from 0.1 to 100",
                "Made a curry on Sunday, all by myself", "Reviewed together at home", "Cook for my brother");
        assertThat(page).as("the rating chosen is still chosen")
                .containsPattern("value=\"1\"[^>]*checked|checked[^>]*value=\"1\"");
        assertThat(jdbc.sql("select count(*) from recovery_revision where person_id = ? and record_type = 'recovery_review'")
                .param(own.person()).query(Long.class).single()).isZero();
    }

    @Test
    void aContactWithWordsForItsLengthKeepsItsNotes() throws Exception {
        String page = mvc.perform(post("/people/" + own.person() + "/contacts").with(as(own.practitioner())).with(csrf())
                        .param("contactOn", LocalDate.now().toString()).param("kind", "FACE_TO_FACE")
                        .param("durationMinutes", "half an hour").param("withThePerson", "true")
                        .param("notes", "Talked about going back to the allotment"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem", "Enter the length in whole minutes, from 1 to 720",
                "Talked about going back to the allotment");
        assertThat(jdbc.sql("select count(*) from recovery_contact where person_id = ?").param(own.person())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSessionDeliveryWithAFractionOfAPersonKeepsWhatWasTypedAndSavesNothing() throws Exception {
        // A refused form changes nothing, so a demo session of the team leader's own team is safe to use.
        var session = jdbc.sql("""
                select s.id, s.version from programme_session s join team t on t.id = s.team_id
                where t.name like 'Hillview%' order by s.id limit 1""").query().singleRow();
        long id = ((Number) session.get("id")).longValue();
        String page = mvc.perform(post("/programme/sessions/" + id + "/delivery").with(as("teamlead")).with(csrf())
                        .param("deliveredOn", LocalDate.now().minusDays(1).toString())
                        .param("serviceUserAttendees", "1.5")
                        .param("materials", "Recovery stories handout and the CHIME cards")
                        .param("version", String.valueOf(session.get("version"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem", "Enter a whole number",
                "Recovery stories handout and the CHIME cards");
        assertThat(jdbc.sql("select version from programme_session where id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(((Number) session.get("version")).intValue());
    }

    @Test
    void aLifeDomainWithAWordForItsPlaceKeepsItsPromptAndChangesNothing() throws Exception {
        // A refused form changes nothing, so a demo life domain is safe to use.
        var domain = jdbc.sql("select id, name, version from recovery_life_domain order by id limit 1").query().singleRow();
        long id = ((Number) domain.get("id")).longValue();
        String page = mvc.perform(post("/admin/life-domains/" + id).with(as("admin")).with(csrf())
                        .param("name", "Renamed by mistake").param("prompt", "What a good week looks like at home")
                        .param("position", "first").param("active", "true")
                        .param("version", String.valueOf(domain.get("version"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem", "Enter a whole number",
                "What a good week looks like at home", "Renamed by mistake");
        assertThat(jdbc.sql("select name from recovery_life_domain where id = ?").param(id).query(String.class).single())
                .isEqualTo(domain.get("name"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where person_id = ?").param(own.person())
                .query(Long.class).single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
