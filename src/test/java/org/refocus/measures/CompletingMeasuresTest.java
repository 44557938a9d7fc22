package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Giving and completing measures through the pages: staff assign and give them, the person completes
 * their own part-way and comes back, and each stored response keeps raw answers, scores, version, who,
 * mode and when. Rendered pages are written to {@code target/rendered-pages/measures/}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CompletingMeasuresTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MeasuresFixtures fixtures;

    @BeforeEach
    void look() {
        fixtures = new MeasuresFixtures(jdbc);
    }

    @Test
    void practitionerAssignsARecurringQprThePersonCompletesItInTwoSittingsAndTheScheduleMovesOn() throws Exception {
        long sam = fixtures.sam();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        page("/people/" + sam + "/measures/assign", "coordinator", "assign");
        mvc.perform(post("/people/" + sam + "/measures/assign").param("instrument", "qpr-22").param("completion", "SELF")
                        .param("firstDueOn", today.toString()).param("repeat", "3").with(csrf()).with(as("coordinator")))
                .andExpect(redirectedUrl("/people/" + sam + "/measures"));
        long schedule = jdbc.sql("select id from measure_schedule where person_id = ? and instrument_code = 'qpr-22'")
                .param(sam).query(Long.class).single();

        // Missing fields are reported, not stored.
        mvc.perform(post("/people/" + sam + "/measures/assign").param("instrument", "").param("completion", "SELF")
                        .param("repeat", "3").with(csrf()).with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a questionnaire")))
                .andExpect(content().string(containsString("Enter the date it is first due")));

        String page = page("/people/" + sam + "/measures", "serviceuser", "person-own");
        assertThat(page).contains("QPR-22").contains("Questionnaires to fill in");
        MvcResult started = mvc.perform(post("/people/" + sam + "/measures/start").param("instrument", "qpr-22")
                .param("scheduleId", Long.toString(schedule)).with(csrf()).with(as("serviceuser"))).andReturn();
        String questions = started.getResponse().getRedirectedUrl();
        long response = Long.parseLong(questions.replaceAll("\\D+(\\d+)\\D*", "$1"));
        assertThat(page(questions, "serviceuser", "questions")).contains("I feel better about myself")
                .contains("Skip this question").contains("Page 1 of 3").contains("Copyright:");

        // First sitting: page 1, then "save and come back later".
        MockHttpServletRequestBuilder first = post(questions).param("version", "0").param("page", "1")
                .param("action", "later");
        for (int i = 1; i <= 8; i++) {
            first.param(String.format("answers[qpr_%02d]", i), "3");
        }
        mvc.perform(first.with(csrf()).with(as("serviceuser"))).andExpect(redirectedUrl("/people/" + sam + "/measures"));
        assertThat(answers(response)).hasSize(8);
        assertThat(page("/people/" + sam + "/measures", "serviceuser", "person-in-progress")).contains("Continue QPR-22");
        // Coming back, the page carries what it shows, so that a save from it merges with one from another tab.
        assertThat(page(questions, "serviceuser", "questions-again")).contains("name=\"version\" value=\"1\"")
                .contains("name=\"shown[qpr_01]\" value=\"3\"").contains("name=\"shown[qpr_08]\" value=\"3\"");

        // Second sitting: pages 2 and 3, skipping one question.
        MockHttpServletRequestBuilder second = post(questions).param("version", "1").param("page", "2").param("action", "next");
        for (int i = 9; i <= 16; i++) {
            second.param(String.format("answers[qpr_%02d]", i), i == 12 ? "" : "4");
        }
        mvc.perform(second.with(csrf()).with(as("serviceuser"))).andExpect(redirectedUrl(questions + "?page=3"));
        MockHttpServletRequestBuilder third = post(questions).param("version", "2").param("page", "3").param("action", "submit");
        for (int i = 17; i <= 22; i++) {
            third.param(String.format("answers[qpr_%02d]", i), "2");
        }
        mvc.perform(third.with(csrf()).with(as("serviceuser"))).andExpect(redirectedUrl("/measures/responses/" + response));

        Map<String, Object> row = jdbc.sql("""
                select r.mode, r.status, r.complete, r.entered_by, v.code, v.version, r.scoring_version_id = v.id as same,
                       r.completed_at is not null as done, r.score_absences[2] as absence,
                       r.score_values[3]::text as interpersonal, r.team_id
                from measure_response r join instrument_version v on v.id = r.instrument_version_id where r.id = ?""")
                .param(response).query().singleRow();
        assertThat(row).containsEntry("mode", "SELF").containsEntry("status", "COMPLETED").containsEntry("complete", false)
                .containsEntry("entered_by", fixtures.account("serviceuser")).containsEntry("code", "qpr-22")
                .containsEntry("version", "1").containsEntry("same", true).containsEntry("done", true)
                .containsEntry("absence", "ITEMS_MISSING").containsEntry("interpersonal", "16");
        assertThat(answers(response)).hasSize(21).doesNotContainKey("qpr_12");

        String result = page("/measures/responses/" + response, "serviceuser", "response-own");
        assertThat(result).contains("No score this time. 1 of the 17 questions").contains("What it does not mean")
                .contains("Skipped").contains("Filled in by you").contains("Copyright:");
        assertThat(jdbc.sql("select next_due_on from measure_schedule where id = ?").param(schedule)
                .query(LocalDate.class).single()).isEqualTo(today.plusMonths(3));

        // A completed response is never edited.
        mvc.perform(post(questions).param("version", "3").param("page", "1").param("answers[qpr_01]", "0")
                .with(csrf()).with(as("serviceuser"))).andExpect(redirectedUrl("/measures/responses/" + response));
        assertThat(answers(response)).containsEntry("qpr_01", 3);
    }

    @Test
    void staffGiveAMeasureInASessionAndThePersonCannotAnswerItFromTheirAccount() throws Exception {
        long person = fixtures.personInTeam("Riverside");
        MvcResult started = mvc.perform(post("/people/" + person + "/measures/start").param("instrument", "inspire-brief")
                .with(csrf()).with(as("dev.practitioner"))).andReturn();
        String questions = started.getResponse().getRedirectedUrl();
        assertThat(page(questions, "dev.practitioner", "questions-staff")).contains("Answers for").contains("Demo wording");
        MockHttpServletRequestBuilder all = post(questions).param("version", "0").param("page", "1").param("action", "submit");
        for (int i = 1; i <= 5; i++) {
            all.param("answers[brief_0" + i + "]", "3");
        }
        mvc.perform(all.with(csrf()).with(as("dev.practitioner"))).andExpect(status().is3xxRedirection());
        long response = fixtures.latestResponse(person, "inspire-brief");
        assertThat(jdbc.sql("select mode || ' ' || status || ' ' || (score_values[1]::text) from measure_response "
                + "where id = ?").param(response).query(String.class).single()).isEqualTo("STAFF_ADMINISTERED COMPLETED 75.0");
        assertThat(jdbc.sql("select entered_by from measure_response where id = ?").param(response).query(Long.class)
                .single()).isEqualTo(fixtures.account("dev.practitioner"));
        String view = page("/measures/responses/" + response, "coordinator", "response-staff");
        assertThat(view).contains("Given by staff in a session").contains("Dev Practitioner");
    }

    @Test
    void anInvalidAnswerIsShownAgainWithAnErrorAndNothingIsSaved() throws Exception {
        long person = fixtures.personInTeam("Riverside");
        String questions = mvc.perform(post("/people/" + person + "/measures/start").param("instrument", "qpr-15")
                .with(csrf()).with(as("coordinator"))).andReturn().getResponse().getRedirectedUrl();
        long response = fixtures.latestResponse(person, "qpr-15");
        int version = jdbc.sql("select version from measure_response where id = ?").param(response).query(Integer.class).single();
        mvc.perform(post(questions).param("version", Integer.toString(version)).param("page", "1")
                        .param("answers[qpr_02]", "9").with(csrf()).with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#answers-qpr_02\"")));
        assertThat(answers(response)).isEmpty();
    }

    @Test
    void aTooLongReasonForPausingIsNamedAtTheTopOfThePageAndNothingIsPaused() throws Exception {
        long sam = fixtures.sam();
        String page = mvc.perform(post("/people/" + sam + "/measures/pause").param("reason", "x".repeat(501))
                .with(csrf()).with(as("serviceuser"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<title>Error: ").contains("There is a problem").contains("href=\"#reason\"")
                .contains("Why you are pausing must be 500 characters or fewer").contains("x".repeat(501));
        assertThat(page.indexOf("There is a problem")).isLessThan(page.indexOf("<h1"));
        assertThat(jdbc.sql("select count(*) from measurement_pause where person_id = ? and reason like 'xxx%'")
                .param(sam).query(Long.class).single()).isZero();
    }

    @Test
    void thePersonPausesMeasurementAndTheirPractitionerSeesItOnTheDueList() throws Exception {
        long sam = fixtures.sam();
        jdbc.sql("""
                insert into measure_schedule (person_id, instrument_code, completion, first_due_on, next_due_on, status)
                values (?, 'qpr-15', 'SELF', current_date - 30, current_date - 30, 'ACTIVE')""").param(sam).update();
        assertThat(page("/people/" + sam + "/measures", "serviceuser", "person-own-overdue")).contains(">Overdue<");
        mvc.perform(post("/people/" + sam + "/measures/pause").param("reason", "Too much going on this month.")
                .with(csrf()).with(as("serviceuser"))).andExpect(redirectedUrl("/people/" + sam + "/measures"));
        // While paused, nothing presses the person: no overdue tags, and a line saying nothing needs doing.
        String own = page("/people/" + sam + "/measures", "serviceuser", "person-own-paused-due");
        assertThat(own).doesNotContain(">Overdue<").contains(">Paused<").contains("nothing here needs doing");
        // Staff about to assign another one are told first, in the person's words.
        assertThat(page("/people/" + sam + "/measures/assign", "coordinator", "assign-paused"))
                .contains("has paused questionnaires").contains("Too much going on this month.");
        // Someone giving one in a session is asked first to say that they talked with Sam and Sam agrees
        // (PauseAgreementTest), and is shown the pause again on its questions.
        mvc.perform(post("/people/" + sam + "/measures/start").param("instrument", "qpr-15").with(csrf())
                        .with(as("coordinator"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Check that Sam agrees")));
        String questions = mvc.perform(post("/people/" + sam + "/measures/start").param("instrument", "qpr-15")
                .param("asked", "true").param("personAgrees", "true").with(csrf()).with(as("coordinator")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(questions, "coordinator", "questions-paused")).contains("has paused questionnaires")
                .contains("Too much going on this month.");
        String due = page("/measures/due?scope=MINE", "coordinator", "due");
        assertThat(due).contains("People who have paused questionnaires").contains("Sam Example")
                .contains("Too much going on this month.");
        assertThat(page("/people/" + sam + "/measures", "coordinator", "person-paused")).contains("has paused questionnaires");
        // The person sees what they told their care team when they paused, as staff do.
        assertThat(page("/people/" + sam + "/measures", "serviceuser", "person-own-paused"))
                .contains("Start questionnaires again").contains("What you told your care team")
                .contains("Too much going on this month.");
        mvc.perform(post("/people/" + sam + "/measures/resume").with(csrf()).with(as("serviceuser")))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/measures/due?scope=MINE", "coordinator", "due-resumed")).doesNotContain("Too much going on");
        assertThat(fixtures.auditCount(sam, "CHANGED", "measurement_pause", "ALLOWED")).isEqualTo(2);
    }

    @Test
    void staffReadingResultsAreToldWhatOfAnInstrumentCouldNotBeConfirmed() throws Exception {
        long sam = fixtures.sam();
        String staff = page("/people/" + sam + "/measures", "coordinator", "person-unconfirmed");
        assertThat(staff).contains("What could not be confirmed about INSPIRE")
                .contains("The 0-100 formula is NOT confirmed");
        String own = page("/people/" + sam + "/measures", "serviceuser", "person-own-unconfirmed");
        assertThat(own).contains("INSPIRE").doesNotContain("What could not be confirmed");
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void theDueListShowsOverdueMeasuresForTheTeamAndStaffCanStopASchedule() throws Exception {
        String due = page("/measures/due?scope=TEAM", "rita.lead", "due-team");
        assertThat(due).contains("Overdue").contains("Results for Riverside");
        long schedule = jdbc.sql("select s.id from measure_schedule s join person p on p.id = s.person_id "
                + "join team t on t.id = p.team_id where t.name like 'Riverside%' and s.status = 'ACTIVE' order by s.id "
                + "limit 1").query(Long.class).single();
        String version = jdbc.sql("select version from measure_schedule where id = ?").param(schedule)
                .query(String.class).single();
        // From a page opened before someone else changed the schedule: not stopped, and told why in plain words.
        String stale = Integer.toString(Integer.parseInt(version) + 7);
        mvc.perform(post("/measures/schedules/" + schedule + "/stop").param("version", stale).with(csrf())
                        .with(as("rita.lead"))).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "measures.schedule.stop.conflict"));
        assertThat(jdbc.sql("select status from measure_schedule where id = ?").param(schedule).query(String.class)
                .single()).isEqualTo("ACTIVE");
        assertThat(messages.getMessage("measures.schedule.stop.conflict", null, java.util.Locale.UK))
                .contains("so it was not stopped").doesNotContainIgnoringCase("reload");
        mvc.perform(post("/measures/schedules/" + schedule + "/stop").param("version", version).with(csrf())
                .with(as("rita.lead"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from measure_schedule where id = ?").param(schedule).query(String.class)
                .single()).isEqualTo("STOPPED");
    }

    @Test
    void stoppingAScheduleIsAskedFirstSayingWhatHappensAndNothingStopsUntilConfirmed() throws Exception {
        org.refocus.testing.OwnCaseload caseload = org.refocus.testing.OwnCaseload.create(jdbc, "Ines");
        String measures = "/people/" + caseload.person() + "/measures";
        mvc.perform(post(measures + "/assign").param("instrument", "qpr-15").param("completion", "SELF")
                .param("firstDueOn", LocalDate.now(java.time.ZoneId.of("Europe/London")).toString()).param("repeat", "3")
                .with(csrf()).with(as(caseload.practitioner()))).andExpect(redirectedUrl(measures));
        long schedule = jdbc.sql("select id from measure_schedule where person_id = ?").param(caseload.person())
                .query(Long.class).single();

        // The list links to a question, not to a button that stops the schedule at one tap.
        String list = page(measures, caseload.practitioner(), "person-stop-link");
        assertThat(list).contains("href=\"/measures/schedules/" + schedule + "/stop\"")
                .doesNotContain("action=\"/measures/schedules/" + schedule + "/stop\"");
        long audited = jdbc.sql("select count(*) from audit_entry where person_id = ?").param(caseload.person())
                .query(Long.class).single();
        String asked = page("/measures/schedules/" + schedule + "/stop", caseload.practitioner(), "schedule-stop");
        assertThat(asked).contains("Stop QPR-15 for Ines?").contains("Every 3 months")
                .contains("will no longer be due for Ines").contains("Answers already given are kept")
                .contains("No, keep it").contains("<title>Stop QPR-15? – REFOCUS</title>");
        assertThat(jdbc.sql("select count(*) from audit_entry where person_id = ?").param(caseload.person())
                .query(Long.class).single()).isGreaterThan(audited);
        assertThat(jdbc.sql("select status from measure_schedule where id = ?").param(schedule).query(String.class)
                .single()).isEqualTo("ACTIVE");

        mvc.perform(post("/measures/schedules/" + schedule + "/stop").param("version", "0").with(csrf())
                .with(as(caseload.practitioner()))).andExpect(redirectedUrl(measures));
        assertThat(jdbc.sql("select status from measure_schedule where id = ?").param(schedule).query(String.class)
                .single()).isEqualTo("STOPPED");
        // Asked again once stopped (a second tab, the back button): nothing to confirm.
        mvc.perform(get("/measures/schedules/" + schedule + "/stop").with(as(caseload.practitioner())))
                .andExpect(redirectedUrl(measures));
    }

    @Test
    void thePersonReadsWhatTheirOwnScoresMeanAddressedToThemNotAsTheyAreDescribedToStaff() throws Exception {
        long sam = fixtures.sam();
        long inspire = fixtures.latestResult(sam, "inspire");
        for (String path : new String[] {"/people/" + sam + "/measures", "/measures/responses/" + inspire}) {
            String own = org.springframework.web.util.HtmlUtils.htmlUnescape(page(path, "serviceuser", "own-meanings"));
            assertThat(own).contains("How well you feel your worker supports your recovery, counting only the things "
                    + "you said matter to you").contains("How you rate your relationship with your worker")
                    .doesNotContain("the person said").doesNotContain("How the person rates");
            String staff = org.springframework.web.util.HtmlUtils.htmlUnescape(page(path, "coordinator", "staff-meanings"));
            assertThat(staff).contains("counting only the things the person said matter to them")
                    .doesNotContain("How you rate your relationship");
        }
    }

    @Test
    void aQuestionnaireBegunOnAnEarlierDaySaysSoAboveItsAnswersSoThatOldAnswersAreCheckedNotSentUnseen() throws Exception {
        org.refocus.testing.OwnCaseload caseload = org.refocus.testing.OwnCaseload.create(jdbc, "Remi");
        String measures = "/people/" + caseload.person() + "/measures";
        for (String[] who : new String[][] {{caseload.personUser(), "You started this questionnaire on "},
            {caseload.practitioner(), "check each answer with the person"}}) {
            String questions = mvc.perform(post(measures + "/start").param("instrument", "qpr-15").with(csrf())
                    .with(as(who[0]))).andReturn().getResponse().getRedirectedUrl();
            long id = Long.parseLong(questions.replaceAll("\\D+(\\d+)\\D*", "$1"));
            mvc.perform(post(questions).param("page", "1").param("version", "0").param("answers[qpr_01]", "4")
                    .param("action", "next").with(csrf()).with(as(who[0]))).andExpect(status().is3xxRedirection());
            assertThat(page(questions, who[0], "started-today")).doesNotContain("started-earlier");

            jdbc.sql("update measure_response set started_at = started_at - interval '20 days' where id = ?").param(id)
                    .update();
            String later = org.springframework.web.util.HtmlUtils.htmlUnescape(page(questions, who[0], "started-earlier"));
            assertThat(later).contains("id=\"started-earlier\"").contains(who[1])
                    .contains(day(LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(20)));
        }
    }

    /** The day as the pages write it. */
    private static String day(LocalDate date) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(date);
    }

    @Test
    void inspireSaysThatRatingsOfThingsThatDoNotMatterAreMeantToBeSkippedNotThatAnySkipLosesTheScore() throws Exception {
        org.refocus.testing.OwnCaseload caseload = org.refocus.testing.OwnCaseload.create(jdbc, "Odile");
        String measures = "/people/" + caseload.person() + "/measures";
        String inspire = mvc.perform(post(measures + "/start").param("instrument", "inspire").with(csrf())
                .with(as(caseload.practitioner()))).andReturn().getResponse().getRedirectedUrl();
        String page = org.springframework.web.util.HtmlUtils.htmlUnescape(page(inspire, caseload.practitioner(), "inspire-policy"));
        assertThat(page).contains("You do not need to rate things that do not matter to you: skipping those changes nothing")
                .doesNotContain("because its scoring rule needs every answer");
        String qpr = mvc.perform(post(measures + "/start").param("instrument", "qpr-15").with(csrf())
                .with(as(caseload.practitioner()))).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(qpr, caseload.practitioner(), "qpr-policy")).contains("because its scoring rule needs every answer");
    }

    @Test
    void whenTheLatestResponseHasNoScoreTheChangeSaysWhichScoreItIsAbout() throws Exception {
        org.refocus.testing.OwnCaseload caseload = org.refocus.testing.OwnCaseload.create(jdbc, "Luca");
        completeQpr15(caseload, 0, false);
        completeQpr15(caseload, 2, false);
        // The latest: one question skipped, so no total.
        completeQpr15(caseload, 4, true);

        String page = page("/people/" + caseload.person() + "/measures", caseload.practitioner(), "change-latest-absent");
        assertThat(page).contains("No score this time");
        // Not "Up 30 since the first time" beside a latest result that has no score: the change is from the
        // first score to the last score there was, both named.
        assertThat(page).doesNotContain("Up 30 since the first time")
                .contains("The last score, 30 on ").contains("was up 30 on the first (0 on ");
    }

    /** The person fills in a QPR-15 on their own account, every answer {@code code}, perhaps skipping the last question. */
    private void completeQpr15(org.refocus.testing.OwnCaseload caseload, int code, boolean skipLast) throws Exception {
        String questions = mvc.perform(post("/people/" + caseload.person() + "/measures/start").param("instrument", "qpr-15")
                .with(csrf()).with(as(caseload.personUser()))).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(questions.replaceAll("\\D+(\\d+)\\D*", "$1"));
        for (int page = 1; page <= 2; page++) {
            MockHttpServletRequestBuilder save = post(questions).param("page", Integer.toString(page))
                    .param("version", jdbc.sql("select version::text from measure_response where id = ?").param(id)
                            .query(String.class).single())
                    .param("action", page == 2 ? "submit" : "next").with(csrf()).with(as(caseload.personUser()));
            for (int item = page == 1 ? 1 : 9; item <= (page == 1 ? 8 : 15); item++) {
                save.param("answers[qpr_%02d]".formatted(item), item == 15 && skipLast ? "" : Integer.toString(code));
            }
            mvc.perform(save).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select status from measure_response where id = ?").param(id).query(String.class).single())
                .isEqualTo("COMPLETED");
    }

    @Test
    void thePersonsPageShowsEachMeasureOverTimeAsSvgWithATableAndTheInspireGaps() throws Exception {
        long sam = fixtures.sam();
        String page = page("/people/" + sam + "/measures", "coordinator", "person-staff");
        assertThat(page).contains("<svg").contains("role=\"img\"").contains("<polyline").contains("<table")
                .contains("since the first time").contains("What it does not mean")
                .contains("Things that matter to Sam where support could be better")
                .contains("[Demo wording] INSPIRE support item 6").contains("Support rated 1 out of 4")
                .doesNotContain("style=").doesNotContain("<script>");
        page("/measures/teams/" + fixtures.team("Riverside"), "coordinator", "team");
    }

    @Test
    void theImportPageShowsProgressThenTheResult() throws Exception {
        page("/measures/imports/new", "coordinator", "import-new");
        long sam = fixtures.sam();
        String born = jdbc.sql("select date_of_birth::text from person where id = ?").param(sam).query(String.class).single();
        String csv = "person_id,date_of_birth,completed_on," + String.join(",", java.util.stream.IntStream.rangeClosed(1, 15)
                .mapToObj(i -> String.format("qpr_%02d", i)).toList()) + "\n" + sam + "," + born + ",2025-01-02"
                + ",2".repeat(15) + "\n";
        MvcResult posted = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/measures/imports").file(new org.springframework.mock.web.MockMultipartFile("file",
                        "paper.csv", "text/csv", csv.getBytes())).param("instrument", "qpr-15").param("allOrNothing", "true")
                .with(csrf()).with(as("coordinator"))).andExpect(status().is3xxRedirection()).andReturn();
        String job = posted.getResponse().getRedirectedUrl();
        for (int i = 0; i < 100 && jdbc.sql("select status from measure_import_job order by id desc limit 1")
                .query(String.class).single().matches("QUEUED|RUNNING"); i++) {
            Thread.sleep(50);
        }
        assertThat(page(job, "coordinator", "import-job")).contains("1 response stored");
        mvc.perform(get(job + "/progress").header("HX-Request", "true").with(as("coordinator")))
                .andExpect(header().string("HX-Refresh", "true"));
        mvc.perform(get(job).with(as("rita.lead"))).andExpect(status().isNotFound());
    }

    @Test
    void runningImportPageRefreshesWithoutJavascriptAndPollsWithHtmx() throws Exception {
        long job = jdbc.sql("""
                insert into measure_import_job (instrument_version_id, file_name, all_or_nothing, status, created_by)
                values ((select id from instrument_version where code = 'qpr-15' and version = '1'), 'slow.csv', true,
                        'RUNNING', ?) returning id""").param(fixtures.account("coordinator")).query(Long.class).single();
        String page = page("/measures/imports/" + job, "coordinator", "import-running");
        assertThat(page).contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>")
                .contains("hx-get=\"/measures/imports/" + job + "/progress\"").contains("hx-trigger=\"every 1s\"")
                .contains("<progress");
        mvc.perform(get("/measures/imports/" + job + "/progress").header("HX-Request", "true").with(as("coordinator")))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("HX-Refresh"))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void administratorsSeeTheInstrumentLibrary() throws Exception {
        assertThat(page("/admin/instruments", "admin", "admin-instruments")).contains("QPR-15").contains("Shipped")
                .contains("Demo wording");
        long qpr = jdbc.sql("select id from instrument_version where code = 'qpr-15'").query(Long.class).single();
        assertThat(page("/admin/instruments/" + qpr, "admin", "admin-instrument")).contains("I feel better about myself")
                .contains("Copyright: Questionnaire about the Process of Recovery")
                // Shipped wording was stored by REFOCUS itself, not by a nameless account.
                .containsPattern("Shipped with REFOCUS, qpr-en-GB.json, [^<]*, by REFOCUS \\(in use\\)");
        page("/admin/instruments/content", "admin", "admin-content-import");
    }

    private Map<String, Integer> answers(long response) {
        return fixtures.answers(response);
    }

    private String page(String path, String username, String name) throws Exception {
        String html = mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Path out = Path.of("target", "rendered-pages", "measures", name + ".html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);
        return html;
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
