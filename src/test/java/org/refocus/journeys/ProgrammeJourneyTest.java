package org.refocus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recovery-promoting relationships in the browser: a trainer records a workshop; a team leader and a
 * person who uses the service (on a phone) run a Partnership Project; a team leader sees participation
 * move and opens the records behind a figure; a team leader changes and retires a library resource that
 * the person (on a phone) still sees, marked; a team leader on a phone ends the team's programme and
 * starts a new one. Every page is checked with axe.
 */
class ProgrammeJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void trainerPlansAWorkshopAndRecordsAttendanceAndAReport() {
        signIn("trainer", PASSWORD);
        checkAccessibility();
        link("Programme").click();
        assertThat(page.locator("h1")).containsText("REFOCUS programme");
        checkAccessibility();
        page.locator("li", new Page.LocatorOptions().setHasText("Riverside Community Mental Health Team"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Programme and sessions")).click();
        assertThat(page.locator("h1")).containsText("REFOCUS programme");
        checkAccessibility();

        link("Plan a session").click();
        checkAccessibility();
        page.getByLabel("Which part of the programme is it?").selectOption(
                new com.microsoft.playwright.options.SelectOption().setLabel("Whole-team recovery workshops (month 2)"));
        page.getByLabel("Session title").fill("Recovery workshop 3: hope and identity");
        page.getByLabel("Planned for").fill(java.time.LocalDate.now().minusDays(1).toString());
        button("Save session").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Session planned");
        checkAccessibility();

        link("Record delivery and attendance").click();
        checkAccessibility();
        page.getByLabel("Date it took place").fill(java.time.LocalDate.now().minusDays(1).toString());
        page.getByLabel("Cora Coordinator (demo) (Care coordinator or practitioner)").check();
        page.getByLabel("Rita Lead (demo) (Team leader)").check();
        page.getByLabel("People who use the service who came (optional)").fill("3");
        page.getByLabel("Materials used").fill("Recovery stories handout; CHIME poster");
        button("Save attendance").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Delivery and attendance saved");
        assertThat(page.locator("main")).containsText("Cora Coordinator (demo)");
        checkAccessibility();

        link("Write the trainer’s report").click();
        button("Save report").click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the report");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        checkAccessibility();
        page.getByLabel("What happened and what to do next").fill("Good discussion of hope. Next: practise in pairs.");
        page.locator("#engagement-4").check();
        page.locator("#aimsMet-5").check();
        page.locator("#readiness-3").check();
        button("Save report").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Report saved");
        assertThat(page.locator("main")).containsText("Good discussion of hope.");
        assertThat(page.locator("main")).containsText("4 out of 5");
        checkAccessibility();
        screenshot("session-with-report");

        long session = jdbc.sql("select id from programme_session where title = 'Recovery workshop 3: hope and identity'")
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from session_attendance where session_id = ?").param(session)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'programme_session' and record_id = ? "
                + "and actor_username = 'trainer'").param(Long.toString(session)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void teamLeaderAndAServiceUserRunAPartnershipProjectTogether() {
        signIn("rita.lead", PASSWORD);
        page.navigate("/programme");
        link("Programme and sessions").click();
        link("Start a Partnership Project").click();
        checkAccessibility();
        page.getByLabel("Project name").fill("Walking group");
        page.getByLabel("Aims").fill("A weekly walk, planned with people who use the service.");
        button("Save").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Project started");
        checkAccessibility();

        link("Add a member").click();
        checkAccessibility();
        page.getByLabel("Search the team’s caseload by name or NHS number").fill("Example");
        button("Search").click();
        page.getByLabel("Sam Example", new Page.GetByLabelOptions().setExact(false)).check();
        page.locator("#personRole").check();
        button("Add this person").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Member added");
        checkAccessibility();

        link("Record money allocated").click();
        checkAccessibility();
        page.getByLabel("Amount in pounds").fill("200");
        page.getByLabel("What it was for").fill("Budget for the walking group");
        button("Save").click();
        assertThat(page.locator("#budget-balance")).hasText("£200.00");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a task").setExact(true)).click();
        checkAccessibility();
        page.getByLabel("What needs doing").fill("Choose the first route");
        page.getByLabel("Who will do it (optional)").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Sam"));
        button("Save").click();
        assertThat(page.locator("#tasks ~ table").first()).containsText("Choose the first route");
        checkAccessibility();
        signOut();

        // Sam, on a phone, finds the project and records what they spent.
        onAPhone();
        signIn("serviceuser", PASSWORD);
        page.navigate("/projects");
        assertThat(page.locator("h1")).containsText("Partnership Projects");
        checkAccessibility();
        link("Walking group").click();
        assertThat(page.locator("main")).containsText("Choose the first route");
        checkAccessibility();
        link("Record spending").click();
        checkAccessibility();
        page.getByLabel("Amount in pounds").fill("£12.5");
        page.getByLabel("What it was for").fill("Map of the local footpaths");
        button("Save").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Saved in the budget");
        assertThat(page.locator("#budget-balance")).hasText("£187.50");
        assertThat(page.locator("main")).containsText("Recorded by Sam Example (demo)");
        checkAccessibility();
        screenshot("project-on-a-phone");

        // Sam cannot open a project they are not a member of.
        long staffOnly = jdbc.sql("""
                        insert into partnership_project (team_id, title, aims) select team_id, 'Staff rota', 'Rota'
                        from partnership_project where title = 'Walking group' returning id""").query(Long.class).single();
        assertThat(openExpectingNotFound("/projects/" + staffOnly).status()).isEqualTo(404);
        checkAccessibility();
    }

    @Test
    void teamLeaderSeesParticipationMoveAndOpensTheRecordsBehindAFigure() {
        signIn("rita.lead", PASSWORD);
        page.navigate("/programme");
        link("Participation").first().click();
        assertThat(page.locator("h1")).containsText("Participation");
        checkAccessibility();
        String indexBefore = page.locator("#participation-index").textContent().trim();
        String milestonesBefore = page.locator("#figure-partnershipProjectProgress td").nth(1).textContent();

        // Mark the café's next milestone done.
        page.locator("#figure-partnershipProjectProgress").getByRole(AriaRole.LINK).click();
        if (!page.locator("h1").textContent().contains("Recovery café")) {
            // More than one project: the figure links to the team's list of them.
            checkAccessibility();
            link("Recovery café").click();
        }
        assertThat(page.locator("h1")).containsText("Recovery café");
        checkAccessibility();
        link("First café session").click();
        checkAccessibility();
        page.getByLabel("This is done").check();
        button("Save").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Saved");

        page.navigate("/programme");
        link("Participation").first().click();
        checkAccessibility();
        String milestonesAfter = page.locator("#figure-partnershipProjectProgress td").nth(1).textContent();
        assertThat(milestonesAfter).isNotEqualTo(milestonesBefore);
        assertThat(percent(page.locator("#participation-index").textContent())).isGreaterThan(percent(indexBefore));
        screenshot("participation");

        // The records behind the training figure: who has attended coaching-skills training.
        page.locator("#figure-trainingAttendance").getByRole(AriaRole.LINK).click();
        assertThat(page.locator("h1")).containsText("Coaching-skills training attendance");
        assertThat(page.locator("main table")).containsText("Cora Coordinator (demo)");
        checkAccessibility();
    }

    @Test
    void teamLeaderChangesAndRetiresAResourceAndThePersonItWasOfferedToSeesItMarked() {
        signIn("rita.lead", PASSWORD);
        link("Resources").click();
        assertThat(page.locator("h1")).hasText("Recovery resources");
        checkAccessibility();
        link("Recovery stories (demo link)").click();
        checkAccessibility();

        link("Change the kind, title, summary or web address").click();
        assertThat(page.locator("h1")).containsText("Change a resource");
        checkAccessibility();
        page.getByLabel("Title").fill("");
        button("Save changes").click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a title");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        checkAccessibility();
        page.getByLabel("Title").fill("Recovery stories in people’s own words (demo link)");
        button("Save changes").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Resource changed");
        assertThat(page.locator("h1")).containsText("Recovery stories in people’s own words (demo link)");
        checkAccessibility();

        link("Retire this resource").click();
        assertThat(page.locator("h1")).containsText("Retire this resource?");
        assertThat(page.locator("main")).containsText("1 person");
        checkAccessibility();
        button("Retire resource").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Resource retired");
        assertThat(page.locator("main")).containsText("No longer recommended");
        checkAccessibility();
        link("Retired resources").click();
        assertThat(page.locator("#resource-list")).containsText("Recovery stories in people’s own words");
        checkAccessibility();
        link("Back to the resources in use").click();
        assertThat(page.locator("#resource-list")).not().containsText("Recovery stories in people’s own words");
        checkAccessibility();
        signOut();

        // Sam, on a phone, still has it, marked in plain words.
        onAPhone();
        signIn("serviceuser", PASSWORD);
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        page.navigate("/people/" + sam + "/resources");
        assertThat(page.locator("main")).containsText("Recovery stories in people’s own words (demo link)");
        assertThat(page.locator("main")).containsText("Your team no longer recommends this.");
        checkAccessibility();
        screenshot("retired-resource-on-a-phone");
    }

    @Test
    void teamLeaderOnAPhoneEndsTheProgrammeAndStartsANewOne() {
        onAPhone();
        signIn("teamlead", PASSWORD);
        page.navigate("/programme");
        link("Programme and sessions").click();
        assertThat(page.locator("h1")).containsText("REFOCUS programme");
        checkAccessibility();

        link("End the programme").click();
        assertThat(page.locator("h1")).containsText("End the programme");
        checkAccessibility();
        page.getByLabel("Date the programme ended").fill(java.time.LocalDate.now().plusDays(1).toString());
        button("End the programme").click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("must be today or in the past");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        checkAccessibility();
        page.getByLabel("Date the programme ended").fill(java.time.LocalDate.now().minusDays(1).toString());
        page.getByLabel("Why it ended (optional)").fill("The team is being reorganised; we will start again.");
        button("End the programme").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Programme ended");
        assertThat(page.locator("main")).containsText("The team ended this programme on");
        assertThat(page.locator("main table").first()).containsText("Not delivered");
        assertThat(page.locator("main table").first()).not().containsText("Late");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plan a session"))).hasCount(0);
        checkAccessibility();
        screenshot("ended-on-a-phone");

        link("Start a new programme").click();
        assertThat(page.locator("h1")).containsText("Start the REFOCUS programme");
        checkAccessibility();
        page.locator("#templateId").check();
        button("Start the programme").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Programme started");
        assertThat(page.locator("main")).not().containsText("The team ended this programme on");
        assertThat(link("End the programme")).isVisible();
        checkAccessibility();
    }

    /** Keeps a picture of the page in target/screenshots for people reviewing the change. */
    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Path.of("target", "screenshots", "programme-" + name + ".png")));
    }

    private static int percent(String text) {
        return Integer.parseInt(text.trim().replace("%", ""));
    }

    private com.microsoft.playwright.Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private com.microsoft.playwright.Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
