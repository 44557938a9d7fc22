package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.refocus.testing.TwoEditors.formVersion;
import static org.refocus.testing.TwoEditors.newer;
import static org.refocus.testing.TwoEditors.staleSaveShowsTheirsThenSavingAgainWorks;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.TwoEditors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two people change the same programme record: the second sees what the first saved, keeps what they typed,
 * and can save again knowingly. Each test makes its own organisation and template, or its own team with its
 * own leader, so the demo records other tests read stay as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammeConflictsTest extends DatabaseTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now();

    @Test
    void aStaleTemplateChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        long template = ownTemplate();
        mvc.perform(saveTemplate(template, "Their template", 18, 0).param("description", "Their description"))
                .andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> saveTemplate(template, "My template", 12, version),
                0, version("programme_template", template), "Their template, 18 months. Description: Their description",
                "value=\"My template\"");
        assertThat(saved("programme_template", "name || ' ' || duration_months", template)).isEqualTo("My template 12");
    }

    @Test
    void aStaleActivityChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        long activity = firstActivity(ownTemplate());
        mvc.perform(saveActivity(activity, "Their activity", 0)).andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> saveActivity(activity, "My activity", version),
                0, version("programme_template_activity", activity),
                "Their activity, in month 2. Coaching skills: Reflection session, target 3, for Staff.",
                "value=\"My activity\"");
        assertThat(saved("programme_template_activity", "title", activity)).isEqualTo("My activity");
    }

    @Test
    void aStaleActivityRemovalSaysWhatChangedAndTheTemplateShowsItAsItIsNow() throws Exception {
        long template = ownTemplate();
        long activity = firstActivity(template);
        mvc.perform(saveActivity(activity, "Their activity", 0)).andExpect(status().is3xxRedirection());

        var stale = mvc.perform(removeActivity(activity, 0))
                .andExpect(redirectedUrl("/programme/templates/" + template))
                .andExpect(flash().attribute("problem", "template.activityChanged")).andReturn();
        // The flash attribute lives in the (JDBC) session: follow the redirect with its cookie.
        String page = mvc.perform(get("/programme/templates/" + template).with(as("admin"))
                        .cookie(stale.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<title>Error: ").contains("nhsuk-error-summary")
                .contains("so it has not been removed").doesNotContain("Success").contains("Their activity");
        // Removing it again from its page as it is now goes through.
        String activityPage = mvc.perform(get("/programme/template-activities/" + activity).with(as("admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(removeActivity(activity, formVersion(activityPage, "version")))
                .andExpect(flash().attribute("flash", "template.activityRemoved"));
    }

    @Test
    void aStaleProgrammeDetailsChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Details conflict");
        long programme = start(team, today.minusDays(5));
        mvc.perform(saveDetails(team, today.minusDays(10), 0)).andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> saveDetails(team, today.minusDays(20), version),
                0, version("team_programme", programme), templateName() + ", starting on "
                        + DAY.format(today.minusDays(10)) + ". Trainers and facilitators: None named yet.",
                "value=\"" + today.minusDays(20) + "\"");
        assertThat(saved("team_programme", "start_date", programme)).isEqualTo(today.minusDays(20).toString());
    }

    @Test
    void changingTheDetailsOfAProgrammeSomeoneElseEndedSaysNothingWasSaved() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Details after end");
        long programme = start(team, today.minusDays(5));
        mvc.perform(post("/programme/teams/" + team.id() + "/end").with(as(team.leader())).with(csrf())
                        .param("endedOn", today.toString()).param("programmeId", Long.toString(programme))
                        .param("version", "0"))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()));

        mvc.perform(saveDetails(team, today.minusDays(9), 0))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()))
                .andExpect(flash().attribute("problem", "programme.details.endedMeanwhile"))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.nullValue()));
        assertThat(saved("team_programme", "start_date", programme)).isEqualTo(today.minusDays(5).toString());
    }

    @Test
    void startingAProgrammeSomeoneElseStartedShowsTheirsAndKeepsTheChosenDate() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Start conflict");
        long programme = start(team, today.minusDays(5));

        String page = mvc.perform(post("/programme/teams/" + team.id() + "/start").with(as(team.leader()))
                        .with(csrf()).param("templateId", Long.toString(defaultTemplate()))
                        .param("startDate", today.minusDays(3).toString()).param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("nhsuk-error-summary").contains("Someone else started this team’s programme")
                .doesNotContainIgnoringCase("reload the page").contains("value=\"" + today.minusDays(3) + "\"");
        assertThat(newer(page)).contains(templateName() + ", starting on " + DAY.format(today.minusDays(5)));
        assertThat(jdbc.sql("select count(*) from team_programme where team_id = ?").param(team.id())
                .query(Long.class).single()).isEqualTo(1);
        // The form is now theirs: saving it changes their programme's start date.
        mvc.perform(saveDetails(team, today.minusDays(3), formVersion(page, "version")))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()));
        assertThat(saved("team_programme", "start_date", programme)).isEqualTo(today.minusDays(3).toString());
    }

    @Test
    void aStaleProjectChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Project conflict");
        long project = project(team);
        mvc.perform(saveProject(team, project, "Their project", "Their aims", "RUNNING", 0))
                .andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> saveProject(team, project, "My project", "My aims",
                        "PLANNING", version),
                0, version("partnership_project", project), "Their project (Running). Aims: Their aims",
                "value=\"My project\"");
        assertThat(saved("partnership_project", "title", project)).isEqualTo("My project");
    }

    @Test
    void aProjectSomeoneElseCompletedStaysCompletedWhenAStaleChangeIsSavedAgain() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Completed meanwhile");
        long project = project(team);
        mvc.perform(saveOutcome(team, project, "Their outcome", 0)).andExpect(status().is3xxRedirection());

        String page = mvc.perform(saveProject(team, project, "My title", "My aims", "RUNNING", 0))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(newer(page)).contains("(Completed)");
        assertThat(page).contains("name=\"status\" value=\"COMPLETED\"").doesNotContain("value=\"RUNNING\" checked");
        // The page as the browser would send it again: the stage it carries is the completed one.
        mvc.perform(saveProject(team, project, "My title", "My aims", "COMPLETED", formVersion(page, "version")))
                .andExpect(status().is3xxRedirection());
        assertThat(saved("partnership_project", "title || ' ' || status", project)).isEqualTo("My title COMPLETED");
    }

    @Test
    void aStaleOutcomeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Outcome conflict");
        long project = project(team);
        mvc.perform(saveOutcome(team, project, "Their outcome", 0)).andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> saveOutcome(team, project, "My outcome", version),
                0, version("partnership_project", project), "Completed on " + DAY.format(today)
                        + ". What happened: “Their outcome” What we learned: “Lessons”",
                ">My outcome</textarea>");
        assertThat(saved("partnership_project", "outcome", project)).isEqualTo("My outcome");
    }

    @Test
    void aStaleTaskChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Task conflict");
        long project = project(team);
        mvc.perform(post("/projects/" + project + "/tasks").with(as(team.leader())).with(csrf())
                .param("kind", "TASK").param("title", "Book a hall").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        long task = jdbc.sql("select id from project_task where project_id = ?").param(project).query(Long.class)
                .single();
        mvc.perform(saveTask(team, task, "Book the big hall", 0).param("dueOn", "2030-05-01"))
                .andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> saveTask(team, task, "Book the small hall", version),
                0, version("project_task", task), "Book the big hall. Who: Nobody yet. By when: 1 May 2030. To do.",
                "value=\"Book the small hall\"");
        assertThat(saved("project_task", "title", task)).isEqualTo("Book the small hall");
    }

    @Test
    void aStatementSomeoneElseRecordedFirstIsShownAndMineIsRecordedAfterItOnTheSecondGo() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Statement conflict");
        mvc.perform(agree(team, "Recovery is ours", 0)).andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, "basedOnVersion", version -> agree(team, "Recovery is hope",
                        version), 0, 1,
                "Version 1, agreed on " + DAY.format(today) + " by The whole team: Recovery is ours",
                ">Recovery is hope</textarea>");
        assertThat(jdbc.sql("select version_no || ' ' || statement from recovery_statement where team_id = ? "
                + "order by version_no").param(team.id()).query(String.class).list())
                .containsExactly("1 Recovery is ours", "2 Recovery is hope");
    }

    @Test
    void aStaleValuesExerciseChangeShowsTheirsKeepsMineAndSavesOnTheSecondGo() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Exercise conflict");
        long exercise = exercise(team);
        mvc.perform(saveExercise(team, exercise, "Their output", 0)).andExpect(status().is3xxRedirection());

        staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> saveExercise(team, exercise, "My output", version),
                0, version("values_exercise", exercise),
                "Why we do this work, held on " + DAY.format(today) + ". What the team took from it: Their output",
                ">My output</textarea>");
        assertThat(saved("values_exercise", "team_output", exercise)).isEqualTo("My output");
    }

    @Test
    void aReflectionSavedInAnotherTabIsShownAndThisOneIsKeptAndSavesOnTheSecondGo() throws Exception {
        OwnTeam team = OwnTeam.create(jdbc, "Reflection conflict");
        long exercise = exercise(team);
        mvc.perform(reflect(team, exercise, "First words", null)).andExpect(status().is3xxRedirection());
        mvc.perform(reflect(team, exercise, "Words from one tab", 0)).andExpect(status().is3xxRedirection());

        String page = staleSaveShowsTheirsThenSavingAgainWorks(mvc, version -> reflect(team, exercise,
                        "Words from another tab", version), 0, 1, "Words from one tab",
                ">Words from another tab</textarea>");
        assertThat(page).contains("What you saved in the other tab or window");
        assertThat(jdbc.sql("select reflection from values_reflection where exercise_id = ?").param(exercise)
                .query(String.class).single()).isEqualTo("Words from another tab");
    }

    private long ownTemplate() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        long organisation = jdbc.sql("insert into organisation (name) values (?) returning id")
                .param("Template conflict trust " + suffix).query(Long.class).single();
        mvc.perform(post("/programme/templates/" + defaultTemplate() + "/copy").with(as("admin")).with(csrf())
                        .param("organisationId", Long.toString(organisation)).param("name", "Copy " + suffix))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from programme_template where organisation_id = ?").param(organisation)
                .query(Long.class).single();
    }

    private long firstActivity(long template) {
        return jdbc.sql("select id from programme_template_activity where template_id = ? order by id limit 1")
                .param(template).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder saveTemplate(long template, String name, int months, int version) {
        return post("/programme/templates/" + template).with(as("admin")).with(csrf()).param("name", name)
                .param("durationMonths", Integer.toString(months)).param("version", Integer.toString(version));
    }

    private MockHttpServletRequestBuilder saveActivity(long activity, String title, int version) {
        return post("/programme/template-activities/" + activity).with(as("admin")).with(csrf())
                .param("component", "COACHING").param("kind", "REFLECTION_SESSION").param("title", title)
                .param("targetCount", "3").param("audience", "STAFF").param("month", "2")
                .param("version", Integer.toString(version));
    }

    private MockHttpServletRequestBuilder removeActivity(long activity, int version) {
        return post("/programme/template-activities/" + activity + "/remove").with(as("admin")).with(csrf())
                .param("version", Integer.toString(version));
    }

    private long start(OwnTeam team, LocalDate on) throws Exception {
        mvc.perform(post("/programme/teams/" + team.id() + "/start").with(as(team.leader())).with(csrf())
                        .param("templateId", Long.toString(defaultTemplate())).param("startDate", on.toString())
                        .param("version", "0"))
                .andExpect(redirectedUrl("/programme/teams/" + team.id()));
        return jdbc.sql("select id from team_programme where team_id = ?").param(team.id()).query(Long.class)
                .single();
    }

    private MockHttpServletRequestBuilder saveDetails(OwnTeam team, LocalDate start, int version) {
        return post("/programme/teams/" + team.id() + "/details").with(as(team.leader())).with(csrf())
                .param("startDate", start.toString()).param("version", Integer.toString(version));
    }

    private long project(OwnTeam team) throws Exception {
        mvc.perform(post("/programme/teams/" + team.id() + "/projects").with(as(team.leader())).with(csrf())
                .param("title", "Peer café").param("aims", "Aims").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from partnership_project where team_id = ?").param(team.id()).query(Long.class)
                .single();
    }

    private MockHttpServletRequestBuilder saveProject(OwnTeam team, long project, String title, String aims,
            String status, int version) {
        return post("/projects/" + project).with(as(team.leader())).with(csrf()).param("title", title)
                .param("aims", aims).param("status", status).param("version", Integer.toString(version));
    }

    private MockHttpServletRequestBuilder saveOutcome(OwnTeam team, long project, String outcome, int version) {
        return post("/projects/" + project + "/outcome").with(as(team.leader())).with(csrf())
                .param("completedOn", today.toString()).param("outcome", outcome).param("lessons", "Lessons")
                .param("version", Integer.toString(version));
    }

    private MockHttpServletRequestBuilder saveTask(OwnTeam team, long task, String title, int version) {
        return post("/projects/tasks/" + task).with(as(team.leader())).with(csrf()).param("kind", "TASK")
                .param("title", title).param("version", Integer.toString(version));
    }

    private MockHttpServletRequestBuilder agree(OwnTeam team, String statement, int basedOn) {
        return post("/programme/teams/" + team.id() + "/recovery-statement").with(as(team.leader())).with(csrf())
                .param("statement", statement).param("agreedOn", today.toString())
                .param("agreedBy", "The whole team").param("basedOnVersion", Integer.toString(basedOn));
    }

    private long exercise(OwnTeam team) throws Exception {
        mvc.perform(post("/programme/teams/" + team.id() + "/values").with(as(team.leader())).with(csrf())
                .param("title", "Why we do this work").param("heldOn", today.toString()).param("teamOutput", "")
                .param("version", "0")).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from values_exercise where team_id = ?").param(team.id()).query(Long.class)
                .single();
    }

    private MockHttpServletRequestBuilder saveExercise(OwnTeam team, long exercise, String output, int version) {
        return post("/programme/values-exercises/" + exercise).with(as(team.leader())).with(csrf())
                .param("title", "Why we do this work").param("heldOn", today.toString()).param("teamOutput", output)
                .param("version", Integer.toString(version));
    }

    private MockHttpServletRequestBuilder reflect(OwnTeam team, long exercise, String words, Integer version) {
        MockHttpServletRequestBuilder request = post("/programme/values-exercises/" + exercise + "/reflection")
                .with(as(team.leader())).with(csrf()).param("reflection", words);
        return version == null ? request : request.param("version", Integer.toString(version));
    }

    private long defaultTemplate() {
        return jdbc.sql("select id from programme_template where is_default").query(Long.class).single();
    }

    private String templateName() {
        return jdbc.sql("select name from programme_template where is_default").query(String.class).single();
    }

    private String saved(String table, String column, long id) {
        return TwoEditors.saved(jdbc, table, column, id);
    }

    private int version(String table, long id) {
        return TwoEditors.version(jdbc, table, id);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
