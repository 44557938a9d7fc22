package org.refocus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Working practices in the browser: a practitioner builds a plan with a person; the person keeps it in their words. */
class RecoveryJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void practitionerRecordsValuesStrengthsAGoalWithCoachingAndStepsThenAReviewAndDownloadsThePlan() throws Exception {
        long person = jdbc.sql("select p.id from person p join team t on t.id = p.team_id where t.name like 'Riverside%' "
                + "and p.id not in (select person_id from account where person_id is not null) "
                + "and not exists (select 1 from recovery_value v where v.person_id = p.id) order by p.id limit 1")
                .query(Long.class).single();
        String name = jdbc.sql("select given_name from person where id = ?").param(person).query(String.class).single();
        signIn("coordinator", PASSWORD);
        page.navigate("/people/" + person);
        checkAccessibility();
        link("Recovery plan").click();
        assertThat(page.locator("h1")).containsText("Recovery plan");
        checkAccessibility();

        // What matters, in the person's words.
        link("Add or change what matters").click();
        checkAccessibility();
        page.locator("#words").fill("Being a good friend to my neighbours");
        button("Add").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Added");
        page.locator("#words").fill("Cooking for other people");
        button("Add").click();
        assertThat(page.locator("main ol")).containsText("Cooking for other people");
        button("Move up: Cooking for other people").click();
        assertThat(page.locator("main ol li").first()).containsText("Cooking for other people");
        checkAccessibility();

        // A strengths assessment: one domain, then the strengths agreed.
        page.navigate("/people/" + person + "/strengths");
        checkAccessibility();
        button("Start a strengths assessment").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Assessment started");
        checkAccessibility();
        link("Change: Leisure").click();
        checkAccessibility();
        page.locator("#currentStatus").fill("Goes to the allotment on Sundays.");
        page.locator("#wants").fill("To grow enough vegetables to share.");
        page.locator("#personalResources").fill("Patient, and good with plants.");
        button("Save").click();
        assertThat(page.locator("main")).containsText("To grow enough vegetables to share.");
        link("Change the agreed strengths and date").click();
        checkAccessibility();
        page.locator("#agreedSummary").fill("Patient, practical and generous with time.");
        button("Save").click();
        assertThat(page.locator("main")).containsText("Patient, practical and generous with time.");
        checkAccessibility();

        // A goal in the person's words, a GROW conversation and two steps.
        page.navigate("/people/" + person + "/goals/new");
        checkAccessibility();
        button("Save").click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the goal, in a few words");
        checkAccessibility();
        page.locator("#words").fill("Cook a meal for my neighbours");
        page.locator("#expectedOutcome").fill("I have cooked one meal for two neighbours");
        page.getByLabel("Cooking for other people").check();
        page.getByLabel("Connectedness: relationships and belonging").check();
        button("Save").click();
        assertThat(page.locator("h1")).containsText("Cook a meal for my neighbours");
        checkAccessibility();
        link("Record a coaching conversation").click();
        checkAccessibility();
        page.locator("#goalPart").fill("To plan the first meal.");
        page.locator("#reality").fill("Cooks for one most days; worried about cooking for more.");
        page.locator("#options").fill("Soup; a curry; ask a neighbour to help.");
        page.locator("#wayForward").fill("Soup, next Saturday, for two neighbours.");
        button("Save").click();
        assertThat(page.locator("#conversations ~ .nhsuk-card").first()).containsText("Soup, next Saturday");
        link("Add a step").click();
        checkAccessibility();
        page.locator("#what").fill("Write a shopping list for the soup");
        button("Save").click();
        link("Add a step").click();
        page.locator("#what").fill("Find a cookery session at the community centre");
        page.getByLabel("A member of staff").check();
        page.locator("#ownerAccountId").selectOption(new SelectOption().setLabel("Cora Coordinator (demo)"));
        button("Save").click();
        assertThat(page.locator("#steps ~ table")).containsText("Cora Coordinator (demo)");
        checkAccessibility();

        // A review with attainment: one goal a bit better than expected gives T = 60.0.
        page.navigate("/people/" + person + "/plan");
        link("Record a review").click();
        checkAccessibility();
        page.getByLabel("A bit more than expected").check();
        button("Save the review").click();
        assertThat(page.locator("#gas-score")).containsText("Goal attainment score: 60.0");
        assertThat(page.locator("#gas-score")).containsText("50 means the goals were met as expected");
        checkAccessibility();

        // The plan as a PDF the person can keep.
        Download download = page.waitForDownload(() -> link("Download the plan as a PDF").click());
        byte[] file = Files.readAllBytes(download.path());
        assertThat(new String(file, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        APIResponse response = context.request().get("http://localhost:" + port + "/people/" + person + "/plan.pdf");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(response.body().length).isGreaterThan(10_000);
        assertThat(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(name).isNotBlank();
    }

    @Test
    void serviceUserChangesAGoalInTheirOwnWordsAndTicksAStepOnAPhoneAndTheirCoordinatorSeesIt() {
        onAPhone();
        signIn("serviceuser", PASSWORD);
        checkAccessibility();
        link("Go to your plan").click();
        assertThat(page.locator("h1")).containsText("Your recovery plan");
        assertThat(page.locator("#crisis-contacts a[href^='tel:']").first()).isVisible();
        checkAccessibility();

        page.locator("#goals ~ .nhsuk-card a", new Page.LocatorOptions().setHasText("Spend more time with Lily")).click();
        assertThat(page.locator("h1")).containsText("Spend more time with Lily");
        checkAccessibility();
        link("Change the goal").click();
        checkAccessibility();
        page.locator("#words").fill("Spend every Saturday with Lily, and take her to the park");
        button("Save").click();
        assertThat(page.locator("h1")).containsText("Spend every Saturday with Lily, and take her to the park");
        assertThat(page.locator("main")).containsText("Last changed by you");
        checkAccessibility();

        page.navigate("/people/" + sam() + "/plan");
        button("Mark as done: Ask Lily's mum about extra Saturdays").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Step marked as done");
        checkAccessibility();
        // A step a member of staff owns is theirs to tick, not the person's.
        assertThat(button("Mark as done: Write a letter of support for the family mediation service")).hasCount(0);
        signOut();

        page.setViewportSize(1280, 900);
        signIn("coordinator", PASSWORD);
        page.navigate("/people/" + sam() + "/plan");
        Locator changes = page.locator("#changes");
        assertThat(changes).containsText("Since you last looked, Sam changed");
        assertThat(changes).containsText("Spend every Saturday with Lily, and take her to the park");
        assertThat(changes).containsText("Ask Lily's mum about extra Saturdays");
        checkAccessibility();
        page.locator("#changes a").first().click();
        assertThat(page.locator("h1")).containsText("Every version of this");
        checkAccessibility();
    }

    @Test
    void thePersonRemovesWhatMattersByMistakeOnAPhoneAndPutsItBackWithOneTap() {
        org.refocus.testing.OwnCaseload caseload = org.refocus.testing.OwnCaseload.create(jdbc, "Ines");
        onAPhone();
        signIn(caseload.personUser(), PASSWORD);
        page.navigate("/people/" + caseload.person() + "/values");
        page.locator("#words").fill("Swimming with my brother");
        button("Add").click();
        page.locator("#words").fill("Painting on Sunday mornings");
        button("Add").click();
        checkAccessibility();

        button("Remove: Swimming with my brother").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Removed");
        assertThat(page.locator("main ol")).not().containsText("Swimming with my brother");
        assertThat(page.evaluate("document.documentElement.scrollWidth")).isEqualTo(320);
        checkAccessibility();

        button("Undo: put it back").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Put back in its place");
        assertThat(page.locator("main ol li").first()).containsText("Swimming with my brother");
        assertThat(button("Undo: put it back")).hasCount(0);
        checkAccessibility();
    }

    @Test
    void thePersonsPlanWorksWithoutJavaScript() {
        BrowserContext noScript = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setJavaScriptEnabled(false).setViewportSize(320, 640));
        try {
            Page plain = noScript.newPage();
            plain.navigate("/login");
            plain.getByLabel("Username").fill("serviceuser");
            plain.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            plain.navigate("/people/" + sam() + "/values");
            plain.locator("#words").fill("Walking by the river");
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
            assertThat(plain.locator("main ol")).containsText("Walking by the river");
            assertThat(plain.locator("main")).containsText("Written by you");
        } finally {
            noScript.close();
        }
    }

    private long sam() {
        return jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
    }

    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(accessibleName(name))).first();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(accessibleName(name))).first();
    }

    /**
     * The whole name, allowing the space a browser may put before visually hidden text ("Change : Leisure").
     * Escaped by hand: Playwright hands the pattern to JavaScript, which has no \Q…\E quoting.
     */
    private static java.util.regex.Pattern accessibleName(String name) {
        String escaped = name.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0").replace(": ", "\\s*:\\s*");
        return java.util.regex.Pattern.compile("^" + escaped + "$");
    }
}
