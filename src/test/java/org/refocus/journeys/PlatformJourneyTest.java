package org.refocus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The foundation's journeys: an administrator sets up a team and a practitioner; people reach what is theirs. */
class PlatformJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void administratorSetsUpATeamAndAPractitionerWhoThenOpensAPersonOnTheirCaseload() {
        signIn("admin", PASSWORD);
        assertThat(page.locator("h1")).containsText("Hello, Ada Admin");
        checkAccessibility();

        // A team, with the error summary shown first for a missing name.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Teams").setExact(true)).first().click();
        checkAccessibility();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a team")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save team")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a name");
        checkAccessibility();
        page.getByLabel("Site").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Riverside Centre, Northshire Health NHS Foundation Trust (fictional demo)"));
        page.getByLabel("Team name").fill("Seaside Community Mental Health Team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save team")).click();
        assertThat(page.locator("main")).containsText("Seaside Community Mental Health Team");
        checkAccessibility();

        // A practitioner account in that team: the administrator gets a one-time link, never a password.
        page.navigate("/admin/accounts/new");
        checkAccessibility();
        page.getByLabel("Username").fill("pat.practitioner");
        page.getByLabel("Full name").fill("Pat Practitioner");
        page.getByLabel("Role").selectOption("PRACTITIONER");
        page.getByLabel("Seaside Community Mental Health Team").check();
        // Enter in a field invites, as the button at the end of the form does (not the record search on the way).
        page.getByLabel("Username").press("Enter");
        assertThat(page.locator("#invitation-link")).containsText("/account/activate/");
        checkAccessibility();
        String invitation = page.locator("#invitation-link").textContent().trim();

        // A person on the new team, with Pat as care coordinator (chosen once the team is saved).
        page.navigate("/admin/people/new");
        checkAccessibility();
        page.getByLabel("Given name").fill("Jo");
        page.getByLabel("Family name").fill("Sampleton");
        page.getByLabel("Date of birth").fill("1988-04-02");
        page.getByLabel("Team").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Seaside Community Mental Health Team, Riverside Centre, Northshire Health NHS Foundation Trust (fictional demo)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("main")).containsText("Change details and assignment");
        page.getByLabel("Care coordinator (optional)").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Pat Practitioner"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Saved");
        checkAccessibility();

        // Jo's own account (H-03): the administrator finds Jo's record, here on a phone, chooses it from what
        // was found, and sees whose record it will open and confirms before it is linked.
        long jo = jdbc.sql("select id from person where family_name = 'Sampleton'").query(Long.class).single();
        page.setViewportSize(320, 640);
        page.navigate("/admin/accounts/new");
        page.getByLabel("Username").fill("jo.sampleton");
        page.getByLabel("Full name").fill("Jo Sampleton");
        page.getByLabel("Role").selectOption("SERVICE_USER");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("S");
        Locator search = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true));
        search.click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter at least 2 letters of the name");
        checkAccessibility();
        // "Sam" finds many, Sam Example among them, shown but not to be chosen: Sam already has an account.
        // Enter in a search field searches.
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Sam");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).press("Enter");
        assertThat(page.locator("#find-taken")).containsText("Sam Example");
        assertThat(page.locator("#find-taken")).containsText("Already has an account (serviceuser, Active)");
        assertThat(page.getByLabel("Jo Sampleton")).isVisible();
        checkAccessibility();
        // Narrowed by the date of birth, one record is left.
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Sampleton");
        page.getByLabel("Day").fill("2");
        page.getByLabel("Month").fill("4");
        page.getByLabel("Year").fill("1988");
        search.click();
        assertThat(page.locator("#find-results")).containsText("1 record matches your search");
        assertThat(page.locator("#find-results")).containsText("Born 2 April 1988");
        assertThat(page.locator("#find-results")).containsText("Seaside Community Mental Health Team");
        checkAccessibility();
        page.getByLabel("Jo Sampleton").check();
        page.setViewportSize(1280, 720);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();
        assertThat(page.locator("h1")).hasText("Link this account to Jo Sampleton?");
        assertThat(page.locator("#person-to-link")).containsText("2 April 1988");
        assertThat(jdbc.sql("select count(*) from account where username = 'jo.sampleton'").query(Long.class).single())
                .as("nothing is linked before the confirmation").isZero();
        checkAccessibility();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, link this account")).click();
        assertThat(page.locator("#invitation-link")).containsText("/account/activate/");
        assertThat(page.locator("#linked-person")).containsText("Jo Sampleton, born 2 April 1988");
        String joInvitation = page.locator("#invitation-link").textContent().trim();
        checkAccessibility();
        signOut();

        // Pat sets a password with the link, signs in, finds Jo and opens their record.
        page.navigate(invitation);
        checkAccessibility();
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("sea views and long walks");
        page.getByLabel("Type your new password again").fill("sea views and long walks");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("You can now sign in");
        signIn("pat.practitioner", "sea views and long walks");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Caseload").setExact(true)).first().click();
        checkAccessibility();
        page.getByLabel("Search by name or NHS number").fill("Sampleton");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sampleton, Jo")).click();
        assertThat(page.locator("h1")).containsText("Jo Sampleton");
        checkAccessibility();

        // The person's page and the crisis card on it, each read once.
        assertThat(jdbc.sql("select record_type from audit_entry where person_id = ? and action = 'VIEWED' "
                + "and actor_username = 'pat.practitioner'").param(jo).query(String.class).list())
                .containsExactlyInAnyOrder("person", "recovery_crisis_contact");
        signOut();

        // Jo sets a password on their phone and, before anything of the record is shown, says that it is theirs (H-03).
        onAPhone();
        page.navigate(joInvitation);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("my own quiet garden");
        page.getByLabel("Type your new password again").fill("my own quiet garden");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        signIn("jo.sampleton", "my own quiet garden");
        assertThat(page.locator("h1")).hasText("Check this is you");
        assertThat(page.locator("#record-to-check")).containsText("Jo Sampleton");
        assertThat(page.locator("#record-to-check")).containsText("2 April 1988");
        checkAccessibility();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, this is me")).click();
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("You can now see your plan");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to your plan")).click();
        assertThat(page.locator("h1")).containsText("Jo Sampleton");
        assertThat(page.locator("#help-now-heading")).hasText("If you need help now");
        checkAccessibility();

        // Jo starts a goal; typing tells the server they are still there (H-06)...
        page.navigate("/people/" + jo + "/goals/new");
        Locator words = page.locator("#words");
        page.waitForRequest(request -> request.url().endsWith("/session/keep-alive"),
                () -> words.fill("Get back to swimming on Tuesday mornings"));
        // ...but if the session ends anyway (here: its cookie is gone), what they typed comes back to copy.
        page.context().clearCookies();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("You were signed out");
        assertThat(page.locator(".refocus-typed")).containsText("Get back to swimming on Tuesday mornings");
        checkAccessibility();
        assertThat(jdbc.sql("select count(*) from recovery_goal where person_id = ?").param(jo).query(Long.class)
                .single()).isZero();
    }

    @Test
    void serviceUserReachesTheirOwnRecordOnAPhoneAndNobodyElses() {
        onAPhone();
        signIn("serviceuser", PASSWORD);
        checkAccessibility();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to your plan")).click();
        assertThat(page.locator("h1")).containsText("Sam Example");
        checkAccessibility();

        long other = jdbc.sql("select id from person where id <> (select person_id from account "
                + "where username = 'serviceuser') order by id limit 1").query(Long.class).single();
        var response = openExpectingNotFound("/people/" + other);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).containsText("Page not found");
        checkAccessibility();
    }
}
