package org.refocus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.refocus.people.NhsNumber;
import org.refocus.people.People;
import org.refocus.people.PersonDetails;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * H-03: the administrator finds the record a service-user account is for by name, NHS number or date of
 * birth, and chooses it from what is found, instead of typing a record number; every search is audited
 * with whom it showed, never with what was searched for; nothing is linked before the confirmation page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("admin")
class AccountLinkSearchTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorFindsThePersonByNameByNhsNumberOrByDateOfBirthAndChoosesThemBeforeAnythingIsLinked()
            throws Exception {
        String nhsNumber = unusedNhsNumber();
        LocalDate born = LocalDate.of(1931, 7, 9);
        long morgan = person("Morgan", "Findwell", born, nhsNumber);
        long namesake = person("Morgan", "Findwellson", null, null);
        String spaced = NhsNumber.forDisplay(nhsNumber);

        String byName = search("morgan.f", "find.name", "findwell");
        assertThat(choices(byName)).containsExactly(morgan, namesake);
        assertThat(byName).contains("Morgan Findwell").contains("Born 9 July 1931").contains("NHS number " + spaced)
                .contains("Riverside Community Mental Health Team").contains("Record number " + morgan)
                .contains("2 records match your search").contains("Date of birth not recorded")
                .as("the search comes back to its results").contains("formaction=\"/admin/accounts#find-results\"");

        String byNhsNumber = search("morgan.f", "find.nhsNumber", spaced);
        assertThat(choices(byNhsNumber)).containsExactly(morgan);
        assertThat(byNhsNumber).contains("1 record matches your search");

        String byBirth = mvc.perform(searchRequest("morgan.f").param("find.bornDay", "9").param("find.bornMonth", "07")
                .param("find.bornYear", "1931")).andExpect(view().name("identity/account-form")).andReturn()
                .getResponse().getContentAsString();
        assertThat(choices(byBirth)).contains(morgan).doesNotContain(namesake);

        String byBoth = mvc.perform(searchRequest("morgan.f").param("find.name", "Morgan")
                .param("find.bornDay", "9").param("find.bornMonth", "7").param("find.bornYear", "1931"))
                .andReturn().getResponse().getContentAsString();
        assertThat(choices(byBoth)).containsExactly(morgan);
        assertThat(usernameExists("morgan.f")).as("a search saves nothing").isFalse();

        // Chosen, the record is shown for confirmation; only "Yes" links it.
        String confirm = mvc.perform(invite("morgan.f").param("personId", String.valueOf(morgan))
                        .param("find.nhsNumber", spaced))
                .andExpect(view().name("identity/account-link-confirm")).andReturn().getResponse()
                .getContentAsString();
        assertThat(confirm).contains("Link this account to Morgan Findwell?").contains("9 July 1931").contains(spaced)
                .contains("name=\"find.nhsNumber\" value=\"" + spaced + "\"");
        assertThat(usernameExists("morgan.f")).isFalse();

        // "No, choose another record" comes back to what the search found, with the record still chosen.
        String back = mvc.perform(invite("morgan.f").param("personId", String.valueOf(morgan))
                .param("find.nhsNumber", spaced).param("change", "person")).andExpect(view().name("identity/account-form"))
                .andReturn().getResponse().getContentAsString();
        assertThat(choices(back)).containsExactly(morgan);
        assertThat(back).containsPattern("value=\"" + morgan + "\"[^>]*checked");
        assertThat(usernameExists("morgan.f")).isFalse();

        mvc.perform(invite("morgan.f").param("personId", String.valueOf(morgan))
                .param("confirmedPersonId", String.valueOf(morgan))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select person_id from account where username = 'morgan.f'").query(Long.class).single())
                .isEqualTo(morgan);
    }

    @Test
    void eachSearchIsAuditedWithTheRecordsItShowedButNotWithWhatWasSearchedFor() throws Exception {
        long robin = person("Robin", "Auditsearch", LocalDate.of(1960, 2, 29), null);
        long shownBefore = audited("VIEWED", robin, "account link search");
        long listedBefore = listings();

        search("robin.a", "find.name", "Auditsearch");

        assertThat(audited("VIEWED", robin, "account link search")).isEqualTo(shownBefore + 1);
        assertThat(listings()).isEqualTo(listedBefore + 1);
        assertThat(jdbc.sql("select detail from audit_entry where action = 'LISTED' and detail like 'account link%' "
                + "order by id desc limit 1").query(String.class).single()).isEqualTo("account link search by name: 1 found");
        assertThat(jdbc.sql("select count(*) from audit_entry where detail ilike '%auditsearch%' "
                + "or record_id ilike '%auditsearch%'").query(Long.class).single())
                .as("what was searched for is personal data, not for the audit trail").isZero();

        search("robin.a", "find.name", "Nobody-Auditsearch-Matches-This");
        assertThat(listings()).as("a search that found nobody is audited too").isEqualTo(listedBefore + 2);
    }

    @Test
    void nothingMatchingAShortNameAndAnInvalidNhsNumberAreEachExplainedAndAreNotSearched() throws Exception {
        String none = search("nobody.x", "find.name", "Qzxwvnobody");
        assertThat(none).contains("No record matches your search").doesNotContain("name=\"personId\"");

        long listed = listings();
        String shortName = search("nobody.x", "find.name", "Q");
        assertThat(shortName).contains("nhsuk-error-summary").contains("Enter at least 2 letters of the name")
                .contains("href=\"#find-name\"");
        String badCheckDigit = search("nobody.x", "find.nhsNumber", "943 476 5918");
        assertThat(HtmlUtils.htmlUnescape(badCheckDigit)).contains("This is not a valid NHS number")
                .contains("href=\"#find-nhsNumber\"");
        String partDate = mvc.perform(searchRequest("nobody.x").param("find.bornDay", "9").param("find.bornYear", "1931"))
                .andReturn().getResponse().getContentAsString();
        assertThat(partDate).contains("Date of birth must include a day, a month and a year")
                .contains("href=\"#find-bornMonth\"")
                .containsPattern("<fieldset class=\"nhsuk-fieldset\" role=\"group\" aria-describedby=\"find-born-hint find-born-error\">")
                .containsPattern("<input [^>]*nhsuk-input--width-2 nhsuk-input--error[^>]*id=\"find-bornMonth\"")
                .containsPattern("<input [^>]*id=\"find-bornYear\"[^>]*value=\"1931\"")
                .containsPattern("<input [^>]*inputmode=\"numeric\"[^>]*id=\"find-bornDay\"[^>]*value=\"9\"");
        String nothing = mvc.perform(searchRequest("nobody.x")).andReturn().getResponse().getContentAsString();
        assertThat(nothing).contains("Enter a name, NHS number, date of birth or record number to search for");
        assertThat(nothing).as("searching is not told off for the rest of the form").doesNotContain("Choose a role");
        assertThat(listings()).isEqualTo(listed);
    }

    @Test
    void moreMatchesThanAreShownAskForANarrowerSearch() throws Exception {
        for (int i = 0; i < AccountAdminController.MOST_FOUND + 1; i++) {
            person("Alex" + (char) ('a' + i), "Manymatches", null, null);
        }

        String page = search("many.m", "find.name", "Manymatches");

        assertThat(choices(page)).hasSize(AccountAdminController.MOST_FOUND);
        assertThat(page).contains("More than " + AccountAdminController.MOST_FOUND + " records match your search").contains("refine your search");
    }

    @Test
    void aPersonWhoAlreadyHasAnAccountIsShownButCannotBeChosen() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();

        String page = search("sam.again", "find.recordNumber", String.valueOf(sam));

        assertThat(choices(page)).isEmpty();
        assertThat(page).contains("Sam Example").contains("Already has an account (serviceuser, Active)");
        // The account that has the record can keep it.
        long own = jdbc.sql("select id from account where username = 'serviceuser'").query(Long.class).single();
        String edit = mvc.perform(get("/admin/accounts/" + own)).andReturn().getResponse().getContentAsString();
        assertThat(choices(edit)).containsExactly(sam);
        assertThat(edit).containsPattern("value=\"" + sam + "\"[^>]*checked");
    }

    @Test
    @WithUserDetails("teamlead")
    void onlyAnAdministratorMaySearch() throws Exception {
        long listed = listings();
        mvc.perform(searchRequest("lead.x").param("find.name", "Sam")).andExpect(status().isForbidden());
        long account = jdbc.sql("select id from account where username = 'serviceuser'").query(Long.class).single();
        mvc.perform(post("/admin/accounts/" + account).with(csrf()).param("search", "search")
                .param("find.name", "Sam")).andExpect(status().isForbidden());
        assertThat(listings()).isEqualTo(listed);
    }

    @Test
    @WithUserDetails("serviceuser")
    void notEvenThePersonThemselvesMaySearch() throws Exception {
        mvc.perform(searchRequest("me.x").param("find.name", "Sam")).andExpect(status().isForbidden());
    }

    private String search(String username, String field, String value) throws Exception {
        return mvc.perform(searchRequest(username).param(field, value)).andExpect(status().isOk())
                .andExpect(view().name("identity/account-form")).andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder searchRequest(String username) {
        return post("/admin/accounts").with(csrf()).param("username", username).param("displayName", username)
                .param("role", "SERVICE_USER").param("version", "0").param("search", "search");
    }

    private static MockHttpServletRequestBuilder invite(String username) {
        return post("/admin/accounts").with(csrf()).param("username", username).param("displayName", username)
                .param("role", "SERVICE_USER").param("version", "0");
    }

    /** The record numbers offered as radios, in page order. */
    private static java.util.List<Long> choices(String page) {
        return Pattern.compile("<input[^>]*name=\"personId\"[^>]*value=\"(\\d+)\"").matcher(page).results()
                .map(m -> Long.valueOf(m.group(1))).toList();
    }

    private long person(String given, String family, LocalDate born, String nhsNumber) {
        long team = jdbc.sql("select id from team where name = 'Riverside Community Mental Health Team'")
                .query(Long.class).single();
        return people.create(new PersonDetails(given, family, null, born, nhsNumber, team, null));
    }

    private String unusedNhsNumber() {
        while (true) {
            String number = NhsNumber.withCheckDigit(String.valueOf(ThreadLocalRandom.current()
                    .nextLong(400_000_000L, 999_999_999L)));
            if (number != null && jdbc.sql("select count(*) from person where nhs_number = ?").param(number)
                    .query(Long.class).single() == 0) {
                return number;
            }
        }
    }

    private long audited(String action, long personId, String detail) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and person_id = ? and detail = ? "
                + "and actor_username = 'admin'").params(action, personId, detail).query(Long.class).single();
    }

    private long listings() {
        return jdbc.sql("select count(*) from audit_entry where action = 'LISTED' and detail like 'account link search%'")
                .query(Long.class).single();
    }

    private boolean usernameExists(String username) {
        return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class)
                .single() > 0;
    }
}
