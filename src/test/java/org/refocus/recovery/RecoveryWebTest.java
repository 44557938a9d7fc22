package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The recovery pages against the demo data: what each person may see and change, validation, conflicts,
 * audit, the PDF and the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecoveryWebTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    RecoveryFixtures fixtures;
    long sam;

    @BeforeEach
    void findSam() {
        fixtures = new RecoveryFixtures(jdbc);
        sam = fixtures.sam();
    }

    @Test
    void everyPageOfSamsPlanOpensForTheirCareCoordinatorAndForSam() throws Exception {
        for (String path : samsPages(true)) {
            mvc.perform(get(path).with(as("coordinator"))).andExpect(status().isOk());
        }
        for (String path : samsPages(false)) {
            mvc.perform(get(path).with(as("serviceuser"))).andExpect(status().isOk());
        }
    }

    @Test
    void thePlanPutsStrengthsBeforeProblemsAndExplainsTheGoalAttainmentScore() throws Exception {
        String page = mvc.perform(get("/people/" + sam + "/plan").with(as("serviceuser")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Your recovery plan", "If you need help in a crisis", "tel:07700900461",
                "Music: playing guitar and going to gigs", "Goal attainment score: 56.7",
                "50 means the goals were met as expected", "It does not measure how well someone is");
        assertThat(page.indexOf("What matters to you")).isLessThan(page.indexOf("id=\"strengths\""));
        assertThat(page.indexOf("id=\"strengths\"")).isLessThan(page.indexOf("id=\"goals\""));
        assertThat(page.indexOf("id=\"goals\"")).isLessThan(page.indexOf("id=\"preferences\""));
        assertThat(page.indexOf("id=\"preferences\"")).isLessThan(page.indexOf("id=\"crisis\""));
        assertThat(page).contains("Staff note", "Your words");
        assertThat(page).as("the person is also pointed to NHS 111").contains("NHS 111");
    }

    @Test
    void theCrisisCardAndTheEmergencyLineShowEvenWithoutCrisisContacts() throws Exception {
        long noContacts = jdbc.sql("""
                select p.id from person p join team t on t.id = p.team_id where t.name like 'Riverside%'
                and p.id not in (select person_id from recovery_crisis_contact) order by p.id limit 1""")
                .query(Long.class).single();
        String page = mvc.perform(get("/people/" + noContacts + "/plan").with(as("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"crisis-contacts\"").contains("has no crisis contacts recorded yet")
                .contains("call 999").doesNotContain("tel:");
    }

    @Test
    void theCrisisCardIsOnThePersonsOwnPageForStaffAndForThePersonAndItsReadIsAudited() throws Exception {
        var contact = jdbc.sql("select name, phone from recovery_crisis_contact where person_id = ? and phone is not null "
                + "order by id limit 1").param(sam).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String tel = "tel:" + contact[1].replaceAll("[^0-9+]", "");
        long before = audit("VIEWED", "recovery_crisis_contact", "coordinator");
        for (String who : new String[] {"coordinator", "serviceuser"}) {
            String page = mvc.perform(get("/people/" + sam).with(as(who))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).as(who).contains("id=\"crisis-contacts\"", contact[0], "href=\"" + tel + "\"",
                    "call 999");
            assertThat(page.indexOf("id=\"crisis-contacts\"")).as("above the links to the record")
                    .isLessThan(page.indexOf("nhsuk-card--clickable"));
        }
        assertThat(audit("VIEWED", "recovery_crisis_contact", "coordinator")).isEqualTo(before + 1);
        mvc.perform(get("/people/" + sam).with(as("teamlead"))).andExpect(status().isNotFound());
    }

    @Test
    void theCrisisSectionSaysWhenAnyPartOfItLastChangedAndByWhom() throws Exception {
        org.refocus.testing.OwnCaseload own = org.refocus.testing.OwnCaseload.create(jdbc, "Rosa");
        String staff = own.practitioner();
        assertThat(personPage(own.person(), staff)).doesNotContain("Crisis plan last changed");

        mvc.perform(post("/people/" + own.person() + "/crisis-contacts").with(as(staff)).with(csrf())
                .param("name", "Jo").param("phone", "07700 900461")).andExpect(status().is3xxRedirection());
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        assertThat(personPage(own.person(), staff)).contains("Crisis plan last changed on " + today + " by Test Practitioner.");

        backdate(own.person());
        mvc.perform(post("/people/" + own.person() + "/preferences").with(as(own.personUser())).with(csrf())
                .param("area", "CRISIS_HELPS").param("words", "A quiet room and my music")).andExpect(status().is3xxRedirection());
        assertThat(personPage(own.person(), staff)).contains("Crisis plan last changed on " + today + " by Rosa.");
        assertThat(mvc.perform(get("/people/" + own.person() + "/plan").with(as(own.personUser()))).andReturn()
                .getResponse().getContentAsString()).contains("Crisis plan last changed on " + today + " by you.");

        // Moving that preference out of the crisis section changes the crisis section too.
        backdate(own.person());
        long preference = fixtures.first("recovery_preference", own.person());
        mvc.perform(post("/recovery/preferences/" + preference).with(as(staff)).with(csrf()).param("area", "THERAPIES")
                .param("words", "A quiet room and my music").param("version", String.valueOf(
                        fixtures.version("recovery_preference", preference)))).andExpect(status().is3xxRedirection());
        assertThat(personPage(own.person(), staff)).contains("Crisis plan last changed on " + today + " by Test Practitioner.");

        // A change elsewhere in the plan does not.
        backdate(own.person());
        mvc.perform(post("/recovery/preferences/" + preference).with(as(staff)).with(csrf()).param("area", "THERAPIES")
                .param("words", "Music groups").param("version", String.valueOf(
                        fixtures.version("recovery_preference", preference)))).andExpect(status().is3xxRedirection());
        assertThat(personPage(own.person(), staff)).contains("Crisis plan last changed on 5 January 2026 by ");
    }

    private String personPage(long person, String username) throws Exception {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(mvc.perform(get("/people/" + person).with(as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Every saved version of the person's plan so far as if saved on 5 January 2026. */
    private void backdate(long person) {
        jdbc.sql("update recovery_revision set changed_at = timestamptz '2026-01-05 12:00 Europe/London' where person_id = ?")
                .param(person).update();
    }

    @Test
    void readsOfThePlanAreAuditedAsReadsOfThePerson() throws Exception {
        long before = audit("VIEWED", "recovery_plan", "coordinator");
        mvc.perform(get("/people/" + sam + "/plan").with(as("coordinator"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/people/" + sam + "/recovery-plan").with(as("coordinator"))).andExpect(status().isOk());
        assertThat(audit("VIEWED", "recovery_plan", "coordinator")).isEqualTo(before + 2);
    }

    @Test
    void staffSeeWhatThePersonChangedSinceTheyLastLooked() throws Exception {
        mvc.perform(get("/people/" + sam + "/plan").with(as("dev.practitioner"))).andExpect(status().isOk());
        long value = fixtures.first("recovery_value", sam);
        mvc.perform(post("/recovery/values/" + value).with(as("serviceuser")).with(csrf())
                        .param("words", "Being a good dad to Lily, every day").param("version",
                                String.valueOf(fixtures.version("recovery_value", value))))
                .andExpect(status().is3xxRedirection());

        String first = mvc.perform(get("/people/" + sam + "/plan").with(as("dev.practitioner")))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Since you last looked, Sam changed", "Being a good dad to Lily, every day");
        String again = mvc.perform(get("/people/" + sam + "/plan").with(as("dev.practitioner")))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain("Since you last looked");

        String history = mvc.perform(get("/people/" + sam + "/plan/history?item=recovery_value-" + value)
                .with(as("dev.practitioner"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("Being a good dad to my daughter, Lily", "Being a good dad to Lily, every day");
    }

    @Test
    void theDemoPlanHasRecentChangesOfSamsOwnForTheCoordinatorToSee() {
        assertThat(jdbc.sql("select count(*) from recovery_revision where person_id = ? and by_the_person "
                        + "and changed_at > now() - interval '3 days' and changed_at < now() - interval '12 hours'")
                .param(sam).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from recovery_plan_seen where person_id = ?").param(sam)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() throws Exception {
        long values = count("recovery_value");
        mvc.perform(post("/people/" + sam + "/values").with(as("coordinator")).with(csrf()).param("words", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("There is a problem")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter what matters, in a few words")));
        mvc.perform(post("/people/" + sam + "/values").with(as("coordinator")).with(csrf())
                        .param("words", "x".repeat(501)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter 500 characters or fewer")));
        assertThat(count("recovery_value")).isEqualTo(values);

        long goal = fixtures.goalOf(sam, "Sleep%");
        mvc.perform(post("/recovery/goals/" + goal + "/status").with(as("coordinator")).with(csrf())
                        .param("status", "LET_GO").param("reason", "").param("version", version("recovery_goal", goal)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the reason, in the person")));
        mvc.perform(post("/recovery/goals/" + goal).with(as("coordinator")).with(csrf())
                        .param("words", "y".repeat(1001)).param("weight", "0").param("version", version("recovery_goal", goal)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter 1,000 characters or fewer")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Weight must be a number")));
        mvc.perform(post("/people/" + sam + "/contacts").with(as("coordinator")).with(csrf())
                        .param("contactOn", "2999-01-01").param("durationMinutes", "0").param("withThePerson", "true"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The date must be today or in the past")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose how the contact happened")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("from 1 to 720")));
        mvc.perform(post("/people/" + sam + "/reviews").with(as("coordinator")).with(csrf())
                        .param("reviewedOn", "2026-01-01").param("ratings[0].goalId", String.valueOf(goal))
                        .param("ratings[0].attainment", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Rate at least one goal")));
        mvc.perform(post("/people/" + sam + "/crisis-contacts").with(as("coordinator")).with(csrf())
                        .param("name", "Jo").param("phone", "call me maybe"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a phone number")));
        assertThat(jdbc.sql("select words from recovery_goal where id = ?").param(goal).query(String.class).single())
                .isEqualTo("Sleep better");
    }

    @Test
    void longTextUpToTheStatedLimitIsKeptAsWritten() throws Exception {
        String words = "Ça va – “my words” ".repeat(30).substring(0, 500);
        mvc.perform(post("/people/" + sam + "/values").with(as("serviceuser")).with(csrf()).param("words", words))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from recovery_value where person_id = ? and words = ?")
                .params(sam, words.strip()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSecondOfTwoSavesIsRefusedAndShownTheNewerVersion() throws Exception {
        long goal = fixtures.goalOf(sam, "Spend more time%");
        String seen = version("recovery_goal", goal);
        mvc.perform(post("/recovery/goals/" + goal).with(as("coordinator")).with(csrf())
                        .param("words", "Spend every Saturday with Lily").param("version", seen))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(post("/recovery/goals/" + goal).with(as("serviceuser")).with(csrf())
                        .param("words", "Spend more time with Lily, and take her swimming").param("version", seen))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Someone else saved a change to this", "The version someone else saved",
                "Spend every Saturday with Lily", "Spend more time with Lily, and take her swimming");
        assertThat(jdbc.sql("select words from recovery_goal where id = ?").param(goal).query(String.class).single())
                .isEqualTo("Spend every Saturday with Lily");
    }

    @Test
    void aCrisisContactChangedByTwoPeopleKeepsTheFirstAndARefusedRemovalIsNotCalledASuccess() throws Exception {
        mvc.perform(post("/people/" + sam + "/crisis-contacts").with(as("coordinator")).with(csrf())
                .param("name", "Conflict Test Contact").param("phone", "07700 900123")).andExpect(status().is3xxRedirection());
        long contact = jdbc.sql("select id from recovery_crisis_contact where person_id = ? and name = ?")
                .params(sam, "Conflict Test Contact").query(Long.class).single();
        String seen = version("recovery_crisis_contact", contact);
        try {
            mvc.perform(post("/recovery/crisis-contacts/" + contact).with(as("serviceuser")).with(csrf())
                    .param("name", "Conflict Test Contact").param("phone", "07700 900456").param("version", seen))
                    .andExpect(status().is3xxRedirection());

            // Cora's change, from a page opened before Sam's: refused, with both versions on the page.
            String page = mvc.perform(post("/recovery/crisis-contacts/" + contact).with(as("coordinator")).with(csrf())
                    .param("name", "Conflict Test Contact").param("phone", "07700 900789").param("version", seen))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Someone else saved a change to this", "07700 900456", "07700 900789");
            assertThat(phone(contact)).isEqualTo("07700 900456");

            // Removing it from that old page: nothing removed, and the banner says so as "Important".
            jakarta.servlet.http.Cookie session = mvc.perform(post("/recovery/crisis-contacts/" + contact + "/remove")
                    .with(as("coordinator")).with(csrf()).param("version", seen))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
            assertThat(jdbc.sql("select removed from recovery_crisis_contact where id = ?").param(contact)
                    .query(Boolean.class).single()).isFalse();
            String after = mvc.perform(get("/people/" + sam + "/preferences").cookie(session).with(as("coordinator")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(after).contains("Nothing has been removed").contains(">Important<").doesNotContain(">Success<");
        } finally {
            mvc.perform(post("/recovery/crisis-contacts/" + contact + "/remove").with(as("coordinator")).with(csrf())
                    .param("version", version("recovery_crisis_contact", contact)));
        }
    }

    private String phone(long contact) {
        return jdbc.sql("select phone from recovery_crisis_contact where id = ?").param(contact).query(String.class)
                .single();
    }

    @Test
    void thePersonChangesTheirOwnWordsButNotStaffNotesOrStaffRecords() throws Exception {
        long staffNote = fixtures.staffPreference(sam);
        mvc.perform(get("/recovery/preferences/" + staffNote).with(as("serviceuser"))).andExpect(status().isForbidden());
        mvc.perform(post("/recovery/preferences/" + staffNote).with(as("serviceuser")).with(csrf())
                        .param("area", "MEDICATION").param("words", "Rewritten").param("version",
                                version("recovery_preference", staffNote)))
                .andExpect(status().isForbidden());
        long staffStep = fixtures.stepOwnedBy(sam, "STAFF");
        mvc.perform(post("/recovery/steps/" + staffStep + "/done").with(as("serviceuser")).with(csrf())
                .param("done", "true").param("version", version("recovery_step", staffStep)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/people/" + sam + "/contacts").with(as("serviceuser")).with(csrf())
                .param("contactOn", "2026-01-01").param("kind", "PHONE").param("withThePerson", "true"))
                .andExpect(status().isForbidden());

        long ownStep = fixtures.stepOwnedBy(sam, "PERSON");
        mvc.perform(post("/recovery/steps/" + ownStep + "/done").with(as("serviceuser")).with(csrf())
                .param("done", "true").param("version", version("recovery_step", ownStep)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select done from recovery_step where id = ?").param(ownStep).query(Boolean.class).single())
                .isTrue();

        // A preference the person writes is always in their own voice.
        mvc.perform(post("/people/" + sam + "/preferences").with(as("serviceuser")).with(csrf())
                .param("area", "THERAPIES").param("words", "Group sessions in the evening").param("voice", "STAFF"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select voice from recovery_preference where person_id = ? and words = ?")
                .params(sam, "Group sessions in the evening").query(String.class).single()).isEqualTo("PERSON");

        // In a strengths domain, the person changes what they want and nothing else.
        long entry = fixtures.entryOf(fixtures.latestAssessment(sam));
        String before = jdbc.sql("select current_status from recovery_strength_entry where id = ?").param(entry)
                .query(String.class).single();
        mvc.perform(post("/recovery/strength-entries/" + entry).with(as("serviceuser")).with(csrf())
                .param("wants", "A tidier flat").param("currentStatus", "Overwritten by the person")
                .param("version", version("recovery_strength_entry", entry)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select current_status from recovery_strength_entry where id = ?").param(entry)
                .query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select wants from recovery_strength_entry where id = ?").param(entry)
                .query(String.class).single()).isEqualTo("A tidier flat");
        assertThat(jdbc.sql("select by_the_person from recovery_revision where record_type = 'recovery_strength_entry' "
                + "and record_id = ? order by id desc limit 1").param(entry).query(Boolean.class).single()).isTrue();
    }

    @Test
    void anotherTeamsStaffAndAnotherServiceUserFindNothingOfSamsOnAnyRoute() throws Exception {
        String other = fixtures.otherServiceUser();
        for (Route route : samsRoutes()) {
            int asTeamLead = mvc.perform(route.request().with(as("teamlead"))).andReturn().getResponse().getStatus();
            assertThat(asTeamLead).as(route + " as another team's leader").isEqualTo(404);
            int asOther = mvc.perform(route.request().with(as(other))).andReturn().getResponse().getStatus();
            assertThat(asOther).as(route + " as another service user").isEqualTo(route.staffOnly() ? 403 : 404);
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where outcome = 'DENIED' and person_id = ? "
                + "and actor_username = 'teamlead'").param(sam).query(Long.class).single()).isGreaterThan(10);
    }

    @Test
    void comparingWithSomeoneElsesStrengthsAssessmentFindsNothingAndTheAttemptIsAudited() throws Exception {
        org.refocus.testing.OwnCaseload own = org.refocus.testing.OwnCaseload.create(jdbc, "Cleo");
        for (String day : new String[] {"2026-01-10", "2026-04-10"}) {
            mvc.perform(post("/people/" + own.person() + "/strengths").param("assessedOn", day)
                    .with(as(own.practitioner())).with(csrf())).andExpect(status().is3xxRedirection());
        }
        long samsAssessment = jdbc.sql("select min(id) from recovery_strengths_assessment where person_id = ?")
                .param(sam).query(Long.class).single();
        long ownAssessment = jdbc.sql("select max(id) from recovery_strengths_assessment where person_id = ?")
                .param(own.person()).query(Long.class).single();
        mvc.perform(get("/people/" + own.person() + "/strengths/compare").param("from", "" + samsAssessment)
                .param("to", "" + ownAssessment).with(as(own.personUser()))).andExpect(status().isNotFound());
        // It was a 404 that left no trace, unlike reaching for Sam's assessment by its own address.
        assertThat(jdbc.sql("select count(*) from audit_entry where outcome = 'DENIED' and person_id = ? "
                + "and actor_username = ? and record_id = ?").params(sam, own.personUser(), "" + samsAssessment)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void thePlanDownloadsAsAPdf() throws Exception {
        long before = audit("EXPORTED", "recovery_plan", "serviceuser");
        byte[] pdf = mvc.perform(get("/people/" + sam + "/plan.pdf").with(as("serviceuser")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(10_000);
        assertThat(audit("EXPORTED", "recovery_plan", "serviceuser")).isEqualTo(before + 1);
    }

    @Test
    void theApiGivesThePlanAndContactsUnderTheSameRules() throws Exception {
        mvc.perform(get("/api/v1/people/" + sam + "/recovery-plan").with(as("serviceuser")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(sam))
                .andExpect(jsonPath("$.values[0].words").isString())
                .andExpect(jsonPath("$.crisis.contacts[0].phone").value("07700 900461"))
                .andExpect(jsonPath("$.strengths.entries.length()").value(7))
                .andExpect(jsonPath("$.goals[0].steps").isArray())
                .andExpect(jsonPath("$.reviews[0].ratings.length()").value(3))
                // Demo review: +1 (weight 2), 0, 0 gives T = 50 + 10·2 / √(0.7·6 + 0.3·16) = 56.7
                .andExpect(jsonPath("$.latestGasTScore.tScore").value(56.7))
                .andExpect(jsonPath("$.latestGasTScore.meaning").value(org.hamcrest.Matchers.containsString("50 means")));
        mvc.perform(get("/api/v1/people/" + sam + "/contacts").with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].practices").isArray())
                .andExpect(jsonPath("$[0].staffNames[0]").value("Cora Coordinator (demo)"));
        mvc.perform(get("/api/v1/people/" + sam + "/recovery-plan").with(as("teamlead")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people/" + sam + "/contacts").with(as(fixtures.otherServiceUser())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPractitionerRecordsGoalsAndAReviewAndTheTScoreIsAcrossTheGoalsRated() throws Exception {
        long person = jdbc.sql("select p.id from person p join team t on t.id = p.team_id where t.name like 'Riverside%' "
                + "and not exists (select 1 from recovery_goal g where g.person_id = p.id) order by p.id desc limit 1")
                .query(Long.class).single();
        for (String words : List.of("Walk to the shops on my own", "Call my brother")) {
            mvc.perform(post("/people/" + person + "/goals").with(as("coordinator")).with(csrf())
                    .param("words", words).param("expectedOutcome", "Done twice").param("chime", "HOPE", "EMPOWERMENT"))
                    .andExpect(status().is3xxRedirection());
        }
        long walk = fixtures.goalOf(person, "Walk%");
        long call = fixtures.goalOf(person, "Call%");
        mvc.perform(post("/people/" + person + "/reviews").with(as("coordinator")).with(csrf())
                        .param("reviewedOn", java.time.LocalDate.now().toString())
                        .param("ratings[0].goalId", String.valueOf(walk)).param("ratings[0].attainment", "2")
                        .param("ratings[0].weight", "3")
                        .param("ratings[1].goalId", String.valueOf(call)).param("ratings[1].attainment", "-1")
                        .param("ratings[1].weight", "1"))
                .andExpect(status().is3xxRedirection());
        // T = 50 + 10·(3·2 − 1) / √(0.7·(9 + 1) + 0.3·16) = 50 + 50/√11.8 = 64.6
        mvc.perform(get("/api/v1/people/" + person + "/recovery-plan").with(as("coordinator")))
                .andExpect(jsonPath("$.latestGasTScore.tScore").value(64.6))
                .andExpect(jsonPath("$.latestGasTScore.goalsRated").value(2))
                .andExpect(jsonPath("$.goals[0].chime.length()").value(2));
        assertThat(jdbc.sql("select count(*) from recovery_revision where person_id = ? and record_type = 'recovery_review'")
                .param(person).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void administratorsAddRenameAndRetireLifeDomains() throws Exception {
        mvc.perform(post("/admin/life-domains").with(as("admin")).with(csrf()).param("name", "Leisure").param("version", "0"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("That name is already used")));
        mvc.perform(post("/admin/life-domains").with(as("admin")).with(csrf()).param("name", "Pets and animals")
                .param("prompt", "Animals you care for").param("version", "0")).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from recovery_life_domain where name = 'Pets and animals'").query(Long.class).single();
        mvc.perform(get("/admin/life-domains").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Pets and animals")));
        mvc.perform(post("/admin/life-domains/" + id).with(as("admin")).with(csrf()).param("name", "Pets")
                .param("prompt", "").param("position", "8").param("active", "false").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        // A second administrator, still on version 0, sees what was saved, keeps what they typed, and can save.
        org.refocus.testing.TwoEditors.staleSaveShowsTheirsThenSavingAgainWorks(mvc, version ->
                        post("/admin/life-domains/" + id).with(as("admin")).with(csrf()).param("name", "Pets again")
                                .param("position", "8").param("active", "true").param("version", Integer.toString(version)),
                0, 1, "Pets. Prompt: none. Order: 8. Retired.", "value=\"Pets again\"");
        assertThat(jdbc.sql("select name || ' ' || active from recovery_life_domain where id = ?").param(id)
                .query(String.class).single()).isEqualTo("Pets again true");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'recovery_life_domain' "
                + "and record_id = ?").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    private List<String> samsPages(boolean staff) {
        long goal = fixtures.goalOf(sam, "Sleep%");
        long assessment = fixtures.latestAssessment(sam);
        List<String> pages = new ArrayList<>(List.of("/people/" + sam + "/plan", "/people/" + sam + "/plan/history",
                "/people/" + sam + "/values", "/recovery/values/" + fixtures.first("recovery_value", sam),
                "/people/" + sam + "/preferences", "/people/" + sam + "/preferences/new?area=MEDICATION",
                "/recovery/preferences/" + jdbc.sql("select id from recovery_preference where person_id = ? and "
                        + "voice = 'PERSON' order by id limit 1").param(sam).query(Long.class).single(),
                "/people/" + sam + "/crisis-contacts/new",
                "/recovery/crisis-contacts/" + fixtures.first("recovery_crisis_contact", sam),
                "/people/" + sam + "/crisis-plan", "/people/" + sam + "/strengths", "/people/" + sam + "/strengths/compare",
                "/recovery/strengths/" + assessment, "/recovery/strength-entries/" + fixtures.entryOf(assessment),
                "/people/" + sam + "/goals", "/people/" + sam + "/goals/new", "/recovery/goals/" + goal,
                "/recovery/goals/" + goal + "/edit", "/recovery/goals/" + goal + "/status",
                "/recovery/goals/" + goal + "/steps/new", "/recovery/steps/" + fixtures.stepOwnedBy(sam, "PERSON"),
                "/people/" + sam + "/contacts", "/people/" + sam, "/"));
        if (staff) {
            pages.addAll(List.of("/recovery/goals/" + goal + "/conversations/new",
                    "/recovery/conversations/" + fixtures.first("recovery_conversation", sam),
                    "/recovery/strengths/" + assessment + "/summary", "/people/" + sam + "/reviews/new",
                    "/people/" + sam + "/contacts/new", "/recovery/contacts/" + fixtures.first("recovery_contact", sam)));
        }
        return pages;
    }

    record Route(String method, String path, boolean staffOnly) {
        MockHttpServletRequestBuilder request() {
            return method.equals("GET") ? get(path) : post(path).with(csrf()).param("version", "0");
        }
    }

    /** Every recovery route, filled in with Sam's own records. */
    private List<Route> samsRoutes() {
        long goal = fixtures.goalOf(sam, "Sleep%");
        long assessment = fixtures.latestAssessment(sam);
        long value = fixtures.first("recovery_value", sam);
        long preference = fixtures.first("recovery_preference", sam);
        long crisisContact = fixtures.first("recovery_crisis_contact", sam);
        long entry = fixtures.entryOf(assessment);
        long step = fixtures.first("recovery_step", sam);
        long conversation = fixtures.first("recovery_conversation", sam);
        long contact = fixtures.first("recovery_contact", sam);
        String p = "/people/" + sam;
        List<Route> routes = new ArrayList<>();
        for (String path : List.of(p + "/plan", p + "/plan.pdf", p + "/plan/history", p + "/values",
                "/recovery/values/" + value, p + "/preferences", p + "/preferences/new", "/recovery/preferences/" + preference,
                p + "/crisis-contacts/new", "/recovery/crisis-contacts/" + crisisContact, p + "/crisis-plan",
                p + "/strengths", p + "/strengths/compare", "/recovery/strengths/" + assessment,
                "/recovery/strength-entries/" + entry, p + "/goals", p + "/goals/new", "/recovery/goals/" + goal,
                "/recovery/goals/" + goal + "/edit", "/recovery/goals/" + goal + "/status",
                "/recovery/goals/" + goal + "/steps/new", "/recovery/steps/" + step, p + "/contacts",
                "/api/v1/people/" + sam + "/recovery-plan", "/api/v1/people/" + sam + "/contacts")) {
            routes.add(new Route("GET", path, false));
        }
        for (String path : List.of(p + "/values", "/recovery/values/" + value, "/recovery/values/" + value + "/move?direction=up",
                "/recovery/values/" + value + "/remove", "/recovery/values/" + value + "/restore", p + "/preferences", "/recovery/preferences/" + preference,
                "/recovery/preferences/" + preference + "/remove", "/recovery/preferences/" + preference + "/restore",
                p + "/crisis-contacts", "/recovery/crisis-contacts/" + crisisContact,
                "/recovery/crisis-contacts/" + crisisContact + "/remove", "/recovery/crisis-contacts/" + crisisContact + "/restore",
                p + "/crisis-plan", "/recovery/strength-entries/" + entry, p + "/goals", "/recovery/goals/" + goal,
                "/recovery/goals/" + goal + "/status", "/recovery/goals/" + goal + "/steps", "/recovery/steps/" + step,
                "/recovery/steps/" + step + "/done?done=true")) {
            routes.add(new Route("POST", path, false));
        }
        for (String path : List.of("/recovery/goals/" + goal + "/conversations/new", "/recovery/conversations/" + conversation,
                "/recovery/strengths/" + assessment + "/summary", p + "/reviews/new", p + "/contacts/new",
                "/recovery/contacts/" + contact)) {
            routes.add(new Route("GET", path, true));
        }
        for (String path : List.of(p + "/strengths", "/recovery/goals/" + goal + "/conversations",
                "/recovery/conversations/" + conversation, "/recovery/strengths/" + assessment + "/summary",
                p + "/reviews", p + "/contacts", "/recovery/contacts/" + contact)) {
            routes.add(new Route("POST", path, true));
        }
        return routes;
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String version(String table, long id) {
        return String.valueOf(fixtures.version(table, id));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where person_id = ?").param(sam).query(Long.class).single();
    }

    private long audit(String action, String recordType, String actor) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and record_type = ? and actor_username = ? "
                + "and person_id = ? and outcome = 'ALLOWED'").params(action, recordType, actor, sam)
                .query(Long.class).single();
    }
}
