package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Every resource belongs to one organisation, and only that organisation's staff and trainers reach it: to
 * anyone else it is "not found", exactly like a resource that does not exist, and each attempt is audited as
 * denied. Organisation A is the demo trust (rita.lead, coordinator, Sam); each test makes its own
 * organisation B (a team with a leader, a practitioner and a person), so the demo records stay as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResourceOwnerTest extends ResourceTestSupport {

    private static final AtomicInteger N = new AtomicInteger();
    private static final long MISSING = 987654321L;

    /** A second organisation with one team, its leader and practitioner, and a person on the team's caseload. */
    record Other(long organisation, long team, String leader, String practitioner, long person) {
    }

    @Test
    void aLeaderOfAnotherOrganisationFindsNothingOfItAndEveryAttemptIsAuditedAsDenied() throws Exception {
        Other b = otherOrganisation();
        long resource = addDocument("rita.lead", "Owner test: hearing voices " + N.incrementAndGet());
        String title = title(resource);

        assertThat(page("/resources", b.leader())).doesNotContain(title).doesNotContain("/resources/" + resource);
        List<RequestBuilder> attempts = List.of(
                get("/resources/" + resource).with(as(b.leader())),
                get("/resources/" + resource + "/file").with(as(b.leader())),
                get("/resources/" + resource + "/edit").with(as(b.leader())),
                post("/resources/" + resource).with(as(b.leader())).with(csrf()).param("kind", "LEAFLET")
                        .param("title", "Taken over").param("version", "0"),
                get("/resources/" + resource + "/retire").with(as(b.leader())),
                post("/resources/" + resource + "/retire").with(as(b.leader())).with(csrf()).param("version", "0"));
        for (RequestBuilder attempt : attempts) {
            long denied = denied(resource, b.leader());
            mvc.perform(attempt).andExpect(status().isNotFound());
            assertThat(denied(resource, b.leader())).as("one denied entry per attempt").isEqualTo(denied + 1);
        }
        assertThat(jdbc.sql("select title || '|' || active || '|' || version from programme_resource where id = ?")
                .param(resource).query(String.class).single()).isEqualTo(title + "|true|0");

        // Out of reach reads exactly like a resource that does not exist.
        assertThat(body(get("/resources/" + resource).with(as(b.leader()))))
                .isEqualTo(body(get("/resources/" + MISSING).with(as(b.leader()))));
        assertThat(body(get("/resources/" + resource + "/file").with(as(b.leader()))))
                .isEqualTo(body(get("/resources/" + MISSING + "/file").with(as(b.leader()))));

        // Retired, it is not in B's list of retired resources either, and B cannot bring it back.
        mvc.perform(post("/resources/" + resource + "/retire").with(as("rita.lead")).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/resources/" + resource));
        assertThat(page("/resources?show=retired", b.leader())).doesNotContain(title);
        long denied = denied(resource, b.leader());
        mvc.perform(post("/resources/" + resource + "/restore").with(as(b.leader())).with(csrf()).param("version", "1"))
                .andExpect(status().isNotFound());
        assertThat(denied(resource, b.leader())).isEqualTo(denied + 1);
        assertThat(active(resource)).isFalse();
    }

    @Test
    void aPractitionerCannotOfferAnotherOrganisationsResourceToTheirOwnPeople() throws Exception {
        Other b = otherOrganisation();
        long ours = addLink("rita.lead", "Owner test: recovery college " + N.incrementAndGet());
        long theirs = addLink(b.leader(), "Owner test: peer support in B " + N.incrementAndGet());
        assertThat(organisationOf(theirs)).isEqualTo(b.organisation());

        String form = page("/people/" + b.person() + "/resources", b.practitioner());
        assertThat(form).contains("<option value=\"" + theirs + "\"").doesNotContain("<option value=\"" + ours + "\"");
        long denied = denied(ours, b.practitioner());
        mvc.perform(post("/people/" + b.person() + "/resources").with(as(b.practitioner())).with(csrf())
                        .param("resourceId", Long.toString(ours)).param("offeredOn", "2026-01-05"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a resource from the library")));
        assertThat(offers(ours)).isZero();
        assertThat(denied(ours, b.practitioner())).isEqualTo(denied + 1);
        assertThat(jdbc.sql("""
                        select person_id from audit_entry where record_type = 'programme_resource' and record_id = ?
                          and outcome = 'DENIED' and actor_username = ? order by id desc limit 1""")
                .params(Long.toString(ours), b.practitioner()).query(Long.class).single()).isEqualTo(b.person());

        // Their own organisation's resource goes through, and the other way round is refused too.
        mvc.perform(post("/people/" + b.person() + "/resources").with(as(b.practitioner())).with(csrf())
                        .param("resourceId", Long.toString(theirs)).param("offeredOn", "2026-01-05"))
                .andExpect(redirectedUrl("/people/" + b.person() + "/resources"));
        assertThat(offers(theirs)).isEqualTo(1);
        long sam = sam();
        assertThat(page("/people/" + sam + "/resources", "coordinator")).doesNotContain("<option value=\"" + theirs + "\"");
        mvc.perform(post("/people/" + sam + "/resources").with(as("coordinator")).with(csrf())
                        .param("resourceId", Long.toString(theirs)).param("offeredOn", "2026-01-05"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a resource from the library")));
        assertThat(offers(theirs)).isEqualTo(1);
        assertThat(page("/resources", "coordinator")).doesNotContain(title(theirs));
    }

    @Test
    void theResourcesOwnOrganisationStillDoesEverything() throws Exception {
        otherOrganisation();
        long resource = addDocument("rita.lead", "Owner test: wellbeing plan " + N.incrementAndGet());
        assertThat(organisationOf(resource)).isEqualTo(demoOrganisation());
        String title = title(resource);

        assertThat(page("/resources", "coordinator")).contains(title);
        assertThat(page("/resources", "trainer")).contains(title);
        assertThat(page("/resources/" + resource, "coordinator")).contains(title);
        mvc.perform(get("/resources/" + resource + "/file").with(as("coordinator"))).andExpect(status().isOk());
        assertThat(page("/resources/" + resource + "/edit", "teamlead")).contains(title);
        mvc.perform(post("/resources/" + resource).with(as("teamlead")).with(csrf()).param("kind", "DOCUMENT")
                        .param("title", title + " (2)").param("version", "0"))
                .andExpect(redirectedUrl("/resources/" + resource));
        assertThat(page("/resources/" + resource + "/retire", "trainer")).contains("Retire this resource?");
        mvc.perform(post("/resources/" + resource + "/retire").with(as("trainer")).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/resources/" + resource));
        assertThat(page("/resources?show=retired", "rita.lead")).contains(title + " (2)");
        mvc.perform(post("/resources/" + resource + "/restore").with(as("rita.lead")).with(csrf()).param("version", "2"))
                .andExpect(redirectedUrl("/resources/" + resource));
        long sam = sam();
        mvc.perform(post("/people/" + sam + "/resources").with(as("coordinator")).with(csrf())
                        .param("resourceId", Long.toString(resource)).param("offeredOn", "2026-01-05"))
                .andExpect(redirectedUrl("/people/" + sam + "/resources"));
        // The person it was offered to downloads it; nobody else using the service does.
        mvc.perform(get("/resources/" + resource + "/file").with(as("serviceuser"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'programme_resource' "
                + "and record_id = ? and outcome = 'DENIED'").param(Long.toString(resource)).query(Long.class)
                .single()).isZero();
    }

    @Test
    void someoneWhoseTeamsBelongToTwoOrganisationsChoosesWhichOneANewResourceIsFor() throws Exception {
        Other b = otherOrganisation();
        Other c = otherOrganisation();
        String trainer = account("owner.trainer", "TRAINER", b.team());
        jdbc.sql("insert into team_membership (account_id, team_id) select id, ? from account where username = ?")
                .params(c.team(), trainer).update();
        String title = "Owner test: two organisations " + N.incrementAndGet();

        assertThat(page("/resources/new", trainer)).contains("Which organisation is this resource for?")
                .contains("<option value=\"" + b.organisation() + "\"")
                .contains("<option value=\"" + c.organisation() + "\"")
                .doesNotContain("<option value=\"" + demoOrganisation() + "\"");
        assertThat(page("/resources/new", "rita.lead")).doesNotContain("Which organisation is this resource for?");

        for (String chosen : new String[] {"", Long.toString(demoOrganisation())}) {
            mvc.perform(multipart("/resources").with(as(trainer)).with(csrf()).param("organisationId", chosen)
                            .param("kind", "LINK").param("title", title).param("url", "https://example.org/two"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Choose the organisation this resource is for")));
        }
        assertThat(jdbc.sql("select count(*) from programme_resource where title = ?").param(title).query(Long.class)
                .single()).isZero();

        mvc.perform(multipart("/resources").with(as(trainer)).with(csrf()).param("organisationId",
                        Long.toString(c.organisation())).param("kind", "LINK").param("title", title)
                        .param("url", "https://example.org/two"))
                .andExpect(status().is3xxRedirection());
        long resource = id(title);
        assertThat(organisationOf(resource)).isEqualTo(c.organisation());
        assertThat(page("/resources", c.leader())).contains(title);
        assertThat(page("/resources", b.leader())).doesNotContain(title);
        assertThat(page("/resources", trainer)).contains(title);
    }

    private Other otherOrganisation() {
        int n = N.incrementAndGet();
        String suffix = n + "." + System.nanoTime();
        long organisation = jdbc.sql("insert into organisation (name) values (?) returning id")
                .param("Owner test trust " + suffix).query(Long.class).single();
        long site = jdbc.sql("insert into site (organisation_id, name) values (?, 'Owner test site') returning id")
                .param(organisation).query(Long.class).single();
        long team = jdbc.sql("insert into team (site_id, name) values (?, 'Owner test team') returning id")
                .param(site).query(Long.class).single();
        String leader = account("owner.lead", "TEAM_LEADER", team);
        String practitioner = account("owner.practitioner", "PRACTITIONER", team);
        long person = jdbc.sql("""
                        insert into person (given_name, family_name, team_id, care_coordinator_id)
                        select 'Olive', 'Owner-Test', ?, id from account where username = ? returning id""")
                .params(team, practitioner).query(Long.class).single();
        return new Other(organisation, team, leader, practitioner, person);
    }

    private String account(String prefix, String role, long team) {
        String username = prefix + "." + N.incrementAndGet() + "." + System.nanoTime();
        long account = jdbc.sql("""
                        insert into account (username, display_name, role, status, password_hash)
                        select ?, 'Owner Test', ?, 'ACTIVE', password_hash from account where username = 'teamlead'
                        returning id""")
                .params(username, role).query(Long.class).single();
        jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(account, team).update();
        return username;
    }

    private long organisationOf(long resource) {
        return jdbc.sql("select organisation_id from programme_resource where id = ?").param(resource)
                .query(Long.class).single();
    }

    /** The demo trust: that of Sam's team (other tests add demo staff to further teams of it). */
    private long demoOrganisation() {
        return jdbc.sql("""
                        select s.organisation_id from person p join team t on t.id = p.team_id
                        join site s on s.id = t.site_id where p.id = ?""")
                .param(sam()).query(Long.class).single();
    }

    private long denied(long resource, String who) {
        return jdbc.sql("""
                        select count(*) from audit_entry where record_type = 'programme_resource' and record_id = ?
                          and outcome = 'DENIED' and actor_username = ?""")
                .params(Long.toString(resource), who).query(Long.class).single();
    }

    /** The "not found" page, less the sign-out form's CSRF token, which is masked afresh on every page. */
    private String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}
