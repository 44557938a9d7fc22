package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.refocus.measures.internal.MeasureResponses;
import org.refocus.measures.internal.MeasureSchedules;
import org.refocus.testing.ActingAs;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * While someone has paused questionnaires, staff who assign one or give one in a session are first
 * shown the pause in the person's words and must tick that they have talked with the person and the
 * person agrees; only then is anything stored, and their word is audited against the person (H-13).
 * The person filling one in themselves is not asked: that is their choice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PauseAgreementTest extends DatabaseTest {

    private static final String REASON = "My housing is taking everything I have at the moment.";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeasureResponses measureResponses;

    OwnCaseload caseload;

    @BeforeEach
    void thePersonHasPausedQuestionnaires() throws Exception {
        caseload = OwnCaseload.create(jdbc, "Vera");
        mvc.perform(post(measures() + "/pause").param("reason", REASON).with(csrf()).with(as(caseload.personUser())))
                .andExpect(redirectedUrl(measures()));
    }

    @Test
    void staffAssigningAQuestionnaireFirstSayTheyTalkedWithThePersonAndTheyAgree() throws Exception {
        String firstDue = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7).toString();

        String asked = mvc.perform(assign(firstDue)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        save("pause-agreement-assign", asked);
        assertThat(asked).contains("Check that Vera agrees").contains("Vera has paused questionnaires").contains(REASON)
                .contains("You are about to assign QPR-15").contains("Repeats: Every 3 months")
                .contains("I have talked with Vera and they agree to this questionnaire being assigned")
                .contains("name=\"asked\" value=\"true\"").contains("name=\"firstDueOn\" value=\"" + firstDue + "\"")
                .doesNotContain("There is a problem");
        assertThat(schedules()).isZero();

        // Sent on from that page without the tick: asked again, with the problem said, and still nothing stored.
        mvc.perform(assign(firstDue).param("asked", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#personAgrees\"")))
                .andExpect(content().string(containsString(
                        "Tick to say that you have talked with Vera and they agree, or go back without going on")));
        assertThat(schedules()).isZero();
        assertThat(agreementsAudited()).isZero();

        mvc.perform(assign(firstDue).param("asked", "true").param("personAgrees", "true"))
                .andExpect(redirectedUrl(measures()));
        long schedule = jdbc.sql("select id from measure_schedule where person_id = ?").param(caseload.person())
                .query(Long.class).single();
        assertThat(agreementAudited()).isEqualTo(schedule + " measure_schedule qpr-15: staff talked with the person, "
                + "who agrees despite the pause " + caseload.practitioner());
        // The pause itself stays: it is the person's to end.
        assertThat(jdbc.sql("select paused from measurement_pause where person_id = ?").param(caseload.person())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void staffGivingAQuestionnaireInASessionFirstSayTheyTalkedWithThePersonAndTheyAgree() throws Exception {
        String asked = mvc.perform(give()).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        save("pause-agreement-give", asked);
        assertThat(asked).contains("Check that Vera agrees").contains(REASON)
                .contains("You are about to give QPR-15 now, in this session.")
                .contains("I have talked with Vera and they agree to answer this now").contains("Give QPR-15 now")
                .contains("name=\"instrument\" value=\"qpr-15\"");
        assertThat(responses()).isZero();

        mvc.perform(give().param("asked", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")));
        assertThat(responses()).isZero();
        assertThat(agreementsAudited()).isZero();

        String questions = mvc.perform(give().param("asked", "true").param("personAgrees", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long response = jdbc.sql("select id from measure_response where person_id = ? and mode = 'STAFF_ADMINISTERED'")
                .param(caseload.person()).query(Long.class).single();
        assertThat(questions).isEqualTo("/measures/responses/" + response + "/questions");
        assertThat(agreementAudited()).isEqualTo(response + " measure_response qpr-15: staff talked with the person, "
                + "who agrees despite the pause " + caseload.practitioner());
    }

    @Test
    void thePersonFillingOneInThemselvesWhilePausedIsNotAsked() throws Exception {
        String questions = mvc.perform(post(measures() + "/start").param("instrument", "qpr-15").with(csrf())
                .with(as(caseload.personUser()))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(questions).matches("/measures/responses/\\d+/questions");
        assertThat(jdbc.sql("select mode from measure_response where person_id = ?").param(caseload.person())
                .query(String.class).single()).isEqualTo("SELF");
        assertThat(agreementsAudited()).isZero();
    }

    @Test
    void staffGoingOnWithAQuestionnaireStartedBeforeThePauseFirstSayThePersonAgreesAndNoAnswerIsLost()
            throws Exception {
        // Started in a session before the pause: Vera starts questionnaires again, staff start QPR-15, she pauses.
        mvc.perform(post(measures() + "/resume").with(csrf()).with(as(caseload.personUser())))
                .andExpect(redirectedUrl(measures()));
        String questions = mvc.perform(give()).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        mvc.perform(post(measures() + "/pause").param("reason", REASON).with(csrf()).with(as(caseload.personUser())))
                .andExpect(redirectedUrl(measures()));
        long response = jdbc.sql("select id from measure_response where person_id = ?").param(caseload.person())
                .query(Long.class).single();

        // Opening the questions (the "Continue" link) asks first.
        String asked = mvc.perform(get(questions).param("page", "1").with(as(caseload.practitioner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        save("pause-agreement-continue", asked);
        assertThat(asked).contains("Check that Vera agrees").contains(REASON)
                .contains("You are about to go on with QPR-15, which was started on")
                .contains("before Vera paused questionnaires").contains("Go on with QPR-15")
                .contains("name=\"action\" value=\"resume\"").doesNotContain("There is a problem");

        // Answers sent from a page opened before the pause are not stored without the tick, but carried.
        MockHttpServletRequestBuilder answers = post(questions).param("page", "1").param("version", "0")
                .param("answers[qpr_01]", "4").param("action", "next").with(csrf()).with(as(caseload.practitioner()));
        String carried = mvc.perform(answers).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(carried).contains("Check that Vera agrees").contains("name=\"answers[qpr_01]\" value=\"4\"")
                .doesNotContain("name=\"_csrf\" value=\"\"");
        assertThat(answersOf(response)).isEqualTo("{NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,"
                + "NULL,NULL}");
        mvc.perform(post(questions).param("page", "1").param("version", "0").param("answers[qpr_01]", "4")
                .param("action", "next").param("asked", "true").with(csrf()).with(as(caseload.practitioner())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("There is a problem")));
        assertThat(agreementsAudited()).isZero();

        mvc.perform(post(questions).param("page", "1").param("version", "0").param("answers[qpr_01]", "4")
                .param("action", "next").param("asked", "true").param("personAgrees", "true").with(csrf())
                .with(as(caseload.practitioner()))).andExpect(redirectedUrl(questions + "?page=2"));
        assertThat(answersOf(response)).startsWith("{4,");
        assertThat(agreementAudited()).isEqualTo(response + " measure_response qpr-15: staff talked with the person, "
                + "who agrees despite the pause " + caseload.practitioner());

        // Asked once per pause: going on now opens the questions.
        mvc.perform(get(questions).param("page", "2").with(as(caseload.practitioner()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Check that Vera agrees"))));
    }

    @Test
    void theServiceRefusesAnswersFromStaffWhoHaveNotSaidThePersonAgrees() throws Exception {
        mvc.perform(post(measures() + "/resume").with(csrf()).with(as(caseload.personUser())));
        String questions = mvc.perform(give()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(measures() + "/pause").with(csrf()).with(as(caseload.personUser())));
        long response = jdbc.sql("select id from measure_response where person_id = ?").param(caseload.person())
                .query(Long.class).single();

        assertThatThrownBy(() -> ActingAs.call(users, caseload.practitioner(),
                () -> measureResponses.saveAnswers(response, Map.of("qpr_01", 4), 0)))
                .isInstanceOf(MeasureSchedules.PausedException.class);
        assertThatThrownBy(() -> ActingAs.call(users, caseload.practitioner(),
                () -> measureResponses.complete(response, 0)))
                .isInstanceOf(MeasureSchedules.PausedException.class);
        assertThat(answersOf(response)).doesNotContain("4");
        assertThat(questions).endsWith("/questions");
    }

    private String answersOf(long response) {
        return jdbc.sql("select answers::text from measure_response where id = ?").param(response)
                .query(String.class).single();
    }

    private MockHttpServletRequestBuilder assign(String firstDue) {
        return post(measures() + "/assign").param("instrument", "qpr-15").param("completion", "SELF")
                .param("firstDueOn", firstDue).param("repeat", "3").with(csrf()).with(as(caseload.practitioner()));
    }

    private MockHttpServletRequestBuilder give() {
        return post(measures() + "/start").param("instrument", "qpr-15").with(csrf()).with(as(caseload.practitioner()));
    }

    private String measures() {
        return "/people/" + caseload.person() + "/measures";
    }

    private long schedules() {
        return jdbc.sql("select count(*) from measure_schedule where person_id = ?").param(caseload.person())
                .query(Long.class).single();
    }

    private long responses() {
        return jdbc.sql("select count(*) from measure_response where person_id = ?").param(caseload.person())
                .query(Long.class).single();
    }

    private long agreementsAudited() {
        return jdbc.sql("select count(*) from audit_entry where person_id = ? and record_type = 'measurement_pause_agreement'")
                .param(caseload.person()).query(Long.class).single();
    }

    /** The one audited agreement: record id, detail and who. */
    private String agreementAudited() {
        return jdbc.sql("""
                select record_id || ' ' || detail || ' ' || actor_username from audit_entry
                where person_id = ? and record_type = 'measurement_pause_agreement' and action = 'CREATED'
                and outcome = 'ALLOWED'""").param(caseload.person()).query(String.class).single();
    }

    private static void save(String name, String html) throws Exception {
        Path out = Path.of("target", "rendered-pages", "measures", name + ".html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
