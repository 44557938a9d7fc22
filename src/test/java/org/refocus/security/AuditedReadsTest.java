package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page and API read about one person leaves an entry in the audit trail against that person:
 * each {@code GET} route of the route matrix whose only path variable is the person's id is opened by
 * the person's care coordinator, and the trail must have grown for that person. A new route under
 * {@code /people/{id}} or {@code /api/v1/people/{id}} that forgets to audit fails here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditedReadsTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyReadOfAPersonsRecordIsAuditedAgainstThatPerson() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        List<String> unaudited = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> route : AuthorisationMatrixTest.ROUTES.entrySet()) {
            String[] methodAndPath = route.getKey().split(" ");
            String path = methodAndPath[1];
            boolean aboutOnePerson = (path.startsWith("/people/{id}") || path.startsWith("/api/v1/people/{id}"))
                    && path.indexOf('{') == path.lastIndexOf('{');
            if (!methodAndPath[0].equals("GET") || !aboutOnePerson
                    || !List.of(route.getValue().split(",")).contains("coordinator")) {
                continue;
            }
            String url = path.replace("{id}", Long.toString(sam));
            long before = auditedFor(sam);
            int status = mvc.perform(get(url).with(user(users.loadUserByUsername("coordinator")))).andReturn()
                    .getResponse().getStatus();
            checked++;
            if (status != 200 || auditedFor(sam) == before) {
                unaudited.add(url + " (HTTP " + status + ")");
            }
        }
        assertThat(checked).as("person routes found in the matrix").isGreaterThan(20);
        assertThat(unaudited).as("reads of a person's record with no audit entry for them").isEmpty();
    }

    private long auditedFor(long person) {
        return jdbc.sql("select count(*) from audit_entry where person_id = ?").param(person).query(Long.class).single();
    }
}
