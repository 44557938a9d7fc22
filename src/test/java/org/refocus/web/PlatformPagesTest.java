package org.refocus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the foundation's pages promise: headers, validation, conflicts, 404s, search and the audit trail. */
@SpringBootTest
@AutoConfigureMockMvc
class PlatformPagesTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signInPageSaysYouHaveSignedOutOnlyAfterSigningOut() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(not(containsString("You have signed out"))));
        mvc.perform(get("/login?signedOut")).andExpect(content().string(containsString("You have signed out")));
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndOtherSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void aChangeWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/organisations").param("name", "Sneaky Trust").param("version", "0")
                .with(as("admin"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from organisation where name = 'Sneaky Trust'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aTeamWithoutANameIsNotSavedAndTheFormSaysWhy() throws Exception {
        long site = jdbc.sql("select id from site where name = 'Hillview House'").query(Long.class).single();
        long before = jdbc.sql("select count(*) from team").query(Long.class).single();
        mvc.perform(post("/admin/teams").with(csrf()).with(as("admin")).param("siteId", String.valueOf(site))
                        .param("name", " ").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nhsuk-error-summary")))
                .andExpect(content().string(containsString("Enter a name")));
        assertThat(jdbc.sql("select count(*) from team").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theSecondOfTwoSimultaneousEditsIsRefusedAndNothingIsOverwritten() throws Exception {
        long team = jdbc.sql("select id from team where name like 'Hillview%'").query(Long.class).single();
        int version = jdbc.sql("select version from team where id = ?").param(team).query(Integer.class).single();
        String original = jdbc.sql("select name from team where id = ?").param(team).query(String.class).single();

        mvc.perform(post("/admin/teams/" + team).with(csrf()).with(as("admin")).param("siteId", "0")
                        .param("name", original).param("description", "First editor's words")
                        .param("active", "true").param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/teams"));
        mvc.perform(post("/admin/teams/" + team).with(csrf()).with(as("admin")).param("siteId", "0")
                        .param("name", original).param("description", "Second editor's words")
                        .param("active", "true").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else saved a change")));
        assertThat(jdbc.sql("select description from team where id = ?").param(team).query(String.class).single())
                .isEqualTo("First editor's words");
    }

    @Test
    void unknownAndMalformedIdsGiveAPageNotFoundRatherThanAnError() throws Exception {
        mvc.perform(get("/admin/teams/987654321").with(as("admin")))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("Page not found")));
        mvc.perform(get("/admin/teams/not-a-number").with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people/not-a-number").with(as("coordinator")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void caseloadFindsPeopleByNameOrNhsNumberAndPagesThrough() throws Exception {
        String nhs = samsNhsNumber();
        jakarta.servlet.http.Cookie session = signIn("coordinator");
        assertSearchFormPosts(session, "/caseload", "/caseload");
        searchCaseload(session, "example").andExpect(content().string(containsString("Example, Sam")));
        searchCaseload(session, nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6))
                .andExpect(content().string(containsString("Example, Sam")))
                .andExpect(content().string(containsString(">1 people<")));
        // Opening the caseload afresh (the menu, or Mine and Team) shows everyone again.
        mvc.perform(get("/caseload").param("scope", "TEAM").cookie(session))
                .andExpect(content().string(not(containsString(">1 people<"))));
        mvc.perform(get("/api/v1/people").param("scope", "TEAM").param("size", "10").param("page", "1")
                        .with(as("coordinator")))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items.length()").value(10));
    }

    @Test
    void theAdministratorsSearchForAPersonIsNotInTheAddress() throws Exception {
        String nhs = samsNhsNumber();
        jakarta.servlet.http.Cookie session = signIn("admin");
        assertSearchFormPosts(session, "/admin/people", "/admin/people/search");
        String shownAt = mvc.perform(post("/admin/people/search").param("q", nhs).param("team", "")
                        .with(csrf()).cookie(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(shownAt).doesNotContain(nhs);
        mvc.perform(get(shownAt).cookie(session))
                .andExpect(content().string(containsString(">1 people<")))
                .andExpect(content().string(containsString("Example")));
        mvc.perform(get("/admin/people").cookie(session))
                .andExpect(content().string(not(containsString(">1 people<"))));
    }

    @Test
    void theAdministratorsSearchForAnAccountIsNotInTheAddress() throws Exception {
        // A person's name, typed to find their account, went into /admin/accounts?q=... like the searches above.
        jakarta.servlet.http.Cookie session = signIn("admin");
        mvc.perform(get("/admin/accounts").cookie(session)).andExpect(content().string(
                containsString("<form action=\"/admin/accounts/search\" method=\"post\"")));
        String shownAt = mvc.perform(post("/admin/accounts/search").param("q", "Sam Example").with(csrf())
                        .cookie(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(shownAt).isEqualTo("/admin/accounts?page=0");
        String found = mvc.perform(get(shownAt).cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("serviceuser").doesNotContain("coordinator</");
        assertThat(mvc.perform(get("/admin/accounts").cookie(session)).andReturn().getResponse().getContentAsString())
                .as("opened afresh, the list shows everyone again").contains("coordinator");
    }

    private String samsNhsNumber() {
        return jdbc.sql("select nhs_number from person where given_name = 'Sam' and family_name = 'Example'")
                .query(String.class).single();
    }

    private void assertSearchFormPosts(jakarta.servlet.http.Cookie session, String page, String action)
            throws Exception {
        mvc.perform(get(page).cookie(session)).andExpect(content().string(
                containsString("<form action=\"" + action + "\" method=\"post\" role=\"search\">")));
    }

    /** A real sign-in's session, which keeps a search between requests as a browser's does. */
    private jakarta.servlet.http.Cookie signIn(String username) throws Exception {
        return mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                .formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/")).andReturn()
                .getResponse().getCookie("SESSION");
    }

    /**
     * Searches as the page's form does. What was searched for (a name, an NHS number) is personal data: it is
     * sent in the body, and neither the address searched from nor the one the results are shown at holds it,
     * so it stays out of browser history, proxy and access logs and Referer headers.
     */
    private org.springframework.test.web.servlet.ResultActions searchCaseload(jakarta.servlet.http.Cookie session,
            String q) throws Exception {
        String shownAt = mvc.perform(post("/caseload").param("q", q).param("scope", "TEAM").with(csrf())
                        .cookie(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(shownAt).doesNotContain(q.replace(" ", "")).doesNotContain(q.split(" ")[0]);
        org.springframework.test.web.servlet.ResultActions results =
                mvc.perform(get(shownAt).cookie(session)).andExpect(status().isOk());
        assertThat(results.andReturn().getResponse().getContentAsString())
                .doesNotContain("q=" + q.split(" ")[0]).doesNotContain("q=" + q.replace(" ", ""));
        return results;
    }

    @Test
    void thePersonsPageShowsTheNhsNumberInThreeGroupsAsTheNhsWritesIt() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        String nhs = jdbc.sql("select nhs_number from person where id = ?").param(sam).query(String.class).single();
        mvc.perform(get("/people/" + sam).with(as("coordinator")))
                .andExpect(content().string(containsString(nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " "
                        + nhs.substring(6))));
    }

    @Test
    void aPersonUsingServicesIsToldWhereToGetHelpNowFromTheirHomePage() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        mvc.perform(get("/").with(as("serviceuser")))
                .andExpect(content().string(containsString("If you need help now")))
                .andExpect(content().string(containsString("call 999")))
                .andExpect(content().string(containsString("NHS 111")))
                .andExpect(content().string(containsString("href=\"/people/" + sam + "/plan#crisis\"")));
        mvc.perform(get("/").with(as("coordinator")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("If you need help now"))));
    }

    @Test
    void everyPageOfAPersonUsingServicesSaysNobodyWatchesItAndWhereToGetHelpNow() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        String notWatched = "Nobody watches REFOCUS all the time";
        long response = jdbc.sql("select min(id) from measure_response where person_id = ? and status = 'COMPLETED'")
                .param(sam).query(Long.class).single();
        for (String path : List.of("/people/" + sam, "/people/" + sam + "/plan", "/people/" + sam + "/measures",
                "/measures/responses/" + response, "/people/" + sam + "/goals", "/projects", "/people/" + sam + "/resources")) {
            String html = mvc.perform(get(path).with(as("serviceuser"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).as(path).contains(notWatched).contains("NHS 111").contains("call 999")
                    .contains("href=\"/people/" + sam + "/plan#crisis\"");
        }
        // Also on the "page not found" page, which an exception handler draws.
        assertThat(mvc.perform(get("/recovery/goals/999999999").with(as("serviceuser"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).contains(notWatched).contains("call 999");
        // Said once on the home page, in its urgent card, and never to staff.
        String home = mvc.perform(get("/").with(as("serviceuser"))).andReturn().getResponse().getContentAsString();
        assertThat(home.split(notWatched, -1)).hasSize(2);
        assertThat(mvc.perform(get("/people/" + sam + "/plan").with(as("coordinator"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(notWatched);
    }

    @Test
    void everyPageAboutAPersonSaysWhoWithDateOfBirthAndNhsNumber() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        String nhs = jdbc.sql("select nhs_number from person where id = ?").param(sam).query(String.class).single();
        String grouped = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        for (String path : List.of("/people/" + sam + "/plan", "/people/" + sam + "/measures", "/people/" + sam + "/goals")) {
            String html = mvc.perform(get(path).with(as("coordinator"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            String banner = html.substring(html.indexOf("refocus-person-banner"), html.indexOf("</p>",
                    html.indexOf("refocus-person-banner")));
            assertThat(banner).as(path).contains("Sam Example").contains("Born").contains(grouped);
        }
        // Not repeated on the person's own page (it shows them in full), nor on pages about no one person.
        assertThat(mvc.perform(get("/people/" + sam).with(as("coordinator"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("refocus-person-banner\"");
        assertThat(mvc.perform(get("/caseload").with(as("coordinator"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("refocus-person-banner\"");
    }

    @Test
    void anInvalidOrDuplicateNhsNumberIsExplained() throws Exception {
        long team = jdbc.sql("select id from team where name like 'Hillview%'").query(Long.class).single();
        String taken = jdbc.sql("select nhs_number from person where nhs_number is not null limit 1")
                .query(String.class).single();
        mvc.perform(post("/admin/people").with(csrf()).with(as("admin")).param("givenName", "Kit")
                        .param("familyName", "Checkdigit").param("nhsNumber", "9990000001")
                        .param("teamId", String.valueOf(team)).param("version", "0"))
                .andExpect(content().string(containsString("Enter a valid NHS number")));
        mvc.perform(post("/admin/people").with(csrf()).with(as("admin")).param("givenName", "Kit")
                        .param("familyName", "Checkdigit").param("nhsNumber", taken)
                        .param("teamId", String.valueOf(team)).param("version", "0"))
                .andExpect(content().string(containsString("Another person already has this NHS number")));
        assertThat(jdbc.sql("select count(*) from person where family_name = 'Checkdigit'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aStaleChangeToAPersonsRecordShowsWhatTheOtherAdministratorSavedAndKeepsWhatWasTyped() throws Exception {
        long team = jdbc.sql("select id from team where name like 'Riverside%'").query(Long.class).single();
        mvc.perform(post("/admin/people").with(csrf()).with(as("admin")).param("givenName", "Rowan")
                        .param("familyName", "Twoeditors").param("dateOfBirth", "1990-03-04")
                        .param("teamId", String.valueOf(team)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        long person = jdbc.sql("select id from person where family_name = 'Twoeditors'").query(Long.class).single();
        mvc.perform(post("/admin/people/" + person).with(csrf()).with(as("admin")).param("givenName", "Rowan")
                        .param("familyName", "Twoeditors").param("preferredName", "Ro").param("dateOfBirth", "1990-03-04")
                        .param("teamId", String.valueOf(team)).param("version", "0"))
                .andExpect(status().is3xxRedirection());

        org.refocus.testing.TwoEditors.staleSaveShowsTheirsThenSavingAgainWorks(mvc, version ->
                        post("/admin/people/" + person).with(csrf()).with(as("admin")).param("givenName", "Rowena")
                                .param("familyName", "Twoeditors").param("dateOfBirth", "1990-03-04")
                                .param("teamId", String.valueOf(team)).param("version", Integer.toString(version)),
                0, 1, "Rowan Twoeditors. Preferred name: Ro. Born 4 March 1990.", "value=\"Rowena\"");
        assertThat(jdbc.sql("select given_name from person where id = ?").param(person).query(String.class).single())
                .isEqualTo("Rowena");
    }

    @Test
    void administratorsFilterTheAuditTrailAndExportItAsCsv() throws Exception {
        long person = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class)
                .single();
        mvc.perform(get("/people/" + person).with(as("coordinator"))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/audit").param("person", String.valueOf(person)).param("action", "VIEWED")
                        .param("user", "coordinator").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].actorUsername").value("coordinator"))
                .andExpect(jsonPath("$.items[0].personId").value(person))
                .andExpect(jsonPath("$.items[0].clientAddress").value("127.0.0.1"));

        String csv = mvc.perform(get("/admin/audit/export").param("person", String.valueOf(person))
                        .with(as("admin")))
                .andExpect(header().string("Content-Disposition", containsString("refocus-audit.csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("id,at,actor_id,actor_username,action,outcome,record_type,record_id,person_id");
        assertThat(csv).contains(",coordinator,VIEWED,ALLOWED,person," + person + "," + person + ",");

        mvc.perform(get("/admin/audit").param("person", "not-a-number").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("nhsuk-error-summary")));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
