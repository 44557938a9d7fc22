package org.refocus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A care coordinator between visits, on a phone, working through a person's goal with them. */
class CoordinatorOnAPhoneJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStepsWordsStayTogetherAboveItsChangeLinkAndItsDoneButtonBelowItsTagOnAPhone() {
        OwnCaseload own = OwnCaseload.create(jdbc, "Ines");
        signIn(own.practitioner(), PASSWORD);
        page.navigate("/people/" + own.person() + "/goals/new");
        page.locator("#words").fill("Get back to the allotment");
        button("Save").click();
        link("Add a step").click();
        page.locator("#what").fill("Ask the allotment society about a half plot near the gate");
        button("Save").click();
        assertThat(page.locator("h1")).containsText("Get back to the allotment");

        page.setViewportSize(390, 844);
        page.reload();
        checkAccessibility();
        Locator what = page.locator("#steps ~ table tbody tr").first().locator("td").first();
        Locator change = what.getByRole(AriaRole.LINK);
        // Where the step's own words end on the screen, and where its Change link is.
        @SuppressWarnings("unchecked")
        Map<String, Number> words = (Map<String, Number>) what.evaluate("""
                cell => {
                  const text = [...cell.querySelectorAll('*'), cell].flatMap(e => [...e.childNodes])
                      .find(n => n.nodeType === 3 && n.textContent.includes('half plot'));
                  const range = document.createRange();
                  range.selectNodeContents(text);
                  const r = range.getBoundingClientRect();
                  return { bottom: r.bottom, right: r.right };
                }""");
        var link = change.boundingBox();
        assertThat(link.y).as("the Change link is on its own line under the step, not between its words")
                .isGreaterThanOrEqualTo(words.get("bottom").doubleValue() - 1);
        Locator done = page.locator("#steps ~ table tbody tr").first().locator("td").nth(3);
        var tag = done.locator(".nhsuk-tag").boundingBox();
        var button = done.getByRole(AriaRole.BUTTON).boundingBox();
        assertThat(button.y).as("the Mark as done button is under the To do tag").isGreaterThanOrEqualTo(tag.y + tag.height - 1);
        assertThat(tag.height).as("the To do tag is one line high, not stretched beside the button").isLessThan(40);
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
    }

    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).first();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).first();
    }
}
