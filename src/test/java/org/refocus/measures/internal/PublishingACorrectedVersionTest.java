package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.testing.ActingAs;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Publishing a corrected version of an instrument (H-08), as a reviewer did it: QPR-15 version 2 prorates
 * a total when one question is skipped (version 1 gave none) and supersedes version 1; QPR-22 version 2
 * renames one question. Responses to version 1 completed after an administrator re-scored version 1's
 * responses with version 2 are scored with version 2 like them; a version whose rules scored stored
 * responses is never edited; and wording carries over to a new version that asks the same questions with
 * the same answers, so that the instrument stays in use.
 *
 * <p>Both versions 2 are stored as start-up would store them, in this class's own application context
 * and database ({@code @DirtiesContext}), so that no other test sees them. Publishing is repeated before
 * each test (storing the same definitions again changes nothing). The reviewer's journey runs first,
 * because it shows that a version is unchangeable once its rules scored responses nobody answered on it:
 * the other tests answer version 2.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishingACorrectedVersionTest extends DatabaseTest {

    private static final String REASON = "QPR-15 version 2 gives a total when one question is skipped";

    @Autowired
    InstrumentLibrary library;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ResponseImports imports;

    long qpr15v1;
    long qpr15v2;
    long qpr22v2;

    @BeforeEach
    void versionsTwoArePublished() {
        qpr15v1 = InstrumentVersions.versionId(jdbc, "qpr-15", "1");
        InstrumentVersions.synchronise(library, transaction, publishedFiles(1));
        qpr15v2 = InstrumentVersions.versionId(jdbc, "qpr-15", "2");
        qpr22v2 = InstrumentVersions.versionId(jdbc, "qpr-22", "2");
    }

    @Test
    @Order(1)
    void aResponseFinishedAfterItsVersionWasRescoredIsScoredWithTheCorrectedRulesAndThatVersionCannotThenChange()
            throws Exception {
        long person = newPerson("Petra");
        InstrumentDefinition v1 = library.version(qpr15v1).definition();
        // Begun on version 1 before version 2 was published, and saved part-way (the first page of 8).
        long underWay = jdbc.sql("""
                insert into measure_response (person_id, team_id, instrument_code, instrument_version_id, content_id,
                    mode, status, answers, started_at)
                select p.id, p.team_id, 'qpr-15', ?, ?, 'STAFF_ADMINISTERED', 'IN_PROGRESS', cast(? as smallint[]), ?
                from person p where p.id = ? returning id""")
                .params(qpr15v1, library.currentContent(qpr15v1).orElseThrow().id(),
                        ResponseCodec.answers(v1, threes(v1, 0, 8)), java.sql.Timestamp.from(Instant.now()), person)
                .query(Long.class).single();
        // Another one, completed on version 1 with one question skipped: no total under version 1's rule.
        long sibling = InstrumentVersions.store(jdbc, person, qpr15v1, v1, threes(v1, 0, 14), Instant.now());
        assertThat(scores(sibling)).isEqualTo("{NULL}");

        mvc.perform(post("/admin/instruments/" + qpr15v1 + "/rescore").param("scoringVersionId", Long.toString(qpr15v2))
                .param("reason", REASON).with(csrf()).with(as("admin"))).andExpect(redirectedUrl("/admin/instruments/" + qpr15v1));
        assertThat(scores(sibling)).isEqualTo("{45}");
        // The old version's page says so, for whoever looks at it later.
        assertThat(page("/admin/instruments/" + qpr15v1, "admin", "admin-instrument-rescored"))
                .contains("Scored with").contains("The corrected rules of qpr-15 v2. The responses to version 1 were "
                        + "re-scored with them, and responses to version 1 completed or imported from now on are scored "
                        + "with them too, so that all of them compare.");

        // Going on with it, the questions page gives the rule that will score it: version 2's.
        assertThat(page("/measures/responses/" + underWay + "/questions?page=2", "coordinator",
                "questions-after-rescoring")).contains("If up to 1 questions are skipped, the score is still worked "
                        + "out from the others.").doesNotContain("this questionnaire gives no total score");
        // The rest of the questions, skipping the last one, and submit.
        MockHttpServletRequestBuilder rest = post("/measures/responses/" + underWay + "/questions").param("version", "0")
                .param("page", "2").param("action", "submit");
        for (int i = 9; i <= 15; i++) {
            rest.param(String.format("answers[qpr_%02d]", i), i == 15 ? "" : "3");
        }
        mvc.perform(rest.with(csrf()).with(as("coordinator"))).andExpect(redirectedUrl("/measures/responses/" + underWay));

        assertThat(scores(underWay)).as("scored like its re-scored sibling").isEqualTo("{45}");
        assertThat(jdbc.sql("select scoring_version_id from measure_response where id = ?").param(underWay)
                .query(Long.class).single()).isEqualTo(qpr15v2);
        String page = page("/measures/responses/" + underWay, "coordinator", "response-completed-after-rescoring");
        assertThat(page).contains("45").doesNotContain("No score this time")
                .contains("Scored with").contains("qpr-15 v2")
                .contains("The responses to version 1 had been re-scored with the corrected rules of qpr-15 v2 before "
                        + "this one was completed, so it is scored with them too and its scores compare with theirs.");
        assertThat(jdbc.sql("select detail from audit_entry where record_type = 'measure_response' and record_id = ? "
                + "and detail like 'completed%'").param(Long.toString(underWay)).query(String.class).single())
                .isEqualTo("completed qpr-15 v1 with questions skipped, scored with qpr-15 v2 as its version's "
                        + "responses were re-scored");

        // Version 2 has scored stored responses: changing its definition stops the start-up...
        List<InstrumentLibrary.DefinitionFile> changed = publishedFiles(2);
        assertThatThrownBy(() -> InstrumentVersions.synchronise(library, transaction, changed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qpr-15 v2 has scored stored responses, so it is never edited");
        assertThat(jdbc.sql("select definition->'missingData'->>'maxMissingItems' from instrument_version "
                + "where id = ?").param(qpr15v2).query(String.class).single()).isEqualTo("1");
        // ...and the database refuses it too.
        assertThatThrownBy(() -> jdbc.sql("update instrument_version set definition = jsonb_set(definition, '{title}', "
                + "'\"Changed\"') where id = ?").param(qpr15v2).update())
                .hasMessageContaining("qpr-15 version 2 has scored stored responses and cannot be edited");
        assertThatThrownBy(() -> jdbc.sql("delete from instrument_version where id = ?").param(qpr15v2).update())
                .hasMessageContaining("has scored stored responses and cannot be deleted");
    }

    @Test
    void wordingCarriesOverToANewVersionThatAsksTheSameQuestionsSoTheInstrumentStaysInUse() throws Exception {
        InstrumentLibrary.StoredContent v1 = library.currentContent(qpr15v1).orElseThrow();
        InstrumentLibrary.StoredContent v2 = library.currentContent(qpr15v2).orElseThrow();
        assertThat(v2.carriedFromId()).isEqualTo(v1.id());
        assertThat(v2.content().version()).isEqualTo("2");
        assertThat(v2.content().copyright()).isEqualTo(v1.content().copyright());
        assertThat(v2.content().demo()).isEqualTo(v1.content().demo()).isFalse();
        assertThat(v2.content().itemTexts()).isEqualTo(v1.content().itemTexts());
        assertThat(v2.sourceFormat()).isEqualTo("SHIPPED");
        assertThat(jdbc.sql("select actor_username || ' ' || action || ' ' || detail from audit_entry "
                + "where record_type = 'instrument_content' and record_id = ?").param(Long.toString(v2.id()))
                .query(String.class).single())
                .isEqualTo("system CREATED wording of qpr-15 v1 carried over to qpr-15 v2: the same questions and answers");

        // The instrument is listed, described and can be given.
        String api = mvc.perform(get("/api/v1/instruments").with(as("coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"code\":\"qpr-15\",\"version\":\"2\"");
        assertThat(api.substring(api.indexOf("\"code\":\"qpr-15\""))).contains("\"wordingAvailable\":true");
        long person = newPerson("Carmen");
        String assign = page("/people/" + person + "/measures/assign", "coordinator", "assign-after-version-2");
        assertThat(assign).contains("Not listed, because their wording has not been imported yet: QPR-22.");
        String started = mvc.perform(post("/people/" + person + "/measures/start").param("instrument", "qpr-15")
                .with(csrf()).with(as("coordinator"))).andReturn().getResponse().getRedirectedUrl();
        assertThat(started).matches("/measures/responses/\\d+/questions");
        long response = Long.parseLong(started.replaceAll("\\D+(\\d+)\\D*", "$1"));
        assertThat(jdbc.sql("select instrument_version_id || ' ' || content_id from measure_response where id = ?")
                .param(response).query(String.class).single()).isEqualTo(qpr15v2 + " " + v2.id());
        assertThat(page(started, "coordinator", "questions-carried-over"))
                .contains(v1.content().itemText("qpr_01").orElseThrow());

        // The administrator sees where it came from.
        String admin = page("/admin/instruments/" + qpr15v2, "admin", "admin-instrument-carried-over");
        assertThat(admin).contains("This wording was carried over from version 1, because this version asks the same "
                + "questions with the same answers.").contains("Shipped with REFOCUS (carried over from version 1)");
    }

    @Test
    void wordingDoesNotCarryOverWhenTheQuestionsChangedAndTheAdministratorIsToldWhy() throws Exception {
        assertThat(library.currentContent(qpr22v2)).isEmpty();
        String admin = page("/admin/instruments/" + qpr22v2, "admin", "admin-instrument-not-carried-over");
        assertThat(admin).contains("No wording has been imported for this version. It cannot be given until there is.")
                .contains("The wording of version 1 was not carried over to this version, because its questions or "
                        + "their answers changed (questions added: qpr_22r; questions removed: qpr_22). Import the "
                        + "wording written for this version.");
        long person = newPerson("Nadia");
        mvc.perform(post("/people/" + person + "/measures/start").param("instrument", "qpr-22").with(csrf())
                .with(as("coordinator"))).andExpect(redirectedUrl("/people/" + person + "/measures"));
        assertThat(jdbc.sql("select count(*) from measure_response where person_id = ?").param(person)
                .query(Long.class).single()).isZero();
    }

    @Test
    void shippedWordingKeepsWorkingForVersionOneAndTheVersionItWasCarriedOverTo() {
        long shipped = library.currentContent(qpr15v1).orElseThrow().id();
        long carried = library.currentContent(qpr15v2).orElseThrow().id();
        // Starting again changes nothing.
        InstrumentVersions.synchronise(library, transaction, publishedFiles(1));
        assertThat(library.currentContent(qpr15v1).orElseThrow().id()).isEqualTo(shipped);
        assertThat(library.currentContent(qpr15v2).orElseThrow().id()).isEqualTo(carried);

        // A release whose shipped wording differs from the stored one: version 1 takes it, and version 2 with it.
        jdbc.sql("update instrument_content set content = jsonb_set(content, '{title}', '\"An earlier release\"') "
                + "where id in (?, ?)").params(shipped, carried).update();
        InstrumentVersions.synchronise(library, transaction, publishedFiles(1));
        InstrumentLibrary.StoredContent release = library.currentContent(qpr15v1).orElseThrow();
        InstrumentLibrary.StoredContent followed = library.currentContent(qpr15v2).orElseThrow();
        assertThat(release.id()).isNotEqualTo(shipped);
        assertThat(release.sourceFormat()).isEqualTo("SHIPPED");
        assertThat(release.content().title()).isNotEqualTo("An earlier release");
        assertThat(followed.carriedFromId()).isEqualTo(release.id());
        assertThat(followed.content().title()).isEqualTo(release.content().title());
    }

    @Test
    void responsesImportedAfterTheirVersionWasRescoredAreScoredTheSameWay(@TempDir Path directory) throws Exception {
        long person = newPerson("Ines");
        InstrumentDefinition v2 = library.version(qpr15v2).definition();
        long sibling = InstrumentVersions.store(jdbc, person, qpr15v2, v2, threes(v2, 0, 14), Instant.now());
        assertThat(scores(sibling)).isEqualTo("{45}");
        // Version 2's rule turned out to be wrong: an administrator scores its responses with version 1's again.
        mvc.perform(post("/admin/instruments/" + qpr15v2 + "/rescore").param("scoringVersionId", Long.toString(qpr15v1))
                .param("reason", "Prorating was not agreed").with(csrf()).with(as("admin")))
                .andExpect(redirectedUrl("/admin/instruments/" + qpr15v2));
        assertThat(scores(sibling)).isEqualTo("{NULL}");

        // Paper responses to the current version (2), one question skipped, imported afterwards.
        Path file = directory.resolve("paper.csv");
        Files.writeString(file, "person_id,date_of_birth,completed_on," + String.join(",", v2.items().stream()
                .map(org.refocus.measures.instrument.Item::key).toList()) + "\r\n" + person + ",1981-02-03,2025-01-15"
                + ",3".repeat(14) + ",\r\n");
        ResponseImports.JobView job = ActingAs.call(users, "coordinator",
                () -> imports.importNow(file, "paper.csv", "qpr-15", true));
        assertThat(job.rowsImported()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select instrument_version_id || ' ' || scoring_version_id || ' ' || score_values::text
                from measure_response where import_job_id = ?""").param(job.id()).query(String.class).single())
                .isEqualTo(qpr15v2 + " " + qpr15v1 + " {NULL}");
    }

    /**
     * The shipped definitions with QPR-15 version 2 (at most {@code maxMissing} questions skipped, prorated;
     * version 1 superseded) and QPR-22 version 2 (its last question renamed; version 1 superseded).
     */
    private static List<InstrumentLibrary.DefinitionFile> publishedFiles(int maxMissing) {
        List<InstrumentLibrary.DefinitionFile> files = new ArrayList<>();
        for (InstrumentLibrary.DefinitionFile file : InstrumentLibrary.definitionFiles()) {
            String code = file.definition().code();
            if (!code.equals("qpr-15") && !code.equals("qpr-22")) {
                files.add(file);
                continue;
            }
            files.add(InstrumentVersions.edited(file, json -> json.replaceFirst("\\{", "{\"superseded\": true, ")));
            files.add(InstrumentVersions.edited(file, json -> {
                String v2 = json.replace("\"version\": \"1\"", "\"version\": \"2\"");
                String changed = code.equals("qpr-15")
                        ? v2.replace("\"missingData\": {\"mode\": \"COMPLETE_ITEMS_ONLY\"}",
                                "\"missingData\": {\"mode\": \"PRORATE\", \"maxMissingItems\": " + maxMissing + "}")
                        : v2.replace("\"qpr_22\"", "\"qpr_22r\"");
                assertThat(changed).as(code + " version 2 differs from version 1 by more than its number")
                        .isNotEqualTo(v2);
                return changed;
            }));
        }
        return files;
    }

    private long newPerson(String name) {
        return jdbc.sql("""
                insert into person (given_name, family_name, date_of_birth, team_id)
                select ?, 'Published', date '1981-02-03', id from team where name like 'Riverside%'
                returning id""").param(name).query(Long.class).single();
    }

    /** Every question from {@code from} (counting from 0) up to {@code to} answered 3 ("Agree"). */
    private static Map<String, Integer> threes(InstrumentDefinition d, int from, int to) {
        Map<String, Integer> answers = new HashMap<>();
        d.items().subList(from, to).forEach(item -> answers.put(item.key(), 3));
        return answers;
    }

    private String scores(long response) {
        return jdbc.sql("select score_values::text from measure_response where id = ?").param(response)
                .query(String.class).single();
    }

    private String page(String url, String username, String name) throws Exception {
        String html = mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Path out = Path.of("target", "rendered-pages", "measures", name + ".html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);
        return HtmlUtils.htmlUnescape(html);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
