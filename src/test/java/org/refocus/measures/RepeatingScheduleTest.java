package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
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

/** A repeating questionnaire filled in before its due day moves on to the next due day, and is not due twice. */
@SpringBootTest
@AutoConfigureMockMvc
class RepeatingScheduleTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    OwnCaseload caseload;
    LocalDate today;

    @BeforeEach
    void aPractitionerAndTheirPerson() {
        caseload = OwnCaseload.create(jdbc, "Nia");
        today = LocalDate.now(ZoneId.of("Europe/London"));
    }

    @Test
    void aQuestionnaireFilledInAFewDaysEarlyIsNextDueOneIntervalOnNotStillDue() throws Exception {
        LocalDate firstDue = today.plusDays(5);
        mvc.perform(post(measures() + "/assign").param("instrument", "wemwbs").param("completion", "SELF")
                .param("firstDueOn", firstDue.toString()).param("repeat", "3").with(csrf())
                .with(as(caseload.practitioner()))).andExpect(redirectedUrl(measures()));

        String questions = mvc.perform(post(measures() + "/start").param("instrument", "wemwbs").with(csrf())
                .with(as(caseload.personUser()))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        mvc.perform(post(questions).param("page", "1").param("version", "0").param("action", "submit").with(csrf())
                .with(as(caseload.personUser()))).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select next_due_on from measure_schedule where person_id = ?").param(caseload.person())
                .query(LocalDate.class).single()).isEqualTo(firstDue.plusMonths(3));
        String page = mvc.perform(get(measures()).with(as(caseload.personUser()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Due " + day(firstDue)).contains(day(firstDue.plusMonths(3)));
    }

    @Test
    void theSameQuestionnaireIsNotAssignedTwiceByADoubleClickOrAgainByMistake() throws Exception {
        LocalDate firstDue = today.plusDays(7);
        for (int click = 0; click < 2; click++) {
            mvc.perform(post(measures() + "/assign").param("instrument", "inspire-brief").param("completion", "SELF")
                    .param("firstDueOn", firstDue.toString()).param("repeat", "ONCE").with(csrf())
                    .with(as(caseload.practitioner())));
        }
        String again = mvc.perform(post(measures() + "/assign").param("instrument", "inspire-brief")
                .param("completion", "WITH_STAFF").param("firstDueOn", today.toString()).param("repeat", "3")
                .with(csrf()).with(as(caseload.practitioner()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(jdbc.sql("select count(*) from measure_schedule where person_id = ? and status = 'ACTIVE'")
                .param(caseload.person()).query(Long.class).single()).isEqualTo(1);
        assertThat(again).contains("There is a problem").contains("<title>Error: ")
                .contains("Brief INSPIRE is already assigned to Nia, next due on " + day(firstDue)
                        + ". To change when it is due or how often, stop it in the list of what is due on Nia&#39;s "
                        + "questionnaires page, then assign it again.");
    }

    @Test
    void duplicatesAssignedByAnEarlierReleaseAreStoppedByTheUpgradeKeepingTheOneDueSoonestWithAnAuditEntry()
            throws Exception {
        long practitioner = jdbc.sql("select id from account where username = ?").param(caseload.practitioner())
                .query(Long.class).single();
        long[] ids = new long[3];
        LocalDate[] due = {today.plusDays(9), today.plusDays(2), today.plusDays(30)};
        for (int i = 0; i < 3; i++) {
            ids[i] = jdbc.sql("""
                    insert into measure_schedule (person_id, instrument_code, completion, first_due_on, every_months,
                        next_due_on, status, created_by, updated_by)
                    values (?, 'swemwbs', 'WITH_STAFF', ?, 3, ?, 'ACTIVE', ?, ?) returning id""")
                    .params(caseload.person(), due[i], due[i], practitioner, practitioner).query(Long.class).single();
        }

        jdbc.sql(java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/resources/db/migration/V28__measure_schedule_duplicates.sql"))).update();

        assertThat(jdbc.sql("select id || ' ' || status from measure_schedule where person_id = ? order by id")
                .param(caseload.person()).query(String.class).list())
                .containsExactly(ids[0] + " STOPPED", ids[1] + " ACTIVE", ids[2] + " STOPPED");
        assertThat(jdbc.sql("""
                select detail from audit_entry where record_type = 'measure_schedule' and person_id = ?
                and actor_username = 'system' order by record_id""").param(caseload.person()).query(String.class).list())
                .containsExactly("stopped: the same questionnaire was already assigned as schedule " + ids[1]
                        + " (migration V28)", "stopped: the same questionnaire was already assigned as schedule "
                        + ids[1] + " (migration V28)");
    }

    private static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }

    private String measures() {
        return "/people/" + caseload.person() + "/measures";
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
