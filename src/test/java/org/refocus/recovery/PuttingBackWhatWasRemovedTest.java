package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Remove" on the person's list of what matters is one tap, beside "Move up" and "Move down" on a phone, and
 * removing a preference or a crisis contact is one tap on its page: a slip must not cost the person their words
 * or their crisis plan. The page that says "Removed" offers to put it back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PuttingBackWhatWasRemovedTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    OwnCaseload caseload;

    @BeforeEach
    void ownPerson() {
        caseload = OwnCaseload.create(jdbc, "Ines");
    }

    @Test
    void thePersonRemovesWhatMattersByMistakeAndPutsItBackInItsPlaceWithOneTap() throws Exception {
        String values = "/people/" + caseload.person() + "/values";
        RequestPostProcessor ines = user(users.loadUserByUsername(caseload.personUser()));
        mvc.perform(post(values).with(ines).with(csrf()).param("words", "Swimming with my brother"));
        mvc.perform(post(values).with(ines).with(csrf()).param("words", "Painting on Sunday mornings"));
        long swimming = firstValue();

        Cookie removed = mvc.perform(post("/recovery/values/" + swimming + "/remove").with(ines).with(csrf())
                        .param("version", String.valueOf(version(swimming))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        String afterRemoving = mvc.perform(get(values).with(ines).cookie(removed))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(afterRemoving).contains("Removed. It is still in the history.", "Undo: put it back")
                .doesNotContain("Swimming with my brother");

        Cookie putBack = mvc.perform(post("/recovery/values/" + swimming + "/restore").with(ines).with(csrf())
                        .param("version", String.valueOf(version(swimming))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        String afterPuttingBack = mvc.perform(get(values).with(ines).cookie(putBack))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(afterPuttingBack).contains("Put back in its place").doesNotContain("Undo: put it back");
        assertThat(afterPuttingBack.indexOf("Swimming with my brother"))
                .as("back first, where it was").isPositive()
                .isLessThan(afterPuttingBack.indexOf("Painting on Sunday mornings"));
        assertThat(jdbc.sql("select count(*) from audit_entry where person_id = ? and detail = 'put back'")
                .param(caseload.person()).query(Long.class).single()).isOne();
    }

    @Test
    void aCrisisContactAndAPreferenceRemovedByMistakeArePutBackWithOneTap() throws Exception {
        String person = "/people/" + caseload.person();
        RequestPostProcessor ines = user(users.loadUserByUsername(caseload.personUser()));
        mvc.perform(post(person + "/crisis-contacts").with(ines).with(csrf()).param("name", "Dara Neighbour")
                .param("relationship", "Neighbour").param("phone", "07700 900111").param("whenToContact", "Evenings"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(person + "/preferences").with(ines).with(csrf()).param("area", "MEDICATION")
                .param("words", "Please explain side effects before any change")).andExpect(status().is3xxRedirection());
        long contact = first("recovery_crisis_contact");
        long preference = first("recovery_preference");

        for (String item : new String[] {"/recovery/crisis-contacts/" + contact, "/recovery/preferences/" + preference}) {
            String table = item.contains("crisis") ? "recovery_crisis_contact" : "recovery_preference";
            // Back at the top of the page, where the banner and "Undo" are, not scrolled down to the crisis plan.
            Cookie removed = mvc.perform(post(item + "/remove").with(ines).with(csrf())
                            .param("version", String.valueOf(version(table, item))))
                    .andExpect(redirectedUrl(person + "/preferences")).andReturn().getResponse().getCookie("SESSION");
            assertThat(mvc.perform(get(person + "/preferences").with(ines).cookie(removed)).andReturn().getResponse()
                    .getContentAsString()).contains("Undo: put it back", "action=\"" + item + "/restore\"");
            mvc.perform(post(item + "/restore").with(ines).with(csrf())
                    .param("version", String.valueOf(version(table, item)))).andExpect(status().is3xxRedirection());
        }
        assertThat(mvc.perform(get(person + "/preferences").with(ines)).andReturn().getResponse().getContentAsString())
                .contains("Dara Neighbour", "Please explain side effects before any change");
    }

    @Test
    void anotherPersonCannotPutBackWhatThisPersonRemoved() throws Exception {
        RequestPostProcessor ines = user(users.loadUserByUsername(caseload.personUser()));
        mvc.perform(post("/people/" + caseload.person() + "/values").with(ines).with(csrf())
                .param("words", "Walking the dog"));
        long walking = firstValue();
        mvc.perform(post("/recovery/values/" + walking + "/remove").with(ines).with(csrf())
                .param("version", String.valueOf(version(walking))));

        OwnCaseload other = OwnCaseload.create(jdbc, "Olek");
        mvc.perform(post("/recovery/values/" + walking + "/restore").with(user(users.loadUserByUsername(other.personUser())))
                        .with(csrf()).param("version", String.valueOf(version(walking))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select removed from recovery_value where id = ?").param(walking).query(Boolean.class)
                .single()).isTrue();
    }

    /** The person's first value (the words are stored encrypted, so not found by them). */
    private long firstValue() {
        return jdbc.sql("select min(id) from recovery_value where person_id = ?").param(caseload.person())
                .query(Long.class).single();
    }

    private long first(String table) {
        return jdbc.sql("select min(id) from " + table + " where person_id = ?").param(caseload.person())
                .query(Long.class).single();
    }

    private int version(String table, String item) {
        long id = Long.parseLong(item.substring(item.lastIndexOf('/') + 1));
        return jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single();
    }

    private int version(long value) {
        return jdbc.sql("select version from recovery_value where id = ?").param(value).query(Integer.class).single();
    }
}
