package org.refocus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** Invitation, first password, sign-in, throttling and deactivation, against the real database. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountLifecycleTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    @WithUserDetails("admin")
    void invitedPersonSetsTheirOwnPasswordOnceAndCanThenSignIn() throws Exception {
        Invitation invitation = accounts.invite(new NewAccount("new.practitioner", "New Practitioner", null,
                Role.PRACTITIONER, Set.of(), null));
        mvc.perform(formLogin().user("new.practitioner").password("anything-at-all")).andExpect(redirectedUrl("/login?error"));

        mvc.perform(post(invitation.path()).with(csrf()).param("password", "short")
                .param("confirmPassword", "short")).andExpect(status().isOk());
        mvc.perform(post(invitation.path()).with(csrf()).param("password", "a long enough passphrase")
                .param("confirmPassword", "a long enough passphrase")).andExpect(redirectedUrl("/login"));

        assertThat(accounts.invitationUsable(invitation.token())).isFalse();
        mvc.perform(formLogin().user("new.practitioner").password("a long enough passphrase"))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select password_hash from account where username = 'new.practitioner'")
                .query(String.class).single()).startsWith("{bcrypt}");
    }

    @Test
    void unknownInvitationTokensAreRefused() {
        assertThatThrownBy(() -> accounts.activate("no-such-token", "whatever whatever"))
                .isInstanceOf(Accounts.InvalidInvitationException.class);
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottledEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("researcher").password("wrong password " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user("researcher").password(PASSWORD)).andExpect(redirectedUrl("/login?throttled"));
        assertThat(jdbc.sql("select count(*) from audit_entry where actor_username = 'researcher' "
                + "and action = 'SIGN_IN_FAILED'").query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void signingInChangesTheSessionId() throws Exception {
        var session = new org.springframework.mock.web.MockHttpSession();
        String before = session.getId();
        var result = mvc.perform(formLogin().user("statistician").password(PASSWORD)).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void anAccountAndItsTeamsAreSavedTogetherOrNotAtAll() {
        long id = jdbc.sql("select id from account where username = 'trainer'").query(Long.class).single();
        var before = accounts.account(id);
        java.util.Set<Long> teams = new java.util.HashSet<>(jdbc.sql("select team_id from team_membership where "
                + "account_id = ?").param(id).query(Long.class).list());
        teams.add(-1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.update(id, "Renamed Trainer", null,
                before.role(), before.personId(), teams, before.version()))
                .isInstanceOf(org.refocus.shared.NotFoundException.class);
        assertThat(accounts.account(id).displayName()).isEqualTo(before.displayName());
        assertThat(accounts.account(id).version()).isEqualTo(before.version());
    }

    @Test
    void anAccountFormWithErrorsSaysSoInThePageTitle() throws Exception {
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/accounts")
                        .param("username", "").param("displayName", "").param("role", "PRACTITIONER")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(users.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("There is a problem").containsPattern("<title>Error: [^<]+</title>");
    }

    @Test
    @WithUserDetails("admin")
    void deactivatedAccountsCannotSignIn() throws Exception {
        Invitation invitation = accounts.invite(new NewAccount("leaving.soon", "Leaving Soon", null,
                Role.PRACTITIONER, Set.of(), null));
        accounts.activate(invitation.token(), "a long enough passphrase");
        accounts.deactivate(invitation.accountId());
        mvc.perform(formLogin().user("leaving.soon").password("a long enough passphrase"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DEACTIVATED' and record_id = ?")
                .param(String.valueOf(invitation.accountId())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChangedRoleEndsTheAccountsSessionsAtOnceButAChangedNameDoesNot() throws Exception {
        Invitation invitation = asAdmin(() -> accounts.invite(new NewAccount("changing.role", "Changing Role", null,
                Role.PRACTITIONER, Set.of(), null)));
        accounts.activate(invitation.token(), "a long enough passphrase");
        jakarta.servlet.http.Cookie session = mvc.perform(formLogin().user("changing.role")
                .password("a long enough passphrase")).andExpect(redirectedUrl("/")).andReturn().getResponse()
                .getCookie("SESSION");
        assertThat(session).as("the session cookie after signing in").isNotNull();
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());

        asAdmin(() -> {
            var before = accounts.account(invitation.accountId());
            accounts.update(before.id(), "Changed Name", null, before.role(), null, Set.of(), before.version());
            return null;
        });
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());

        asAdmin(() -> {
            var renamed = accounts.account(invitation.accountId());
            accounts.update(renamed.id(), renamed.displayName(), null, Role.TRAINER, null, Set.of(), renamed.version());
            return null;
        });
        // The practitioner's caseload is not offered to the trainer they now are: they must sign in again.
        mvc.perform(get("/caseload").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    private <T> T asAdmin(java.util.concurrent.Callable<T> call) throws Exception {
        return org.refocus.testing.ActingAs.call(users, "admin", call);
    }

    @Test
    void administratorCannotDeactivateThemselves() throws Exception {
        long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        mvc.perform(post("/admin/accounts/" + admin + "/deactivate").with(csrf())
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(redirectedUrl("/admin/accounts/" + admin));
        assertThat(jdbc.sql("select status from account where id = ?").param(admin).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void signInPageIsPublicAndEverythingElseAsksForSignIn() throws Exception {
        mvc.perform(get("/caseload")).andExpect(status().is3xxRedirection());
    }
}
