package org.refocus.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A Partnership Project's co-lead who uses the service changes its aims on the same form as staff; the form
 * speaks to every member, not to staff about "the people who use the service".
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectFormSpeaksToEveryMemberTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoLeadWhoUsesTheServiceReadsTheAimsHintAsAMemberNotAsSomeoneTalkedAbout() throws Exception {
        long project = jdbc.sql("select id from partnership_project where title = 'Recovery café'").query(Long.class).single();
        String form = mvc.perform(get("/projects/" + project + "/edit")
                        .with(user(users.loadUserByUsername("serviceuser"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("agreed by everyone taking part: staff and people who use the service")
                .doesNotContain("agreed with the people who use the service who are part of it");
    }
}
