package org.refocus.programme;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the resource library tests share: adding a resource as someone, looking resources up by title or id,
 * and opening pages as a demo user. Each test adds its own resources, so the demo library stays as it was.
 */
abstract class ResourceTestSupport extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    long addLink(String who, String title) throws Exception {
        mvc.perform(multipart("/resources").with(as(who)).with(csrf())
                        .param("kind", "LINK").param("title", title).param("url", "https://example.org/" + title.length()))
                .andExpect(status().is3xxRedirection());
        return id(title);
    }

    long addDocument(String who, String title) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "plan.txt", "text/plain",
                "My wellness plan".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/resources").file(file).with(as(who)).with(csrf())
                        .param("kind", "DOCUMENT").param("title", title))
                .andExpect(status().is3xxRedirection());
        return id(title);
    }

    long id(String title) {
        return jdbc.sql("select id from programme_resource where title = ?").param(title).query(Long.class).single();
    }

    String title(long resource) {
        return jdbc.sql("select title from programme_resource where id = ?").param(resource).query(String.class)
                .single();
    }

    boolean active(long resource) {
        return jdbc.sql("select active from programme_resource where id = ?").param(resource).query(Boolean.class)
                .single();
    }

    long offers(long resource) {
        return jdbc.sql("select count(*) from resource_offer where resource_id = ?").param(resource).query(Long.class)
                .single();
    }

    long sam() {
        return jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
    }

    String page(String path, String who) throws Exception {
        return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
