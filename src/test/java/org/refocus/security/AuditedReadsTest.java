package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
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
 *
 * <p>The same holds for routes keyed by one of the person's records (a goal, a step, a response, a FHIR
 * resource…): each such route in the matrix must be listed in {@link #RECORDS} with the table its id
 * comes from, so that a new record route cannot be added without this check.
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
        List<String> urls = new ArrayList<>();
        for (String path : personRoutes("coordinator")) {
            urls.add(path.replace("{id}", Long.toString(sam)));
        }
        assertThat(urls).as("person routes found in the matrix").hasSizeGreaterThan(20);
        assertThat(unauditedReadsOf(sam, urls)).as("reads of a person's record with no audit entry for them").isEmpty();
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

    @Test
    void anotherPersonUsingServicesGetsNotFoundOnEveryRecordRouteAndItIsAudited() throws Exception {
        long sam = sam();
        OwnCaseload other = OwnCaseload.create(jdbc, "Otto");
        List<String> leaks = new ArrayList<>();
        for (String path : recordRoutes("serviceuser")) {
            long denied = deniedFor(sam);
            int status = mvc.perform(get(path.replace("{id}", recordOf(sam, path)))
                    .with(user(users.loadUserByUsername(other.personUser())))).andReturn().getResponse().getStatus();
            if (status != 404 || deniedFor(sam) == denied) {
                leaks.add(path + " (HTTP " + status + ")");
            }
        }
        assertThat(leaks).as("record routes that answer another person using services, or do not audit it").isEmpty();
    }

    @Test
    void anAccountWhoseHolderHasNotSaidTheRecordIsTheirsReachesNoneOfIt() throws Exception {
        long sam = sam();
        long account = jdbc.sql("select id from account where username = 'serviceuser'").query(Long.class).single();
        // As the account is loaded before "Yes, this is me" (hazard H-03).
        CurrentUser unchecked = new CurrentUser(account, "serviceuser", "Sam Example (demo)", Role.SERVICE_USER, null,
                sam, true, null);
        List<String> paths = new ArrayList<>(recordRoutes("serviceuser"));
        paths.addAll(personRoutes("serviceuser"));
        List<String> answered = new ArrayList<>();
        for (String path : paths) {
            boolean ofThePerson = path.startsWith("/people/") || path.startsWith("/api/v1/people/");
            String url = path.replace("{id}", ofThePerson ? Long.toString(sam) : recordOf(sam, path));
            var response = mvc.perform(get(url).with(user(unchecked))).andReturn().getResponse();
            boolean toTheCheck = "/account/record-check".equals(response.getRedirectedUrl());
            if (response.getStatus() != 404 && !toTheCheck) {
                answered.add(url + " (HTTP " + response.getStatus() + ")");
            }
        }
        assertThat(paths).hasSizeGreaterThan(20);
        assertThat(answered).as("routes of the record that answer before the holder said it is theirs").isEmpty();
    }

    /** The URLs that the person's care coordinator cannot read, or can read without an audit entry for the person. */
    private List<String> unauditedReadsOf(long person, List<String> urls) throws Exception {
        List<String> unaudited = new ArrayList<>();
        for (String url : urls) {
            long before = auditedFor(person);
            int status = mvc.perform(get(url).with(user(users.loadUserByUsername("coordinator")))).andReturn()
                    .getResponse().getStatus();
            if (status != 200 || auditedFor(person) == before) {
                unaudited.add(url + " (HTTP " + status + ")");
            }
        }
        return unaudited;
    }

    /** Route prefixes keyed by a record of one person, and the table (with a person_id) the record is in. */
    private static final Map<String, String> RECORDS = Map.ofEntries(
            Map.entry("/recovery/values/", "recovery_value"),
            Map.entry("/recovery/preferences/", "recovery_preference"),
            Map.entry("/recovery/crisis-contacts/", "recovery_crisis_contact"),
            Map.entry("/recovery/strengths/", "recovery_strengths_assessment"),
            Map.entry("/recovery/strength-entries/", "recovery_strength_entry"),
            Map.entry("/recovery/goals/", "recovery_goal"),
            Map.entry("/recovery/conversations/", "recovery_conversation"),
            Map.entry("/recovery/steps/", "recovery_step"),
            Map.entry("/recovery/contacts/", "recovery_contact"),
            Map.entry("/measures/responses/", "measure_response"),
            Map.entry("/fhir/QuestionnaireResponse/", "measure_response"),
            Map.entry("/fhir/Observation/", "measure_response"));

    @Test
    void everyReadOfOneOfAPersonsRecordsIsAuditedAgainstThatPerson() throws Exception {
        long sam = sam();
        List<String> urls = new ArrayList<>();
        for (String path : recordRoutes("coordinator")) {
            urls.add(path.replace("{id}", recordOf(sam, path)));
        }
        assertThat(urls).as("record routes found in the matrix").hasSizeGreaterThan(15);
        assertThat(unauditedReadsOf(sam, urls)).as("reads of one of a person's records with no audit entry for them")
                .isEmpty();
    }

    @Test
    void anotherTeamsStaffGetNotFoundOnEveryRecordRouteAndItIsAudited() throws Exception {
        long sam = sam();
        List<String> leaks = new ArrayList<>();
        for (String path : recordRoutes("teamlead")) {
            long denied = deniedFor(sam);
            int status = mvc.perform(get(path.replace("{id}", recordOf(sam, path)))
                    .with(user(users.loadUserByUsername("teamlead")))).andReturn().getResponse().getStatus();
            if (status != 404 || deniedFor(sam) == denied) {
                leaks.add(path + " (HTTP " + status + ")");
            }
        }
        assertThat(leaks).as("record routes that answer, or do not audit the refusal, outside reach").isEmpty();
    }

    /** GET routes keyed by one record of a person that {@code role} may use; each must be in {@link #RECORDS}. */
    private static List<String> recordRoutes(String role) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, String> route : AuthorisationMatrixTest.ROUTES.entrySet()) {
            String[] methodAndPath = route.getKey().split(" ");
            String path = methodAndPath[1];
            boolean aboutOneRecord = (path.startsWith("/recovery/") && !path.startsWith("/recovery/life-domains"))
                    || path.startsWith("/measures/responses/") || path.matches("/fhir/(QuestionnaireResponse|Observation)/.*");
            if (methodAndPath[0].equals("GET") && aboutOneRecord && List.of(route.getValue().split(",")).contains(role)) {
                assertThat(RECORDS.keySet().stream().anyMatch(path::startsWith))
                        .as(path + " is keyed by a record: say in RECORDS which table it comes from").isTrue();
                paths.add(path);
            }
        }
        return paths;
    }

    /** The id, as the route spells it, of one of the person's records of the kind the route shows. */
    private String recordOf(long person, String path) throws Exception {
        String table = RECORDS.entrySet().stream().filter(e -> path.startsWith(e.getKey())).findFirst().orElseThrow()
                .getValue();
        // The questions of a finished response redirect to its result, so they are read on one still open.
        String condition = !table.equals("measure_response") ? ""
                : path.endsWith("/questions") ? " and status = 'IN_PROGRESS'" : " and status = 'COMPLETED'";
        Long id = jdbc.sql("select id from " + table + " where person_id = ?" + condition + " order by id limit 1")
                .param(person).query(Long.class).optional().orElse(null);
        if (id == null && path.endsWith("/questions")) {
            id = startedQuestionnaire(person);
        }
        assertThat(id).as("a " + table + " of the person, for " + path).isNotNull();
        return path.startsWith("/fhir/Observation/") ? id + "-total" : Long.toString(id);
    }

    /** A questionnaire the person's coordinator starts giving them, left open. */
    private long startedQuestionnaire(long person) throws Exception {
        String questions = mvc.perform(post("/people/" + person + "/measures/start").param("instrument", "wemwbs")
                        .with(csrf()).with(user(users.loadUserByUsername("coordinator")))).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(questions.replaceAll("\\D+(\\d+)\\D*", "$1"));
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
