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
 * Every page and API read about one person, for every such route in the route matrix ({@code GET}
 * routes whose only path variable is the person's id): the person's care coordinator's read leaves an
 * entry in the audit trail against that person, and staff of another team, or another person using
 * services, get "not found", which is audited as denied. A new route under {@code /people/{id}} or
 * {@code /api/v1/people/{id}} that forgets to audit or to check reach fails here.
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
        long sam = sam();
        List<String> unaudited = new ArrayList<>();
        int checked = 0;
        for (String path : personRoutes("coordinator")) {
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

    @Test
    void anotherTeamsStaffAndAnotherPersonGetNotFoundOnEveryPersonRouteAndItIsAudited() throws Exception {
        long sam = sam();
        long neighbour = jdbc.sql("select id from person where team_id = (select team_id from person where id = ?) "
                + "and id <> ? and id not in (select person_id from account where person_id is not null) order by id "
                + "limit 1").params(sam, sam).query(Long.class).single();
        List<String> leaks = new ArrayList<>();
        // The Hillview team leader asks for Riverside's Sam; Sam asks for a Riverside neighbour.
        for (var attempt : List.of(Map.entry("teamlead", sam), Map.entry("serviceuser", neighbour))) {
            for (String path : personRoutes(attempt.getKey())) {
                long person = attempt.getValue();
                long denied = deniedFor(person);
                int status = mvc.perform(get(path.replace("{id}", Long.toString(person)))
                        .with(user(users.loadUserByUsername(attempt.getKey())))).andReturn().getResponse().getStatus();
                if (status != 404 || deniedFor(person) == denied) {
                    leaks.add(attempt.getKey() + " " + path + " (HTTP " + status + ")");
                }
            }
        }
        assertThat(leaks).as("person routes that answer, or do not audit the refusal, outside reach").isEmpty();
    }

    /** GET routes about one person (the person's id their only path variable) that {@code role} may use. */
    private static List<String> personRoutes(String role) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, String> route : AuthorisationMatrixTest.ROUTES.entrySet()) {
            String[] methodAndPath = route.getKey().split(" ");
            String path = methodAndPath[1];
            boolean aboutOnePerson = (path.startsWith("/people/{id}") || path.startsWith("/api/v1/people/{id}"))
                    && path.indexOf('{') == path.lastIndexOf('{');
            if (methodAndPath[0].equals("GET") && aboutOnePerson && List.of(route.getValue().split(",")).contains(role)) {
                paths.add(path);
            }
        }
        return paths;
    }

    private long sam() {
        return jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
    }

    private long deniedFor(long person) {
        return jdbc.sql("select count(*) from audit_entry where person_id = ? and outcome = 'DENIED'").param(person)
                .query(Long.class).single();
    }

    private long auditedFor(long person) {
        return jdbc.sql("select count(*) from audit_entry where person_id = ?").param(person).query(Long.class).single();
    }
}
