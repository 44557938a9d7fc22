package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * "The person can pause measurement and their practitioner is told": the practitioner's home page says
 * who on their own caseload has paused questionnaires, in the person's words, and how many are overdue,
 * each with a link to act on it; with nothing to say, it says so.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeNoticesTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePractitionerIsToldOnTheirHomePageWhoPausedAndWhatIsOverdue() throws Exception {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Noor");
        assertThat(home(caseload.practitioner())).contains("Needs your attention")
                .contains("Nothing needs your attention today.");

        jdbc.sql("""
                insert into measure_schedule (person_id, instrument_code, completion, first_due_on, next_due_on, status)
                values (?, 'qpr-15', 'SELF', date '2026-01-05', date '2026-01-05', 'ACTIVE')""")
                .param(caseload.person()).update();
        mvc.perform(post("/people/" + caseload.person() + "/measures/pause").param("reason", "Too much on this month")
                .with(csrf()).with(user(users.loadUserByUsername(caseload.personUser()))));

        String today = LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        String page = home(caseload.practitioner());
        assertThat(page).doesNotContain("Nothing needs your attention today.")
                .contains("Noor Test paused questionnaires on " + today + ". In their words: \"Too much on this month\"")
                .contains("<a href=\"/people/" + caseload.person() + "/measures\">Questionnaires of Noor Test</a>")
                .contains("1 questionnaire is overdue for someone on your caseload.")
                .contains("<a href=\"/measures/due\">Questionnaires due</a>");
        // Another practitioner is told nothing of Noor.
        assertThat(home("coordinator")).doesNotContain("Noor Test");
    }

    @Test
    void twoPeopleOfOneNameAreToldApartOnTheDueListByTheirDateOfBirth() throws Exception {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Alex");
        long namesake = jdbc.sql("""
                insert into person (given_name, family_name, date_of_birth, team_id, care_coordinator_id)
                select given_name, family_name, date '1991-07-03', team_id, care_coordinator_id from person where id = ?
                returning id""").param(caseload.person()).query(Long.class).single();
        for (long person : new long[] {caseload.person(), namesake}) {
            jdbc.sql("""
                    insert into measure_schedule (person_id, instrument_code, completion, first_due_on, next_due_on, status)
                    values (?, 'qpr-15', 'SELF', date '2026-01-05', date '2026-01-05', 'ACTIVE')""").param(person).update();
        }
        mvc.perform(post("/people/" + namesake + "/measures/pause").param("reason", "")
                .with(csrf()).with(user(users.loadUserByUsername(caseload.practitioner()))));
        String due = HtmlUtils.htmlUnescape(mvc.perform(get("/measures/due")
                .with(user(users.loadUserByUsername(caseload.practitioner())))).andReturn().getResponse()
                .getContentAsString());
        assertThat(due).contains("<a href=\"/people/" + caseload.person() + "/measures\">Alex Test</a><span "
                        + "class=\"nhsuk-body-s nhsuk-u-display-block nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0\">"
                        + "Born 29 Feb 1984</span>")
                .contains("<a href=\"/people/" + namesake + "/measures\">Alex Test</a><span "
                        + "class=\"nhsuk-body-s nhsuk-u-display-block nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0\">"
                        + "Born 3 Jul 1991</span>")
                .contains("<a href=\"/people/" + namesake + "/measures\">Alex Test</a> <span class=\"nhsuk-u-secondary-text-colour\">"
                        + "(Born 3 Jul 1991)</span>");
    }

    private String home(String username) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get("/").with(user(users.loadUserByUsername(username)))).andReturn()
                .getResponse().getContentAsString());
    }
}
