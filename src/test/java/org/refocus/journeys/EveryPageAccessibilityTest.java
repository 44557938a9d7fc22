package org.refocus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.refocus.testing.ContentFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hazard H-19: every HTML page a person can open with {@code GET}, checked with axe (WCAG 2.0, 2.1 and 2.2
 * A and AA, as {@link BrowserJourney#checkAccessibility()} does), not only the pages the journeys happen to
 * visit. Each page is opened by a user allowed to see it, with the id of a real record from the demo data
 * (or one this test makes for itself through the application's own pages), at a desktop size; every page
 * a person using services can see is opened by one on a phone as well. Every violation on every page is
 * collected and the test fails once, with the list.
 *
 * <p>Every {@code GET} route of the route matrix ({@code src/test/resources/routes/*.routes}) must be in
 * {@link #PAGES}, in {@link #CHECKED_WHILE_MAKING_RECORDS} or in {@link #NOT_PAGES} (with the reason), so a
 * new page cannot be added without this check: {@link #everyGetRouteIsAPageCheckedHereOrSaysWhyNot()}.
 *
 * <p>This test shares its database with the other journeys, so it changes no demo record (beyond what
 * opening a page always writes: audit entries, and when the viewer last looked at a plan). What it needs
 * that the demo data lacks (an invitation, a record not yet checked, uploaded wording not yet checked,
 * questionnaires in progress, an import, a project in a team without a programme, a template that may be
 * changed) it makes for itself through the
 * application's pages, in a team of its own, with accounts of its own.
 */
class EveryPageAccessibilityTest extends BrowserJourney {

    // Who opens a page: a demo user, nobody (signed out), or an account this test makes for itself.
    private static final String NOBODY = "nobody";
    private static final String OWN_LEADER = "everypage.lead";
    private static final String OWN_PERSON = "everypage.person";
    private static final String OWN_PASSWORD = "every page checked by axe";
    private static final Set<String> SERVICE_USERS = Set.of("serviceuser", OWN_PERSON);

    // The test's own records, made through the application's pages (makeOwnRecords) and found by name.
    private static final String OWN_TEAM_NAME = "Everypage Accessibility Test Team";
    private static final String OWN_FAMILY_NAME = "Everypage";
    private static final String OWN_PROJECT_TITLE = "Everypage accessibility test project";
    private static final String OWN_TEMPLATE_NAME = "Everypage accessibility test copy of the programme";
    private static final String DEMO_SITE = "Riverside Centre, Northshire Health NHS Foundation Trust (fictional demo)";
    private static final String DEMO_ORGANISATION = "Northshire Health NHS Foundation Trust (fictional demo)";

    // Ids, as SQL that finds one. Demo records first.
    private static final String SAM = "(select person_id from account where username = 'serviceuser')";
    private static final String SAM_ID = "select " + SAM;
    private static final String RIVERSIDE = "(select id from team where name = 'Riverside Community Mental Health Team')";
    private static final String RIVERSIDE_ID = "select " + RIVERSIDE;
    private static final String HILLVIEW_ID = "select id from team where name = 'Hillview Community Mental Health Team'";
    private static final String ORGANISATION_ID = "select id from organisation where code = 'DEMO1'";
    private static final String CAFE = "(select id from partnership_project where title = 'Recovery café')";
    private static final String CAFE_ID = "select " + CAFE;
    private static final String SAMS_LATEST_ASSESSMENT = "select id from recovery_strengths_assessment where person_id = "
            + SAM + " order by assessed_on desc, id desc limit 1";
    private static final String SAMS_GOAL = "select id from recovery_goal where person_id = " + SAM
            + " and status = 'ACTIVE' order by id limit 1";
    private static final String SAMS_RESPONSE = "select id from measure_response where person_id = " + SAM
            + " and status = 'COMPLETED' order by id limit 1";
    // The test's own records.
    private static final String OWN_TEAM_ID = "select id from team where name = '" + OWN_TEAM_NAME + "'";
    private static final String OWN_PERSON_ID = "select id from person where family_name = '" + OWN_FAMILY_NAME + "'";

    /** A page, who opens it (at a desktop size), and SQL finding the id in its path (null: no id). */
    private record Visit(String route, String user, String id) {
    }

    private static Visit visit(String path, String user) {
        return new Visit("GET " + path, user, null);
    }

    private static Visit visit(String path, String user, String id) {
        return new Visit("GET " + path, user, id);
    }

    /**
     * Every page, and who opens it at a desktop size. A route may be opened by more than one user. Pages
     * open to anyone are opened signed out on a phone too; pages a person using services may open are opened
     * on a phone by the service user listed for the route, or else by {@code serviceuser} with the same id
     * as the member of staff (the demo records are Sam's).
     */
    private static final List<Visit> PAGES = List.of(
            // Signed out.
            visit("/login", NOBODY),
            visit("/signed-out", NOBODY),
            // Every role's home page.
            visit("/", "admin"), visit("/", "teamlead"), visit("/", "coordinator"), visit("/", "trainer"),
            visit("/", "researcher"), visit("/", "statistician"), visit("/", "serviceuser"),
            // Platform: people and teams.
            // Shown after someone says a linked record is not theirs; it shows no record, so Sam can open it.
            visit("/account/record-check/refused", "serviceuser"),
            visit("/caseload", "coordinator"),
            visit("/teams/{id}", "coordinator", RIVERSIDE_ID),
            visit("/people/{id}", "coordinator", SAM_ID),
            // Administration.
            visit("/admin", "admin"),
            visit("/admin/organisations", "admin"),
            visit("/admin/organisations/new", "admin"),
            visit("/admin/organisations/{id}", "admin", ORGANISATION_ID),
            visit("/admin/organisations/{id}/edit", "admin", ORGANISATION_ID),
            visit("/admin/organisations/{id}/sites/new", "admin", ORGANISATION_ID),
            visit("/admin/sites/{id}/edit", "admin", "select id from site where name = 'Riverside Centre'"),
            visit("/admin/teams", "admin"),
            visit("/admin/teams/new", "admin"),
            visit("/admin/teams/{id}", "admin", RIVERSIDE_ID),
            visit("/admin/accounts", "admin"),
            visit("/admin/accounts/new", "admin"),
            visit("/admin/accounts/{id}", "admin", "select id from account where username = 'coordinator'"),
            visit("/admin/accounts/{id}/deactivate", "admin", "select id from account where username = 'coordinator'"),
            visit("/admin/people", "admin"),
            visit("/admin/people/new", "admin"),
            visit("/admin/people/{id}", "admin", SAM_ID),
            visit("/admin/audit", "admin"),
            visit("/admin/instruments", "admin"),
            visit("/admin/instruments/{id}", "admin",
                    "select id from instrument_version where code = 'qpr-15' and not superseded order by id desc limit 1"),
            // INSPIRE too: its item keys are the longest (support_01_matters), the widest table at 320 px.
            visit("/admin/instruments/{id}", "admin",
                    "select id from instrument_version where code = 'inspire' and not superseded order by id desc limit 1"),
            visit("/admin/instruments/content", "admin"),
            visit("/admin/life-domains", "admin"),
            visit("/admin/life-domains/new", "admin"),
            visit("/admin/life-domains/{id}", "admin", "select id from recovery_life_domain where code = 'LEISURE'"),
            // Measures.
            visit("/people/{id}/measures", "coordinator", SAM_ID),
            visit("/people/{id}/measures/assign", "coordinator", SAM_ID),
            visit("/measures/responses/{id}", "coordinator", SAMS_RESPONSE),
            // Questions are shown only to whoever may answer them and only until they are sent: the test's own
            // person, on one they started themselves, and their team leader, on one given in a session.
            visit("/measures/responses/{id}/questions", OWN_PERSON, "select id from measure_response where person_id = ("
                    + OWN_PERSON_ID + ") and status = 'IN_PROGRESS' and mode = 'SELF' order by id limit 1"),
            visit("/measures/responses/{id}/questions", OWN_LEADER, "select id from measure_response where person_id = ("
                    + OWN_PERSON_ID + ") and status = 'IN_PROGRESS' and mode = 'STAFF_ADMINISTERED' order by id limit 1"),
            // Given in a session, the device is the person's until staff type their password on this page.
            visit("/measures/responses/{id}/hand-back", OWN_LEADER, "select id from measure_response where person_id = ("
                    + OWN_PERSON_ID + ") and status = 'IN_PROGRESS' and mode = 'STAFF_ADMINISTERED' order by id limit 1"),
            visit("/measures/responses/{id}/entered-in-error", "coordinator", SAMS_RESPONSE),
            visit("/measures/schedules/{id}/stop", OWN_LEADER, "select id from measure_schedule where person_id = ("
                    + OWN_PERSON_ID + ") and status = 'ACTIVE' order by id limit 1"),
            visit("/measures/due", "coordinator"),
            visit("/measures/teams/{id}", "coordinator", RIVERSIDE_ID),
            visit("/measures/imports/new", "coordinator"),
            // The demo has no import: the test's own team leader imports one response for the test's own person.
            visit("/measures/imports/{id}", OWN_LEADER, "select id from measure_import_job where created_by = "
                    + "(select id from account where username = '" + OWN_LEADER + "') order by id desc limit 1"),
            visit("/measures/imports/{id}/withdraw", OWN_LEADER, "select id from measure_import_job where created_by = "
                    + "(select id from account where username = '" + OWN_LEADER + "') order by id desc limit 1"),
            // Recovery: Sam's plan as the demo made it.
            visit("/people/{id}/plan", "coordinator", SAM_ID),
            visit("/people/{id}/plan/history", "coordinator", SAM_ID),
            visit("/people/{id}/values", "coordinator", SAM_ID),
            visit("/recovery/values/{id}", "coordinator", "select id from recovery_value where person_id = " + SAM
                    + " order by id limit 1"),
            visit("/people/{id}/preferences", "coordinator", SAM_ID),
            visit("/people/{id}/preferences/new", "coordinator", SAM_ID),
            visit("/recovery/preferences/{id}", "coordinator", "select id from recovery_preference where person_id = "
                    + SAM + " and voice = 'PERSON' order by id limit 1"),
            visit("/people/{id}/crisis-contacts/new", "coordinator", SAM_ID),
            visit("/recovery/crisis-contacts/{id}", "coordinator", "select id from recovery_crisis_contact where "
                    + "person_id = " + SAM + " order by id limit 1"),
            visit("/people/{id}/crisis-plan", "coordinator", SAM_ID),
            visit("/people/{id}/strengths", "coordinator", SAM_ID),
            visit("/people/{id}/strengths/compare", "coordinator", SAM_ID),
            visit("/recovery/strengths/{id}", "coordinator", SAMS_LATEST_ASSESSMENT),
            visit("/recovery/strengths/{id}/summary", "coordinator", SAMS_LATEST_ASSESSMENT),
            visit("/recovery/strength-entries/{id}", "coordinator", "select id from recovery_strength_entry where "
                    + "assessment_id = (" + SAMS_LATEST_ASSESSMENT + ") order by id limit 1"),
            visit("/people/{id}/goals", "coordinator", SAM_ID),
            visit("/people/{id}/goals/new", "coordinator", SAM_ID),
            visit("/recovery/goals/{id}", "coordinator", SAMS_GOAL),
            visit("/recovery/goals/{id}/edit", "coordinator", SAMS_GOAL),
            visit("/recovery/goals/{id}/status", "coordinator", SAMS_GOAL),
            visit("/recovery/goals/{id}/conversations/new", "coordinator", SAMS_GOAL),
            visit("/recovery/conversations/{id}", "coordinator", "select id from recovery_conversation where person_id = "
                    + SAM + " order by id limit 1"),
            visit("/recovery/goals/{id}/steps/new", "coordinator", SAMS_GOAL),
            visit("/recovery/steps/{id}", "coordinator", "select id from recovery_step where person_id = " + SAM
                    + " order by id limit 1"),
            visit("/people/{id}/reviews/new", "coordinator", SAM_ID),
            visit("/people/{id}/contacts", "coordinator", SAM_ID),
            visit("/people/{id}/contacts/new", "coordinator", SAM_ID),
            visit("/recovery/contacts/{id}", "coordinator", "select id from recovery_contact where person_id = " + SAM
                    + " order by id limit 1"),
            visit("/teams/{id}/working-practices", "coordinator", RIVERSIDE_ID),
            // Programme: the demo's Riverside programme, and Hillview's for its team leader.
            visit("/programme", "coordinator"),
            visit("/programme/templates", "admin"),
            visit("/programme/templates/{id}", "admin", "select id from programme_template where is_default"),
            visit("/programme/templates/{id}/copy", "admin", "select id from programme_template where is_default"),
            // A template in use cannot be changed: the test's own copy of the default one.
            visit("/programme/templates/{id}/edit", "admin", "select id from programme_template where name = '"
                    + OWN_TEMPLATE_NAME + "'"),
            visit("/programme/templates/{id}/activities/new", "admin", "select id from programme_template where name = '"
                    + OWN_TEMPLATE_NAME + "'"),
            visit("/programme/template-activities/{id}", "admin", "select id from programme_template_activity where "
                    + "template_id = (select id from programme_template where name = '" + OWN_TEMPLATE_NAME
                    + "') order by id limit 1"),
            visit("/programme/teams/{id}", "coordinator", RIVERSIDE_ID),
            // Both demo teams run a programme: the test's own team has none yet, for its own team leader.
            visit("/programme/teams/{id}/start", OWN_LEADER, OWN_TEAM_ID),
            visit("/programme/teams/{id}/details", "teamlead", HILLVIEW_ID),
            visit("/programme/teams/{id}/end", "teamlead", HILLVIEW_ID),
            visit("/programme/teams/{id}/sessions/new", "trainer", RIVERSIDE_ID),
            visit("/programme/sessions/{id}", "coordinator", "select id from programme_session where team_id = "
                    + RIVERSIDE + " and report is not null order by id limit 1"),
            visit("/programme/sessions/{id}/edit", "trainer", "select id from programme_session where team_id = "
                    + RIVERSIDE + " and status = 'PLANNED' order by id limit 1"),
            visit("/programme/sessions/{id}/delivery", "trainer", "select id from programme_session where team_id = "
                    + RIVERSIDE + " and status = 'DELIVERED' order by id limit 1"),
            visit("/programme/sessions/{id}/report", "trainer", "select id from programme_session where team_id = "
                    + RIVERSIDE + " and report is not null order by id limit 1"),
            visit("/programme/teams/{id}/recovery-statement", "coordinator", RIVERSIDE_ID),
            visit("/programme/teams/{id}/recovery-statement/new", "trainer", RIVERSIDE_ID),
            visit("/programme/teams/{id}/values", "coordinator", RIVERSIDE_ID),
            visit("/programme/teams/{id}/values/new", "trainer", RIVERSIDE_ID),
            visit("/programme/values-exercises/{id}", "coordinator", "select id from values_exercise where team_id = "
                    + RIVERSIDE + " order by id limit 1"),
            visit("/programme/values-exercises/{id}/edit", "trainer", "select id from values_exercise where team_id = "
                    + RIVERSIDE + " order by id limit 1"),
            visit("/programme/teams/{id}/participation", "coordinator", RIVERSIDE_ID),
            visit("/programme/teams/{id}/training", "coordinator", RIVERSIDE_ID),
            visit("/programme/teams/{id}/model", "researcher", RIVERSIDE_ID),
            visit("/programme/organisations/{id}", "researcher", ORGANISATION_ID),
            visit("/programme/teams/{id}/projects/new", "teamlead", HILLVIEW_ID),
            // Partnership Projects: the demo's café (Sam is a co-lead, the coordinator a member).
            visit("/projects", "coordinator"),
            visit("/projects/{id}", "coordinator", CAFE_ID),
            visit("/projects/{id}/edit", "serviceuser", CAFE_ID),
            visit("/projects/{id}/outcome", "serviceuser", CAFE_ID),
            // Only a team leader of the project's team adds members: the test's own project, in its own team.
            visit("/projects/{id}/members/new", OWN_LEADER, "select id from partnership_project where title = '"
                    + OWN_PROJECT_TITLE + "'"),
            visit("/projects/{id}/tasks/new", "coordinator", CAFE_ID),
            visit("/projects/tasks/{id}", "coordinator", "select id from project_task where project_id = " + CAFE
                    + " order by id limit 1"),
            visit("/projects/{id}/budget/new", "coordinator", CAFE_ID),
            visit("/projects/budget-entries/{id}/correction", "coordinator", "select id from project_budget_entry "
                    + "where project_id = " + CAFE + " and kind = 'SPENDING' order by id limit 1"),
            visit("/projects/{id}/decisions/new", "coordinator", CAFE_ID),
            // Resources. A journey retires the demo link; any resource still in use will do.
            visit("/resources", "coordinator"),
            visit("/resources/new", "trainer"),
            visit("/resources/{id}", "coordinator", "select id from programme_resource order by id limit 1"),
            visit("/resources/{id}/edit", "trainer", "select id from programme_resource where active order by id limit 1"),
            visit("/resources/{id}/retire", "trainer", "select id from programme_resource where active order by id limit 1"),
            visit("/people/{id}/resources", "coordinator", SAM_ID));

    /** Pages reached only on the way to making the test's own records, and checked there (makeOwnRecords). */
    private static final Map<String, String> CHECKED_WHILE_MAKING_RECORDS = Map.of(
            "GET /account/activate/{token}", "the invitation link of the test's own team leader, opened signed out",
            "GET /account/record-check", "the test's own person's first sign-in, before they say the record is theirs",
            "GET /admin/instruments/content/previews/{id}", "the administrator's preview of wording they uploaded, "
                    + "on a desktop and on a phone, left waiting");

    private static final String JSON = "JSON for other systems, not a page";
    private static final String FHIR = "FHIR JSON for other systems, not a page";

    /** GET routes that are not pages, and why they are not checked here. */
    private static final Map<String, String> NOT_PAGES = Map.ofEntries(
            entry("GET /api/v1/instruments", JSON),
            entry("GET /api/v1/instruments/{id}", JSON),
            entry("GET /api/v1/people", JSON),
            entry("GET /api/v1/people/{id}", JSON),
            entry("GET /api/v1/people/{id}/recovery-plan", JSON),
            entry("GET /api/v1/people/{id}/contacts", JSON),
            entry("GET /api/v1/teams", JSON),
            entry("GET /api/v1/teams/{id}/programme", JSON),
            entry("GET /api/v1/teams/{id}/sessions", JSON),
            entry("GET /api/v1/teams/{id}/projects", JSON),
            entry("GET /api/v1/teams/{id}/participation", JSON),
            entry("GET /api/v1/organisations/{id}/participation", JSON),
            entry("GET /api/v1/audit", JSON),
            entry("GET /fhir/Questionnaire", FHIR),
            entry("GET /fhir/Questionnaire/{id}", FHIR),
            entry("GET /fhir/QuestionnaireResponse", FHIR),
            entry("GET /fhir/QuestionnaireResponse/{id}", FHIR),
            entry("GET /fhir/Observation", FHIR),
            entry("GET /fhir/Observation/{id}", FHIR),
            entry("GET /people/{id}/plan.pdf", "a PDF download (the plan page it comes from is checked)"),
            entry("GET /resources/{id}/file", "the resource's own file, downloaded as uploaded"),
            entry("GET /measures/imports/{id}/problems.csv", "a CSV download of an import's problems"),
            entry("GET /admin/audit/export", "a CSV download of the audit trail"),
            entry("GET /session/keep-alive", "answers 204 with no content while someone types (H-06)"),
            // The import page swaps this part of itself in while an import runs; that page is checked.
            entry("GET /measures/imports/{id}/progress", "a fragment of /measures/imports/{id}, not a page of its own"));

    private static final int[] DESKTOP = {1280, 900};
    private static final int[] PHONE = {320, 640};

    @Autowired
    JdbcClient jdbc;

    private final Map<String, Page> sessions = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> checked = new LinkedHashSet<>();
    private int checks;

    @Test
    void everyGetRouteIsAPageCheckedHereOrSaysWhyNot() {
        Set<String> listed = new TreeSet<>();
        PAGES.forEach(v -> listed.add(v.route()));
        listed.addAll(CHECKED_WHILE_MAKING_RECORDS.keySet());
        Set<String> getRoutes = new TreeSet<>(getRoutes().keySet());
        Set<String> missing = new TreeSet<>(getRoutes);
        missing.removeAll(listed);
        missing.removeAll(NOT_PAGES.keySet());
        assertThat(missing).as("GET routes of the route matrix that this test neither opens nor says why not: add each "
                + "to PAGES (who opens it, and SQL for its id) or to NOT_PAGES (why it is not a page)").isEmpty();
        Set<String> stale = new TreeSet<>(listed);
        stale.addAll(NOT_PAGES.keySet());
        stale.removeAll(getRoutes);
        assertThat(stale).as("routes listed here that are not GET routes of the route matrix").isEmpty();
        assertThat(listed).as("routes both checked and said not to be pages").doesNotContainAnyElementsOf(NOT_PAGES.keySet());
        PAGES.forEach(v -> {
            String who = getRoutes().get(v.route());
            assertThat(v.id() == null).as(v.route() + ": an id query exactly when the path has a variable")
                    .isEqualTo(!v.route().contains("{"));
            assertThat(allowed(who, v.user())).as(v.route() + " is for " + who + ", not " + v.user()).isTrue();
        });
    }

    @Test
    void everyPageAnyoneCanOpenPassesAxeOnADesktopAndServiceUsersPagesOnAPhoneToo() {
        long started = System.nanoTime();
        try {
            axeFindsAFaultWhenThereIsOne();
            makeOwnRecords();
            // One signed-in browser page per user: all their desktop pages, then all their phone pages.
            Map<String, String> who = getRoutes();
            Set<String> openedByAServiceUser = PAGES.stream().filter(v -> SERVICE_USERS.contains(v.user()))
                    .map(Visit::route).collect(Collectors.toSet());
            Map<String, Set<Check>> byUser = new LinkedHashMap<>();
            for (Visit v : PAGES) {
                String path = v.route().substring("GET ".length());
                String id = v.id() == null ? null : jdbc.sql(v.id()).query(Long.class).optional().map(String::valueOf)
                        .orElse(null);
                if (v.id() != null && id == null) {
                    problems.add(v.route() + ": no record found by " + v.id());
                    continue;
                }
                String url = id == null ? path : path.replace("{id}", id);
                byUser.computeIfAbsent(v.user(), u -> new LinkedHashSet<>()).add(new Check(v.route(), url, false));
                if (SERVICE_USERS.contains(v.user()) || v.user().equals(NOBODY)) {
                    byUser.get(v.user()).add(new Check(v.route(), url, true));
                } else if (allowed(who.get(v.route()), "serviceuser") && !openedByAServiceUser.contains(v.route())) {
                    // Staff open Sam's records; Sam opens the same ones on a phone.
                    byUser.computeIfAbsent("serviceuser", u -> new LinkedHashSet<>()).add(new Check(v.route(), url, true));
                }
            }
            byUser.forEach((user, list) -> {
                Page tab = session(user);
                list.stream().filter(c -> !c.phone()).forEach(c -> check(tab, c.route(), c.url(), user, false));
                list.stream().filter(Check::phone).forEach(c -> check(tab, c.route(), c.url(), user, true));
            });
        } finally {
            sessions.values().forEach(p -> p.context().close());
            System.err.printf("[every page] %d axe checks of %d routes in %.0f s%n", checks, checked.size(),
                    (System.nanoTime() - started) / 1e9);
        }
        Set<String> notChecked = new TreeSet<>();
        PAGES.forEach(v -> notChecked.add(v.route()));
        notChecked.addAll(CHECKED_WHILE_MAKING_RECORDS.keySet());
        notChecked.removeAll(checked);
        notChecked.forEach(route -> problems.add(route + ": never checked"));
        assertThat(problems).as(problems.size() + " problems (page, who, size: rule (impact) what at which elements):\n"
                + String.join("\n", problems)).isEmpty();
    }

    private record Check(String route, String url, boolean phone) {
    }

    /**
     * Opens the page and runs axe on it; any violation, or a page that did not open as itself (a redirect, an
     * error status), is kept in {@link #problems} and the checks go on.
     */
    private void check(Page tab, String route, String url, String user, boolean phone) {
        int[] size = phone ? PHONE : DESKTOP;
        tab.setViewportSize(size[0], size[1]);
        String where = route + " as " + user + (phone ? " on a phone" : " on a desktop") + " (" + url + ")";
        int before = problems.size();
        Response response = tab.navigate(url);
        String landed = URI.create(tab.url()).getRawPath();
        String asked = URI.create(url.startsWith("http") ? url : "http://localhost" + url).getRawPath();
        if (response == null || response.status() != 200 || !landed.equals(asked)) {
            // The browser's own console line for an error status says nothing more than this does.
            problems.subList(before, problems.size()).clear();
            problems.add(where + ": did not open (HTTP " + (response == null ? "none" : response.status())
                    + ", at " + landed + ")");
            return;
        }
        if (tab.frames().size() != 1) {
            problems.add(where + ": has a frame, which axe as run here does not look into");
        }
        problems.addAll(violations(tab).stream().map(v -> where + ": " + v).toList());
        if (!phone) {
            tab.setViewportSize(PHONE[0], PHONE[1]);
        }
        // The NHS.UK header moves the links that no longer fit into its "More" menu a moment after a resize.
        try {
            tab.waitForFunction(FITS, null, new Page.WaitForFunctionOptions().setTimeout(2_000));
        } catch (com.microsoft.playwright.TimeoutError stillTooWide) {
            // Said below, with what reaches past the edge.
        }
        String sideways = (String) tab.evaluate(SCROLLS_SIDEWAYS);
        if (sideways != null) {
            problems.add(route + " as " + user + " at " + PHONE[0] + " px (" + url + "): " + sideways);
        }
        checks++;
        checked.add(route);
        if (!user.equals(OWN_PERSON) && url.matches("/measures/responses/\\d+/(questions|hand-back)")) {
            handBack(tab, url);
        }
    }

    /** Staff take back the device they handed to the person for a questionnaire given in a session. */
    private static void handBack(Page tab, String questionsUrl) {
        tab.navigate(questionsUrl.replaceAll("/(questions|hand-back)$", "/hand-back"));
        tab.getByLabel("Your password").fill(OWN_PASSWORD);
        button(tab, "Carry on").click();
        assertThat(tab.locator("h1")).not().containsText("Thank you");
    }

    /**
     * WCAG 2.2 1.4.10 Reflow: at 320 CSS px nothing makes the page scroll sideways. Null when nothing does;
     * otherwise how wide the page is and the first elements that reach past its right edge.
     */
    private static final String FITS =
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1";

    private static final String SCROLLS_SIDEWAYS = """
            () => {
              const root = document.documentElement;
              if (root.scrollWidth <= root.clientWidth + 1) return null;
              const wide = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1 && e.getClientRects().length)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > root.clientWidth + 1))
                .slice(0, 3)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
                  ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"');
              return 'scrolls sideways: the page is ' + root.scrollWidth + ' px wide; reaching past the edge: ' + wide.join(', ');
            }""";

    /** A page with an image and no text alternative: axe as run here must say so, or this test checks nothing. */
    private void axeFindsAFaultWhenThereIsOne() {
        Page faulty = newPage();
        faulty.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>A fault</title></head><body><main>"
                + "<h1>A fault</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
        assertThat(violations(faulty)).as("axe on a page with an image that has no alt text")
                .anyMatch(v -> v.startsWith("image-alt (critical)"));
        faulty.context().close();
    }

    /** A browser page of its own, signed in as the user (or not at all, for nobody), kept for all their checks. */
    private Page session(String user) {
        return sessions.computeIfAbsent(user, u -> {
            Page own = newPage();
            if (!u.equals(NOBODY)) {
                signIn(own, u, u.equals(OWN_LEADER) || u.equals(OWN_PERSON) ? OWN_PASSWORD : PASSWORD);
            }
            return own;
        });
    }

    private Page newPage() {
        BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port));
        Page own = context.newPage();
        own.setDefaultTimeout(45_000);
        own.setDefaultNavigationTimeout(60_000);
        own.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add("browser console error on " + own.url() + ": " + message.text());
            }
        });
        return own;
    }

    private static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, "Sign in").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /**
     * The test's own team, its team leader and a person on it with their own account, all made as the
     * administrator does, through the pages; then what the demo data lacks: uploaded wording waiting to be
     * checked, an in-progress questionnaire, an import, a project in the team and a copy of the programme
     * template. The invitation link, the first sign-in's record check and the wording's preview are checked
     * with axe on the way.
     */
    private void makeOwnRecords() {
        Page admin = session("admin");
        admin.navigate("/admin/teams/new");
        admin.getByLabel("Site").selectOption(new SelectOption().setLabel(DEMO_SITE));
        admin.getByLabel("Team name").fill(OWN_TEAM_NAME);
        button(admin, "Save team").click();
        assertThat(admin.locator("main")).containsText(OWN_TEAM_NAME);
        String leaderInvitation = invite(admin, OWN_LEADER, "Lee Everypage (test team leader)", "TEAM_LEADER");

        admin.navigate("/admin/people/new");
        admin.getByLabel("Given name").fill("Jordan");
        admin.getByLabel("Family name").fill(OWN_FAMILY_NAME);
        admin.getByLabel("Date of birth").fill("1979-03-15");
        admin.getByLabel("Team").selectOption(new SelectOption().setLabel(OWN_TEAM_NAME + ", " + DEMO_SITE));
        button(admin, "Save").click();
        assertThat(admin.locator("main")).containsText("Change details and assignment");
        long person = jdbc.sql(OWN_PERSON_ID).query(Long.class).single();
        admin.navigate("/admin/accounts/new");
        admin.getByLabel("Record number", new Page.GetByLabelOptions().setExact(true)).fill(Long.toString(person));
        button(admin, "Search").click();
        admin.getByLabel("Jordan " + OWN_FAMILY_NAME).check();
        String personInvitation = invite(admin, OWN_PERSON, "Jordan Everypage", "SERVICE_USER");

        // Uploaded wording waits for its uploader to check it (H-09): the preview is checked, and left waiting, so
        // that no wording in use changes.
        admin.navigate("/admin/instruments/content");
        Path wording = wordingFile();
        admin.locator("#file").setInputFiles(wording);
        button(admin, "Check and preview").click();
        assertThat(admin.locator("h1")).containsText("Check the wording of");
        String preview = URI.create(admin.url()).getRawPath();
        for (boolean phone : new boolean[] {false, true}) {
            check(admin, "GET /admin/instruments/content/previews/{id}", preview, "admin", phone);
        }
        wording.toFile().delete();

        admin.navigate("/programme/templates/" + jdbc.sql("select id from programme_template where is_default")
                .query(Long.class).single() + "/copy");
        admin.getByLabel("Organisation").selectOption(new SelectOption().setLabel(DEMO_ORGANISATION));
        admin.getByLabel("Template name").fill(OWN_TEMPLATE_NAME);
        button(admin, "Copy template").click();
        assertThat(admin.locator("h1")).containsText(OWN_TEMPLATE_NAME);

        // Invitations are opened signed out, where anyone opening one would be: on a desktop and on a phone.
        Page anyone = newPage();
        for (boolean phone : new boolean[] {false, true}) {
            check(anyone, "GET /account/activate/{token}", leaderInvitation, NOBODY, phone);
        }
        setPassword(anyone, leaderInvitation);
        setPassword(anyone, personInvitation);
        anyone.context().close();

        // The team leader assigns the person a questionnaire, gives them another in a session, imports a
        // response for them and starts a project.
        Page leader = session(OWN_LEADER);
        leader.navigate("/people/" + person + "/measures/assign");
        leader.locator("input[name=instrument][value='qpr-15']").check();
        leader.locator("input[name=completion][value=SELF]").check();
        leader.getByLabel("When is it first due?").fill(LocalDate.now(ZoneId.of("Europe/London")).toString());
        leader.locator("input[name=repeat][value='ONCE']").check();
        button(leader, "Assign").click();
        assertThat(leader.locator(".nhsuk-notification-banner")).containsText("Questionnaire assigned");

        leader.navigate("/people/" + person + "/measures");
        leader.getByLabel("Give a questionnaire now, in this session").selectOption("wemwbs");
        button(leader, "Start now").click();
        assertThat(leader.locator("h1")).containsText("Page 1 of");
        handBack(leader, leader.url());

        leader.navigate("/measures/imports/new");
        leader.getByLabel("Questionnaire").selectOption("qpr-15");
        Path file = responsesFile(person);
        leader.locator("#file").setInputFiles(file);
        button(leader, "Check and import").click();
        assertThat(leader.locator("main")).containsText("1 response stored",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        file.toFile().delete();

        leader.navigate("/programme/teams/" + jdbc.sql(OWN_TEAM_ID).query(Long.class).single() + "/projects/new");
        leader.getByLabel("Project name").fill(OWN_PROJECT_TITLE);
        leader.getByLabel("Aims").fill("To open every page once and check it.");
        button(leader, "Save").click();
        assertThat(leader.locator(".nhsuk-notification-banner")).containsText("Project started");

        // The person's first sign-in asks whether the record is theirs; then they start the questionnaire.
        Page own = newPage();
        signIn(own, OWN_PERSON, OWN_PASSWORD);
        for (boolean phone : new boolean[] {false, true}) {
            check(own, "GET /account/record-check", "/account/record-check", OWN_PERSON, phone);
        }
        button(own, "Yes, this is me").click();
        assertThat(own.locator(".nhsuk-notification-banner")).containsText("You can now see your plan");
        own.navigate("/people/" + person + "/measures");
        button(own, "Start QPR-15").click();
        assertThat(own.locator("h1")).containsText("Page 1 of");
        sessions.put(OWN_PERSON, own);
    }

    /**
     * Invites an account from the administrator's new-account form (already at it, perhaps with a record
     * chosen); the link to set a password.
     */
    private static String invite(Page admin, String username, String name, String role) {
        if (!admin.url().endsWith("/admin/accounts/new") && !admin.url().endsWith("/admin/accounts#find-results")) {
            admin.navigate("/admin/accounts/new");
        }
        admin.getByLabel("Username").fill(username);
        admin.getByLabel("Full name").fill(name);
        admin.getByLabel("Role").selectOption(role);
        if (role.equals("TEAM_LEADER")) {
            admin.getByLabel(OWN_TEAM_NAME).check();
        }
        button(admin, "Invite").click();
        if (role.equals("SERVICE_USER")) {
            button(admin, "Yes, link this account").click();
        }
        assertThat(admin.locator("#invitation-link")).containsText("/account/activate/");
        return admin.locator("#invitation-link").textContent().trim();
    }

    private static void setPassword(Page page, String invitation) {
        page.navigate(invitation);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(OWN_PASSWORD);
        page.getByLabel("Type your new password again").fill(OWN_PASSWORD);
        button(page, "Set password").click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("You can now sign in");
    }

    /** A CSV file of one QPR-15 response for the person, as a service would export it. */
    private Path responsesFile(long person) {
        String born = jdbc.sql("select date_of_birth::text from person where id = ?").param(person).query(String.class)
                .single();
        String header = "person_id,date_of_birth,completed_on," + IntStream.rangeClosed(1, 15)
                .mapToObj("qpr_%02d"::formatted).collect(Collectors.joining(","));
        try {
            Path file = Files.createTempFile("every-page", ".csv");
            Files.writeString(file, header + "\n" + person + "," + born + ",2025-06-01" + ",3".repeat(15) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo wording of INSPIRE (the longest questionnaire), as a content file of its own. */
    private static Path wordingFile() {
        try {
            Path file = Files.createTempFile("every-page", ".json");
            Files.writeString(file, ContentFiles.demo("inspire"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static boolean allowed(String who, String user) {
        if (who == null) {
            return false;
        }
        if (who.equals("ANYONE")) {
            return true;
        }
        if (user.equals(NOBODY)) {
            return false;
        }
        if (who.equals("SIGNED_IN")) {
            return true;
        }
        String role = user.equals(OWN_LEADER) ? "teamlead" : user.equals(OWN_PERSON) ? "serviceuser" : user;
        return List.of(who.split(",")).contains(role);
    }

    /** The {@code GET} routes of the route matrix and who may use them ({@code AuthorisationMatrixTest} checks it). */
    private static Map<String, String> getRoutes() {
        return org.refocus.testing.RouteMatrix.gets();
    }
}
