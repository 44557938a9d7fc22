package org.refocus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
 * H-03: a service-user account opens one person's record, so the administrator sees whose record that
 * is (name, date of birth, NHS number) and confirms it before the link is saved, and a person who already
 * has an account cannot be given a second one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("admin")
class ServiceUserAccountLinkTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorSeesWhoseRecordItIsAndNothingIsSavedUntilTheyConfirm() throws Exception {
        long robin = person("Robin", "Linkworth", LocalDate.of(1984, 5, 6), "9434765919");
        long audited = viewsOf(robin);

        String page = mvc.perform(invite("robin.l", robin)).andExpect(status().isOk())
                .andExpect(view().name("identity/account-link-confirm"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Link this account to Robin Linkworth?").contains("6 May 1984")
                .contains("943 476 5919").contains("Riverside Community Mental Health Team")
                .contains("name=\"confirmedPersonId\" value=\"" + robin + "\"").contains("name=\"_csrf\"");
        assertThat(HtmlUtils.htmlUnescape(page)).contains("Yes, link this account").contains("No, choose another record");
        assertThat(usernameExists("robin.l")).isFalse();
        assertThat(viewsOf(robin)).isEqualTo(audited + 1);

        String location = mvc.perform(invite("robin.l", robin).param("confirmedPersonId", String.valueOf(robin)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(jdbc.sql("select person_id from account where username = 'robin.l'").query(Long.class).single())
                .isEqualTo(robin);

        String accountPage = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(accountPage).contains("Robin Linkworth, born 6 May 1984, NHS number 943 476 5919");
    }

    @Test
    void aConfirmationOfAnotherRecordNumberIsNotAConfirmationOfThisOne() throws Exception {
        long first = person("Alex", "Seventeen", null, null);
        long second = person("Alex", "Seventy", LocalDate.of(1990, 1, 2), null);

        String page = mvc.perform(invite("alex.s", second).param("confirmedPersonId", String.valueOf(first)))
                .andExpect(view().name("identity/account-link-confirm")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Alex Seventy").contains("2 January 1990").contains("Not recorded")
                .doesNotContain("Alex Seventeen");
        assertThat(usernameExists("alex.s")).isFalse();
    }

    @Test
    void noChangeGoesBackToTheFormWithWhatWasTyped() throws Exception {
        long kim = person("Kim", "Backstep", null, null);

        String form = mvc.perform(invite("kim.b", kim).param("change", "person")).andExpect(status().isOk())
                .andExpect(view().name("identity/account-form")).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"kim.b\"").contains("value=\"" + kim + "\"");
        assertThat(usernameExists("kim.b")).isFalse();
    }

    @Test
    void anUnknownRecordNumberIsAnErrorOnTheForm() throws Exception {
        long nobody = jdbc.sql("select coalesce(max(id), 0) + 1000 from person").query(Long.class).single();

        String form = mvc.perform(invite("no.one", nobody)).andExpect(view().name("identity/account-form"))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("There is no person with that record number");
        assertThat(usernameExists("no.one")).isFalse();
    }

    @Test
    void aPersonWhoAlreadyHasAnAccountIsNotLinkedToASecondOne() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();

        String form = mvc.perform(invite("sam.again", sam).param("confirmedPersonId", String.valueOf(sam)))
                .andExpect(status().isOk()).andExpect(view().name("identity/account-form")).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("nhsuk-error-summary").contains("Sam Example already has an account (serviceuser)");
        assertThat(usernameExists("sam.again")).isFalse();

        // Nor through the API, nor by moving another account's link onto Sam.
        assertThatThrownBy(() -> accounts.invite(new NewAccount("sam.again", "Sam Again", null, Role.SERVICE_USER,
                Set.of(), sam))).isInstanceOf(Accounts.PersonAlreadyLinkedException.class);
        long other = person("Jamie", "Elsewhere", null, null);
        long jamie = confirmedAccount("jamie.e", other);
        String edit = mvc.perform(change(jamie, sam).param("confirmedPersonId", String.valueOf(sam)))
                .andExpect(view().name("identity/account-form")).andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("Sam Example already has an account (serviceuser)");
        assertThat(accounts.account(jamie).personId()).isEqualTo(other);
    }

    @Test
    void changingTheLinkAsksAgainButOtherChangesDoNot() throws Exception {
        long first = person("Chris", "Original", null, null);
        long second = person("Chris", "Replacement", LocalDate.of(1970, 12, 31), null);
        long chris = confirmedAccount("chris.o", first);

        mvc.perform(change(chris, first, "Chris O")).andExpect(status().is3xxRedirection());
        assertThat(accounts.account(chris).displayName()).isEqualTo("Chris O");

        String page = mvc.perform(change(chris, second)).andExpect(view().name("identity/account-link-confirm"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Link this account to Chris Replacement?").contains("31 December 1970");
        assertThat(accounts.account(chris).personId()).isEqualTo(first);

        mvc.perform(change(chris, second).param("confirmedPersonId", String.valueOf(second)))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.account(chris).personId()).isEqualTo(second);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CHANGED' and record_type = 'account' "
                + "and record_id = ? and person_id = ?").params(String.valueOf(chris), first).query(Long.class)
                .single()).as("the trail of the person no longer linked shows it").isEqualTo(2);
    }

    private MockHttpServletRequestBuilder invite(String username, long personId) {
        return post("/admin/accounts").with(csrf()).param("username", username).param("displayName", username)
                .param("role", "SERVICE_USER").param("personId", String.valueOf(personId)).param("version", "0");
    }

    private MockHttpServletRequestBuilder change(long accountId, long personId) {
        return change(accountId, personId, accounts.account(accountId).displayName());
    }

    private MockHttpServletRequestBuilder change(long accountId, long personId, String displayName) {
        AccountView account = accounts.account(accountId);
        return post("/admin/accounts/" + accountId).with(csrf()).param("username", account.username())
                .param("displayName", displayName).param("role", "SERVICE_USER")
                .param("personId", String.valueOf(personId)).param("version", String.valueOf(account.version()));
    }

    private long confirmedAccount(String username, long personId) throws Exception {
        mvc.perform(invite(username, personId).param("confirmedPersonId", String.valueOf(personId)))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    private long person(String given, String family, LocalDate born, String nhsNumber) {
        long team = jdbc.sql("select id from team where name = 'Riverside Community Mental Health Team'")
                .query(Long.class).single();
        return people.create(new PersonDetails(given, family, null, born, nhsNumber, team, null));
    }

    private long viewsOf(long personId) {
        return jdbc.sql("select count(*) from audit_entry where action = 'VIEWED' and person_id = ? "
                + "and detail = 'account link' and actor_username = 'admin'").param(personId).query(Long.class).single();
    }

    private boolean usernameExists(String username) {
        return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class)
                .single() > 0;
    }
}
