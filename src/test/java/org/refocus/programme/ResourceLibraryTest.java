package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Looking after the resource library: team leaders and trainers change a resource (audited, a stale edit
 * shows the newer version and overwrites nothing), retire it after a confirmation page (it leaves the
 * library and cannot be offered, while people it was offered to keep it, marked as no longer recommended)
 * and bring it back. Each test adds its own resources, so the shared demo library is left as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResourceLibraryTest extends ResourceTestSupport {

    @Test
    void aTeamLeaderOrTrainerChangesAResourceAndEveryChangeIsAudited() throws Exception {
        long resource = addLink("rita.lead", "Hearing voices network");
        assertThat(page("/resources/" + resource + "/edit", "rita.lead")).contains("Hearing voices network")
                .contains("name=\"version\" value=\"0\"");
        mvc.perform(post("/resources/" + resource).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", "Hearing Voices Network groups")
                        .param("summary", "Peer support groups near you").param("url", "https://www.hearing-voices.org")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/resources/" + resource))
                .andExpect(flash().attribute("flash", "resource.changed"));
        assertThat(jdbc.sql("select title || '|' || summary || '|' || version from programme_resource where id = ?")
                .param(resource).query(String.class).single())
                .isEqualTo("Hearing Voices Network groups|Peer support groups near you|1");
        assertThat(lastAudit(resource)).isEqualTo("CHANGED rita.lead changed title, summary, url");

        mvc.perform(post("/resources/" + resource).with(as("trainer")).with(csrf())
                        .param("kind", "LEAFLET").param("title", "Hearing Voices Network groups")
                        .param("summary", "Peer support groups near you").param("url", "https://www.hearing-voices.org")
                        .param("version", "1"))
                .andExpect(redirectedUrl("/resources/" + resource));
        assertThat(lastAudit(resource)).isEqualTo("CHANGED trainer changed kind");
    }

    @Test
    void aChangeThatBreaksTheRulesIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        long link = addLink("rita.lead", "Recovery college courses");
        long document = addDocument("rita.lead", "Wellness plan template");
        mvc.perform(post("/resources/" + link).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", " ").param("url", "https://example.org")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Change a resource")))
                .andExpect(content().string(containsString("Enter a title")));
        mvc.perform(post("/resources/" + link).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", "Courses").param("url", "").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the web address for a link")));
        mvc.perform(post("/resources/" + link).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", "Courses").param("url", "javascript:alert(1)")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a web address starting with https://")));
        mvc.perform(post("/resources/" + link).with(as("rita.lead")).with(csrf())
                        .param("kind", "DOCUMENT").param("title", "Courses").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This resource has no file, so it cannot be a document")));
        mvc.perform(post("/resources/" + document).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", "Plan").param("url", "https://example.org")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This resource has a file, so it cannot be a link")));
        mvc.perform(post("/resources/" + link).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", "Courses").param("url", "https://example.org"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This form is out of date")));
        assertThat(jdbc.sql("select count(*) from programme_resource where id in (?, ?) and version = 0")
                .params(link, document).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aStaleChangeShowsTheNewerVersionAndOverwritesNothing() throws Exception {
        long resource = addLink("rita.lead", "Side effects leaflet");
        mvc.perform(post("/resources/" + resource).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", "Side effects: what to ask")
                        .param("url", "https://example.org/side-effects").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(post("/resources/" + resource).with(as("trainer")).with(csrf())
                        .param("kind", "LINK").param("title", "Medication side effects")
                        .param("url", "https://example.org/side-effects").param("version", "0"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Someone else saved a change to this resource").contains("id=\"newer\"")
                .contains("Side effects: what to ask")
                // The form keeps what the trainer typed and now carries the newer version.
                .contains("value=\"Medication side effects\"").contains("name=\"version\" value=\"1\"");
        assertThat(title(resource)).isEqualTo("Side effects: what to ask");
        // Saving again, having seen the newer version, is the trainer's decision and goes through.
        mvc.perform(post("/resources/" + resource).with(as("trainer")).with(csrf())
                        .param("kind", "LINK").param("title", "Medication side effects")
                        .param("url", "https://example.org/side-effects").param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(title(resource)).isEqualTo("Medication side effects");
    }

    @Test
    void aRetiredResourceLeavesTheLibraryButPeopleItWasOfferedToKeepItMarked() throws Exception {
        long resource = addLink("rita.lead", "Five ways to wellbeing");
        long sam = sam();
        mvc.perform(post("/people/" + sam + "/resources").with(as("coordinator")).with(csrf())
                .param("resourceId", Long.toString(resource)).param("offeredOn", "2026-01-05"))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/resources/" + resource + "/retire", "trainer")).contains("Retire this resource?")
                .contains("1 person").contains("nhsuk-button--warning").contains("name=\"version\" value=\"0\"");
        mvc.perform(post("/resources/" + resource + "/retire").with(as("trainer")).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/resources/" + resource))
                .andExpect(flash().attribute("flash", "resource.retired"));
        assertThat(lastAudit(resource)).isEqualTo("DEACTIVATED trainer retired from the library");
        assertThat(jdbc.sql("select count(*) from programme_resource where id = ?").param(resource).query(Long.class)
                .single()).as("retired, never deleted").isEqualTo(1);

        assertThat(page("/resources", "coordinator")).doesNotContain("Five ways to wellbeing");
        assertThat(page("/resources?show=retired", "coordinator")).contains("Retired resources")
                .contains("Five ways to wellbeing");
        assertThat(page("/resources/" + resource, "coordinator")).contains("No longer recommended")
                .doesNotContain("Bring it back into the library");

        // It can no longer be offered: it is not a choice, and a forged offer is refused.
        long stillInUse = addLink("rita.lead", "Peer support workers");
        String offers = page("/people/" + sam + "/resources", "coordinator");
        assertThat(offers).contains("<option value=\"" + stillInUse + "\"")
                .doesNotContain("<option value=\"" + resource + "\"")
                .contains("Retired from the library. It cannot be offered again.");
        long offersBefore = offers(resource);
        mvc.perform(post("/people/" + sam + "/resources").with(as("coordinator")).with(csrf())
                        .param("resourceId", Long.toString(resource)).param("offeredOn", "2026-01-06"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a resource from the library")));
        assertThat(offers(resource)).isEqualTo(offersBefore);

        // Sam still sees what was offered, marked in plain words.
        assertThat(page("/people/" + sam + "/resources", "serviceuser")).contains("Five ways to wellbeing")
                .contains("No longer recommended").contains("Your team no longer recommends this.");
    }

    @Test
    void aRetiredResourceCanBeBroughtBackAndStaleRetiringOrBringingBackChangesNothing() throws Exception {
        long resource = addLink("rita.lead", "Crisis café opening times");
        // Someone changed it after this person opened the confirmation page (version 0).
        mvc.perform(post("/resources/" + resource).with(as("rita.lead")).with(csrf())
                        .param("kind", "LINK").param("title", "Crisis café: opening times")
                        .param("url", "https://example.org/cafe").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/resources/" + resource + "/retire").with(as("trainer")).with(csrf()).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("so it has not been retired")))
                .andExpect(content().string(containsString("Crisis café: opening times")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(active(resource)).isTrue();

        mvc.perform(post("/resources/" + resource + "/retire").with(as("trainer")).with(csrf()).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(active(resource)).isFalse();
        // Asking to retire it again just shows it.
        mvc.perform(get("/resources/" + resource + "/retire").with(as("trainer")))
                .andExpect(redirectedUrl("/resources/" + resource));
        assertThat(page("/resources/" + resource, "rita.lead")).contains("Bring it back into the library");

        var stale = mvc.perform(post("/resources/" + resource + "/restore").with(as("rita.lead")).with(csrf())
                        .param("version", "1"))
                .andExpect(redirectedUrl("/resources/" + resource))
                .andExpect(flash().attribute("problem", "resource.restore.conflict")).andReturn();
        assertThat(active(resource)).isFalse();
        // The flash attribute lives in the (JDBC) session: follow the redirect with its cookie.
        mvc.perform(get("/resources/" + resource).with(as("rita.lead"))
                        .cookie(stale.getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString("<title>Error: Crisis café: opening times")))
                .andExpect(content().string(containsString("Someone else changed this resource first")));

        mvc.perform(post("/resources/" + resource + "/restore").with(as("rita.lead")).with(csrf()).param("version", "2"))
                .andExpect(redirectedUrl("/resources/" + resource))
                .andExpect(flash().attribute("flash", "resource.restored"));
        assertThat(active(resource)).isTrue();
        assertThat(lastAudit(resource)).isEqualTo("REACTIVATED rita.lead back in the library");
        assertThat(page("/resources", "coordinator")).contains("Crisis café: opening times");
        assertThat(page("/resources?show=retired", "coordinator")).doesNotContain("Crisis café: opening times");
    }

    @Test
    void onlyTeamLeadersAndTrainersSeeTheWaysToChangeARetireOrBringBack() throws Exception {
        long resource = addLink("rita.lead", "Supported employment service");
        assertThat(page("/resources/" + resource, "rita.lead")).contains("Retire this resource")
                .contains("/resources/" + resource + "/edit");
        assertThat(page("/resources/" + resource, "coordinator")).doesNotContain("Retire this resource")
                .doesNotContain("/resources/" + resource + "/edit");
        mvc.perform(get("/resources/" + resource + "/edit").with(as("coordinator"))).andExpect(status().isForbidden());
        mvc.perform(post("/resources/" + resource + "/retire").with(as("coordinator")).with(csrf()).param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/resources/" + resource + "/retire").with(as("serviceuser")).with(csrf()).param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/resources/" + resource + "/retire").with(as("rita.lead")).param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(active(resource)).isTrue();
        mvc.perform(get("/resources").with(as("coordinator")))
                .andExpect(content().string(not(containsString("Add a resource"))));
    }

    private String lastAudit(long resource) {
        return jdbc.sql("""
                        select action || ' ' || actor_username || ' ' || detail from audit_entry
                        where record_type = 'programme_resource' and record_id = ? and outcome = 'ALLOWED'
                          and action <> 'VIEWED'
                        order by id desc limit 1""")
                .param(Long.toString(resource)).query(String.class).single();
    }
}
