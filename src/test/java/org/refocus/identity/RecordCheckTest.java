package org.refocus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.refocus.people.People;
import org.refocus.people.PersonDetails;
import org.refocus.testing.ActingAs;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Hazard H-03: whoever signs in with a service-user account first sees the name and date of birth on the
 * record it is linked to, and nothing else of it, until they say it is theirs. Saying it is not takes
 * the link off and tells the administrator.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordCheckTest extends DatabaseTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void nothingOfTheRecordIsShownUntilTheAccountHolderSaysItIsTheirs() throws Exception {
        long robin = person("Robin", "Checkley", LocalDate.of(1984, 5, 6), "9434765943");
        long account = serviceUser("robin.check", robin);
        Cookie session = signIn("robin.check");

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/record-check"));
        // A bookmarked page of the record leads to the check; the API answers "not found".
        mvc.perform(get("/people/" + robin + "/plan").cookie(session)).andExpect(redirectedUrl("/account/record-check"));
        mvc.perform(get("/api/v1/people/" + robin).cookie(session)).andExpect(status().isNotFound());
        String check = HtmlUtils.htmlUnescape(mvc.perform(get("/account/record-check").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(check).contains("Check this is you").contains("Robin Checkley").contains("6 May 1984")
                .contains("Yes, this is me").contains("No, this is not me")
                .doesNotContain("943 476 5943").doesNotContain("Riverside");

        mvc.perform(post("/account/record-check").param("answer", "mine").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/people/" + robin + "/plan").cookie(session)).andExpect(status().isOk());
        assertThat(trailOf(robin)).contains("the account holder said this record is theirs");

        // Checked once: the next sign-in goes straight in, and the check page has nothing more to ask.
        Cookie later = signIn("robin.check");
        mvc.perform(get("/").cookie(later)).andExpect(status().isOk());
        mvc.perform(get("/account/record-check").cookie(later)).andExpect(redirectedUrl("/"));
        assertThat(accounts.account(account).personId()).isEqualTo(robin);
    }

    @Test
    void sayingItIsNotTheirsTakesTheLinkOffAndTheAdministratorIsToldUntilARecordIsLinkedAgain() throws Exception {
        long kit = person("Kit", "Notmine", LocalDate.of(1991, 3, 4), null);
        long account = serviceUser("kit.notmine", kit);
        Cookie session = signIn("kit.notmine");

        mvc.perform(post("/account/record-check").param("answer", "notMine").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/account/record-check/refused"));
        assertThat(mvc.perform(get("/account/record-check/refused").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Thank you for telling us");
        mvc.perform(get("/people/" + kit + "/plan").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accounts.account(account).personId()).isNull();
        assertThat(trailOf(kit)).contains("the account holder said this record is not theirs; person link removed");

        String today = LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertThat(HtmlUtils.htmlUnescape(adminPage(account))).contains("Not their record").contains("On " + today
                + " the account holder said the record linked to this account was not theirs");

        // The administrator links the right record: the notice goes, and the holder checks the new one.
        long right = person("Kit", "Rightone", LocalDate.of(1991, 3, 4), null);
        ActingAs.call(users, "admin", () -> {
            AccountView now = accounts.account(account);
            accounts.update(account, now.displayName(), null, Role.SERVICE_USER, right, Set.of(), now.version());
            return null;
        });
        assertThat(adminPage(account)).doesNotContain("Not their record");
        Cookie again = signIn("kit.notmine");
        mvc.perform(get("/").cookie(again)).andExpect(redirectedUrl("/account/record-check"));
        assertThat(mvc.perform(get("/account/record-check").cookie(again)).andReturn().getResponse()
                .getContentAsString()).contains("Kit Rightone");
    }

    @Test
    void anAnswerThatIsNeitherAsksAgainAndStaffHaveNothingToCheck() throws Exception {
        long lee = person("Lee", "Undecided", null, null);
        long account = serviceUser("lee.undecided", lee);
        Cookie session = signIn("lee.undecided");
        mvc.perform(post("/account/record-check").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/account/record-check"));
        mvc.perform(post("/account/record-check").param("answer", "maybe").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/account/record-check"));
        mvc.perform(get("/people/" + lee + "/plan").cookie(session)).andExpect(redirectedUrl("/account/record-check"));
        mvc.perform(get("/api/v1/people/" + lee + "/recovery-plan").cookie(session)).andExpect(status().isNotFound());
        assertThat(accounts.account(account).personId()).isEqualTo(lee);
        // Date of birth not recorded: the check says so rather than showing nothing.
        assertThat(mvc.perform(get("/account/record-check").cookie(session)).andReturn().getResponse()
                .getContentAsString()).contains("Lee Undecided").contains("Not recorded");
    }

    private long person(String given, String family, LocalDate born, String nhsNumber) throws Exception {
        long team = jdbc.sql("select id from team where name = 'Riverside Community Mental Health Team'")
                .query(Long.class).single();
        return ActingAs.call(users, "admin", () -> people.create(new PersonDetails(given, family, null, born, nhsNumber,
                team, null)));
    }

    private long serviceUser(String username, long personId) throws Exception {
        Invitation invitation = ActingAs.call(users, "admin", () -> accounts.invite(new NewAccount(username,
                username, null, Role.SERVICE_USER, Set.of(), personId)));
        accounts.activate(invitation.token(), PASSWORD);
        return invitation.accountId();
    }

    private String adminPage(long account) throws Exception {
        return mvc.perform(get("/admin/accounts/" + account).with(user(users.loadUserByUsername("admin")))).andReturn()
                .getResponse().getContentAsString();
    }

    private Cookie signIn(String username) throws Exception {
        return mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/")).andReturn()
                .getResponse().getCookie("SESSION");
    }

    private java.util.List<String> trailOf(long personId) {
        return jdbc.sql("select coalesce(detail, '') from audit_entry where person_id = ? and record_type = 'account'")
                .param(personId).query(String.class).list();
    }
}
