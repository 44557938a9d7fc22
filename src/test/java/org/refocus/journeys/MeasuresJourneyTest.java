package org.refocus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.refocus.testing.ContentFiles;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures in the browser: a practitioner assigns QPR and INSPIRE; the person completes them on a phone,
 * saving part-way; the practitioner sees the scores, the chart and the INSPIRE gaps; someone pauses
 * questionnaires and their practitioner must say that they agree before giving one. Every page visited
 * is checked with axe.
 */
class MeasuresJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void practitionerAssignsQprAndInspireThePersonCompletesThemOnAPhoneAndThePractitionerSeesTheResults() {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        String today = LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();

        // The practitioner assigns QPR-15 every 3 months and INSPIRE once, both for the person to complete.
        signIn("coordinator", PASSWORD);
        page.navigate("/people/" + sam);
        checked();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Questionnaires and results")).click();
        assertThat(page.locator("h1")).containsText("Questionnaires and results");
        checked();
        for (String[] measure : new String[][] {{"qpr-15", "3"}, {"inspire", "ONCE"}}) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign a questionnaire")).click();
            checked();
            page.locator("input[name=instrument][value='" + measure[0] + "']").check();
            page.locator("input[name=completion][value=SELF]").check();
            page.getByLabel("When is it first due?").fill(today);
            page.locator("input[name=repeat][value='" + measure[1] + "']").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign")).click();
            assertThat(page.locator(".nhsuk-notification-banner")).containsText("Questionnaire assigned");
        }
        checked();
        page.navigate("/measures/due");
        assertThat(page.locator("main")).containsText("Sam Example");
        checked();
        signOut();

        // The person, on a phone: QPR-15 in two sittings.
        onAPhone();
        signIn("serviceuser", PASSWORD);
        openFromHeaderMenu("Questionnaires");
        assertThat(page.locator("h1")).containsText("Your questionnaires");
        checked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start QPR-15")).click();
        assertThat(page.locator("h1")).containsText("Page 1 of 2");
        checked();
        snapshot("questions-phone");
        for (int i = 1; i <= 8; i++) {
            choose("qpr_%02d".formatted(i), 3);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Your answers are saved");
        checked();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue QPR-15")).click();
        assertThat(page.locator("#answers-qpr_01-4")).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        assertThat(page.locator("h1")).containsText("Page 2 of 2");
        for (int i = 9; i <= 15; i++) {
            choose("qpr_%02d".formatted(i), 3);
        }
        checked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit your answers")).click();
        assertThat(page.locator("main")).containsText("45");
        assertThat(page.locator("main")).containsText("What it does not mean");
        checked();

        // INSPIRE: some things matter and are poorly supported; saved part-way after the first page.
        page.navigate("/people/" + sam + "/measures");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start INSPIRE")).click();
        checked();
        int pageNumber = 1;
        while (true) {
            for (String key : page.locator("fieldset input[type=radio][value='']").evaluateAll(
                    "els => els.map(e => e.name.slice(8, -1))").toString().replaceAll("[\\[\\] ]", "").split(",")) {
                if (key.endsWith("_matters")) {
                    choose(key, 1);
                } else if (key.startsWith("support_")) {
                    choose(key, key.equals("support_02") || key.equals("support_11") ? 1 : 4);
                } else {
                    choose(key, 4);
                }
            }
            if (page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit your answers")).count() > 0) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit your answers")).click();
                break;
            }
            if (pageNumber == 1) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue INSPIRE")).click();
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
            pageNumber++;
            checked();
        }
        assertThat(page.locator("main")).containsText("INSPIRE Support");
        checked();
        page.navigate("/people/" + sam + "/measures");
        assertThat(page.locator("#support-gaps")).containsText("Things that matter to you where support could be better");
        assertThat(page.locator("main")).containsText("INSPIRE support item 2");
        // On a phone the chart's labels are still big enough to read (drawn 640 units wide, it is shrunk to fit).
        assertThat(((Number) page.locator("#results-qpr-15 ~ figure svg text").first()
                .evaluate("t => t.getBoundingClientRect().height")).doubleValue()).as("height in px of a chart label at 320 px")
                .isGreaterThanOrEqualTo(10.0);
        checked();
        snapshot("own-results-phone");
        signOut();

        // The practitioner sees the scores, the chart (with its table) and the gaps.
        page.setViewportSize(1280, 900);
        signIn("coordinator", PASSWORD);
        page.navigate("/people/" + sam + "/measures");
        assertThat(page.locator("#results-qpr-15 ~ figure svg[role=img]").first()).isVisible();
        assertThat(page.locator("main")).containsText("Up ");
        assertThat(page.locator("#support-gaps")).containsText("Things that matter to Sam where support could be better");
        assertThat(page.locator("main")).containsText("INSPIRE support item 11");
        assertThat(page.locator("main")).containsText("Support rated 1 out of 4");
        page.getByText("Show QPR-15 total as a table").click();
        assertThat(page.locator("details").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Show QPR-15 total as a table")).locator("table")).isVisible();
        checked();
        snapshot("person-results");
        // The same gaps sit beside Sam's goals, where the next coaching conversation starts, and on the plan.
        page.navigate("/people/" + sam + "/goals");
        assertThat(page.locator("#support-gaps")).isVisible();
        assertThat(page.locator("main")).containsText("INSPIRE support item 11");
        checked();
        snapshot("goals-with-support-gaps");
        page.navigate("/people/" + sam + "/plan");
        assertThat(page.locator("#support-gaps")).isVisible();
        assertThat(page.locator("main")).containsText("INSPIRE support item 11");
        checked();
        assertThat(jdbc.sql("select count(*) from measure_response where person_id = ? and mode = 'SELF' and status = "
                + "'COMPLETED' and started_at > now() - interval '1 hour'").param(sam).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void practitionerImportsResponsesFromAFileAndSeesTheTeamResults() throws Exception {
        long person = jdbc.sql("select p.id from person p join team t on t.id = p.team_id where t.name like 'Riverside%' "
                + "and p.id not in (select person_id from account where person_id is not null) order by p.id limit 1")
                .query(Long.class).single();
        String born = jdbc.sql("select date_of_birth::text from person where id = ?").param(person).query(String.class)
                .single();
        String header = "person_id,date_of_birth,completed_on," + IntStream.rangeClosed(1, 15)
                .mapToObj("qpr_%02d"::formatted).collect(Collectors.joining(","));
        Path good = Files.createTempFile("journey", ".csv");
        Files.writeString(good, header + "\n" + person + "," + born + ",2025-06-01" + ",3".repeat(15) + "\n");
        Path bad = Files.createTempFile("journey-bad", ".csv");
        Files.writeString(bad, header + "\n" + person + "," + born + ",2025-06-01" + ",3".repeat(14) + ",9\n");

        signIn("coordinator", PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Questionnaires due")).first().click();
        checked();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import responses from a file")).click();
        checked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose a CSV file");
        checked();
        page.getByLabel("Questionnaire").selectOption("qpr-15");
        page.locator("#file").setInputFiles(bad);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
        assertThat(page.locator("main")).containsText("qpr_15: 9 is not one of its response codes",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(page.locator("main")).containsText("Nothing was stored");
        checked();
        // The problems come as a file too, to put the rows right in a spreadsheet.
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Download these problems"))).click());
        org.assertj.core.api.Assertions.assertThat(Files.readString(download.path()))
                .startsWith("row,column,problem\r\n2,qpr_15,");
        importAnotherFile(good);
        checked();

        // The wrong file after all: withdraw it, which asks why first and deletes nothing.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Withdraw this import")).click();
        assertThat(page.locator("h1")).containsText("Withdraw this import");
        checked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw 1 response")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter why it is in error");
        checked();
        page.getByLabel("Why is it in error?").fill("Meant for the other questionnaire");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw 1 response")).click();
        assertThat(page.locator("main")).containsText("Meant for the other questionnaire");
        assertThat(page.locator("main")).containsText("Withdrawn");
        checked();
        importAnotherFile(good);

        page.navigate("/measures/due");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Results for Riverside Community Mental Health Team")).click();
        assertThat(page.locator("h1")).containsText("Team results");
        assertThat(page.locator("svg[role=img]").first()).isVisible();
        checked();
    }

    @Test
    void thePersonPausesQuestionnairesAndTheirPractitionerSaysTheyAgreeBeforeGivingOne() {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Pia");
        String measures = "/people/" + caseload.person() + "/measures";

        // The person pauses questionnaires, in their own words.
        signIn(caseload.personUser(), PASSWORD);
        page.navigate(measures);
        page.getByLabel("Why are you pausing? (optional)").fill("Things are hard at home this month.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause questionnaires")).click();
        assertThat(page.locator("main")).containsText("You paused questionnaires on");
        checked();
        signOut();

        // Their practitioner starts one in a session: first the pause, then a box they must tick.
        signIn(caseload.practitioner(), PASSWORD);
        page.navigate(measures);
        page.getByLabel("Give a questionnaire now, in this session").selectOption("qpr-15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        assertThat(page.locator("h1")).containsText("Check that Pia agrees");
        assertThat(page.locator("main")).containsText("Things are hard at home this month.");
        checked();
        snapshot("pause-agreement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give QPR-15 now")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Tick to say that you have talked with Pia");
        checked();
        page.getByLabel("I have talked with Pia and they agree to answer this now").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give QPR-15 now")).click();
        assertThat(page.locator("h1")).containsText("Page 1 of");
        assertThat(page.locator("main")).containsText("Pia has paused questionnaires");
        checked();
    }

    @Test
    void answersChangedInAnotherTabAreShownBackOnAPhoneAndThePractitionerChoosesWhichToKeep() {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Tomas");
        onAPhone();
        signIn(caseload.practitioner(), PASSWORD);
        page.navigate("/people/" + caseload.person() + "/measures");
        page.getByLabel("Give a questionnaire now, in this session").selectOption("qpr-15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        assertThat(page.locator("h1")).containsText("Page 1 of 2");
        String questions = page.url();

        // Another tab, opened on the same page, saves an answer to the first question first.
        Page otherTab = context.newPage();
        otherTab.navigate(questions);
        otherTab.locator("label[for='answers-qpr_01-5']").click();
        otherTab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        assertThat(otherTab.locator("h1")).containsText("Page 2 of 2");
        otherTab.close();

        choose("qpr_01", 1);
        choose("qpr_02", 2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Question 1 is now saved as “Agree strongly”");
        assertThat(page.locator("#answers-qpr_01-2")).isChecked();
        assertThat(page.locator("#answers-qpr_02-3")).isChecked();
        checked();
        snapshot("questions-changed-elsewhere-phone");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        assertThat(page.locator("main")).containsText("Your answers to the QPR-15 so far are saved");
        assertThat(jdbc.sql("select answers[1:2]::text from measure_response where person_id = ?")
                .param(caseload.person()).query(String.class).single()).isEqualTo("{1,2}");
    }

    @Test
    void aQuestionnaireGivenInASessionShowsThePersonHoldingTheTabletOnlyItsQuestionsUntilStaffTypeTheirPassword() {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Nia");
        page.setViewportSize(768, 1024);
        signIn(caseload.practitioner(), PASSWORD);
        page.navigate("/people/" + caseload.person() + "/measures");
        page.getByLabel("Give a questionnaire now, in this session").selectOption("qpr-15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        assertThat(page.locator("h1")).containsText("Page 1 of 2");
        // The person now holds the tablet: no menu, and the caseload (other people's names) is out of reach.
        assertThat(page.locator(".nhsuk-header__navigation")).hasCount(0);
        checked();
        snapshot("questions-handed-over-tablet");
        page.navigate("/caseload");
        assertThat(page.locator("h1")).containsText("Thank you, Nia");
        assertThat(page.locator("main")).containsText("Please give this device back to Test Practitioner");
        checked();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go back to the questions")).click();
        choose("qpr_01", 2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        assertThat(page.locator("main")).containsText("Your answers to the QPR-15 so far are saved");

        // Only the practitioner's password gives the tablet back.
        page.getByLabel("Your password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Carry on")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("The password is not right");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        checked();
        page.getByLabel("Your password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Carry on")).click();
        assertThat(page.locator("h1")).containsText("Questionnaires and results");
        assertThat(page.locator(".nhsuk-header__navigation")).hasCount(1);
        assertThat(page.locator("main")).containsText("Continue QPR-15");
    }

    @Test
    void administratorReviewsTheInstrumentLibraryAndImportsWording() throws Exception {
        signIn("admin", PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Instruments")).first().click();
        assertThat(page.locator("main")).containsText("Demo wording");
        checked();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("QPR-15").setExact(true)).click();
        assertThat(page.locator("main")).containsText("Copyright: Questionnaire about the Process of Recovery");
        checked();
        page.navigate("/admin/instruments/content");
        checked();
        Path wrong = Files.createTempFile("wording", ".json");
        Files.writeString(wrong, "{\"instrument\": \"wemwbs\", \"version\": \"1\", \"language\": \"en-GB\", "
                + "\"copyright\": \"Owner\", \"items\": {\"wemwbs_01\": \"Only one\"}}");
        page.locator("#file").setInputFiles(wrong);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and preview")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("item 'wemwbs_02' has no text");
        checked();

        // Wording that fits is shown first, on a phone too: nothing is asked until it is made live (H-09).
        onAPhone();
        Path right = Files.createTempFile("wording", ".json");
        Files.writeString(right, ContentFiles.demo("dialog").replace("[Demo wording]", "[Journey wording]"));
        page.locator("#file").setInputFiles(right);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and preview")).click();
        assertThat(page.locator("h1")).containsText("Check the wording of DIALOG version 1");
        assertThat(page.locator("main")).containsText("Nothing is live yet");
        assertThat(page.locator("#replaces")).containsText("The wording in use now: Demo wording, demo-content.json");
        assertThat(page.locator("#item-dialog_01")).containsText("[Journey wording]");
        assertThat(page.locator("#item-dialog_01 li").first()).containsText("1 [Demo] 1 (lowest)");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling at 320 px")
                .isLessThanOrEqualTo(320);
        checked();
        snapshot("content-preview-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make this wording live")).click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Wording made live");
        assertThat(page.locator("main")).containsText("[Journey wording]");
        checked();
    }

    @Test
    void administratorPreviewsAndCancelsWordingWithoutJavaScript() throws Exception {
        BrowserContext noScript = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setJavaScriptEnabled(false).setViewportSize(320, 640));
        try {
            Page plain = noScript.newPage();
            plain.navigate("/login");
            plain.getByLabel("Username").fill("admin");
            plain.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            plain.navigate("/admin/instruments/content");
            Path file = Files.createTempFile("wording", ".json");
            Files.writeString(file, ContentFiles.demo("swemwbs").replace("[Demo wording]", "[Not wanted]"));
            plain.locator("#file").setInputFiles(file);
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and preview")).click();
            assertThat(plain.locator("h1")).containsText("Check the wording of SWEMWBS version 1");
            assertThat(plain.locator("#item-swemwbs_01")).containsText("[Not wanted]");
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel").setExact(true)).click();
            assertThat(plain.locator(".nhsuk-notification-banner")).containsText("Cancelled. Nothing was stored");
            assertThat(plain.locator("main")).not().containsText("[Not wanted]");
        } finally {
            noScript.close();
        }
    }

    /** Follows a header menu link; on a narrow screen NHS.UK's header may have moved it under "More". */
    /** From an import's result page: imports the file as QPR-15 and waits until its one response is stored. */
    private void importAnotherFile(Path file) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import another file")).click();
        page.getByLabel("Questionnaire").selectOption("qpr-15");
        page.locator("#file").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
        assertThat(page.locator("main")).containsText("1 response stored", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
    }

    private void openFromHeaderMenu(String name) {
        // The header's script decides what goes under "More" once the page has loaded.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        var link = page.locator("header a:visible", new Page.LocatorOptions().setHasText(name));
        if (link.count() == 0) {
            page.locator("#toggle-menu").click();
        }
        page.locator("header a:visible", new Page.LocatorOptions().setHasText(name)).first().click();
    }

    /** Keeps a full-page screenshot in target/screenshots for people reviewing the pages. */
    private void snapshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "measures-" + name + ".png")));
    }

    /** Waits until the page and its styles have loaded (axe measures target sizes), then checks it. */
    private void checked() {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        checkAccessibility();
    }

    /** Chooses the answer with this code by clicking its label, as a person would. */
    private void choose(String itemKey, int code) {
        String value = Integer.toString(code);
        String id = (String) page.locator("input[name='answers[" + itemKey + "]'][value='" + value + "']")
                .getAttribute("id");
        page.locator("label[for='" + id + "']").click();
        assertThat(id).isNotNull();
    }
}
