package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.refocus.testing.ContentFiles;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The instrument library: every version stored at start-up; an answered version never edited; wording
 * imported by an administrator (REFOCUS content file or FHIR Questionnaire), checked against the
 * definition first, made live only from a preview and shown with its copyright line; and re-scoring
 * that keeps old and new scores.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InstrumentLibraryTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDefinitionIsStoredAtStartUpAndTheShippedAndDemoWordingWithIt() {
        assertThat(jdbc.sql("select code || ' v' || version from instrument_version order by code").query(String.class)
                .list()).containsExactly("dialog v1", "inspire v1", "inspire-brief v1", "inspire-o-brief v1",
                "qpr-15 v1", "qpr-22 v1", "swemwbs v1", "wemwbs v1");
        assertThat(jdbc.sql("select v.code || ' ' || c.source_format from instrument_content c join instrument_version v "
                + "on v.id = c.instrument_version_id where c.current and v.code like 'qpr%' order by 1").query(String.class)
                .list()).containsExactly("qpr-15 SHIPPED", "qpr-22 SHIPPED");
        // The demo wording is part of the installation: stored at start-up directly, by nobody, with no preview
        // (other tests here may since have made an administrator's wording live in place of some of it).
        assertThat(jdbc.sql("select count(*) from instrument_content where source_format = 'DEMO' and demo "
                + "and created_by is null").query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from instrument_content c where c.source_format in ('DEMO', 'SHIPPED') "
                + "and exists (select 1 from instrument_content_import i where i.content_id = c.id)").query(Long.class)
                .single()).isZero();
    }

    @Test
    void theDatabaseRefusesToEditAVersionThatHasBeenAnswered() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        update instrument_version set definition = jsonb_set(definition, '{title}', '"Changed"')
                        where code = 'qpr-15'""").update())
                .hasMessageContaining("has been answered and cannot be edited");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "delete from instrument_version where code = 'qpr-15'").update()).hasMessageContaining("cannot be deleted");
        // Marking it superseded is not an edit of what was answered.
        jdbc.sql("update instrument_version set definition = jsonb_set(definition, '{superseded}', 'false') "
                + "where code = 'qpr-15'").update();
    }

    @Test
    void anAdministratorImportsWordingFromAContentFileAndSeesItWithTheCopyrightLine() throws Exception {
        long inUse = currentContent("wemwbs");
        String file = demo("wemwbs").replace("[Demo wording]", "[Organisation wording]").replaceFirst("\"demo\"\\s*:\\s*true", "\"demo\": false");
        String preview = mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", "wemwbs.json", "application/json", file.getBytes(StandardCharsets.UTF_8)))
                        .param("instrument", "").with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/admin/instruments/content/previews/");
        // Checked, but not used until the administrator has seen it and made it live (H-09).
        assertThat(currentContent("wemwbs")).isEqualTo(inUse);
        String page = mvc.perform(get(preview).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("[Organisation wording]").contains("Warwick-Edinburgh Mental Well-being Scale")
                .contains("Make this wording live");

        String instrument = mvc.perform(post(preview).param("decision", "live").param("replacing", replacing(page))
                        .with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        page = mvc.perform(get(instrument).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("[Organisation wording]").contains("Copyright: Warwick-Edinburgh Mental Well-being Scale")
                .contains("Imported content file");
        assertThat(currentContent("wemwbs")).isNotEqualTo(inUse);
        assertThat(currentSource("wemwbs")).isEqualTo("REFOCUS_JSON false");
        assertThat(jdbc.sql("select count(*) from instrument_content c join instrument_version v on v.id = "
                + "c.instrument_version_id where v.code = 'wemwbs'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'instrument_content' and action = 'CREATED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAdministratorImportsWordingFromAFhirQuestionnaire() throws Exception {
        byte[] questionnaire;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("instruments/fhir/swemwbs-questionnaire.json")) {
            questionnaire = in.readAllBytes();
        }
        String preview = mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", "swemwbs.json", "application/fhir+json", questionnaire))
                        .param("instrument", "swemwbs").with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(preview).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Imported FHIR Questionnaire");
        mvc.perform(post(preview).param("decision", "live").param("replacing", replacing(page))
                        .with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select c.source_format from instrument_content c join instrument_version v "
                + "on v.id = c.instrument_version_id where v.code = 'swemwbs' and c.current").query(String.class).single())
                .isEqualTo("FHIR_QUESTIONNAIRE");
        // Without saying which instrument, a Questionnaire that is not ours cannot be placed.
        mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", "swemwbs.json", "application/fhir+json", questionnaire))
                        .param("instrument", "").with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose which instrument")));
    }

    @Test
    void wordingThatDoesNotFitTheDefinitionIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
        long before = jdbc.sql("select count(*) from instrument_content").query(Long.class).single();
        long waitingBefore = jdbc.sql("select count(*) from instrument_content_import").query(Long.class).single();
        String missingItem = demo("dialog").replaceFirst("\"dialog_03\"\\s*:\\s*\"[^\"]*\",", "");
        mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", "dialog.json", "application/json", missingItem.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("item &#39;dialog_03&#39; has no text")));
        mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The file is not JSON")));
        assertThat(jdbc.sql("select count(*) from instrument_content").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from instrument_content_import").query(Long.class).single())
                .isEqualTo(waitingBefore);
        mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", "dialog.json", "application/json", demo("dialog").getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void wordingWhoseOptionLabelsAreInAnotherOrderThanTheDefinitionsIsRefusedAndNothingIsStored() throws Exception {
        long before = jdbc.sql("select count(*) from instrument_content").query(Long.class).single();
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var qpr15 = (tools.jackson.databind.node.ObjectNode) mapper.readTree(shipped("qpr-15"));
        ((tools.jackson.databind.node.ObjectNode) qpr15.get("options").get("agreement"))
                .put("0", "Agree strongly").put("4", "Disagree strongly");

        mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", "qpr-15.json", "application/json",
                                mapper.writeValueAsBytes(qpr15)))
                        .param("instrument", "").with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "qpr-15 v1: response set &#39;agreement&#39;: code 0 is &#39;Agree strongly&#39; in the file, "
                                + "but &#39;Disagree strongly&#39; in the definition; code 4 is &#39;Disagree strongly&#39; "
                                + "in the file, but &#39;Agree strongly&#39; in the definition. The codes decide the score, "
                                + "so the labels must be in the definition&#39;s order.")));

        assertThat(jdbc.sql("select count(*) from instrument_content").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select c.source_format from instrument_content c join instrument_version v "
                + "on v.id = c.instrument_version_id where v.code = 'qpr-15' and c.current").query(String.class).single())
                .isEqualTo("SHIPPED");
    }

    @Test
    void reScoringRecordsOldAndNewScoresWithTheReasonAndAuditsEachChange() throws Exception {
        long versionId = jdbc.sql("select id from instrument_version where code = 'inspire-brief'").query(Long.class).single();
        long response = jdbc.sql("select id from measure_response where instrument_version_id = ? and status = 'COMPLETED' "
                + "order by id limit 1").param(versionId).query(Long.class).single();
        String right = jdbc.sql("select score_values[1]::text from measure_response where id = ?").param(response)
                .query(String.class).single();
        // As if an earlier, faulty rule had stored a wrong total.
        jdbc.sql("update measure_response set score_values = '{1.0}' where id = ?")
                .param(response).update();
        long person = jdbc.sql("select person_id from measure_response where id = ?").param(response).query(Long.class).single();

        mvc.perform(post("/admin/instruments/" + versionId + "/rescore").param("scoringVersionId", Long.toString(versionId))
                        .param("reason", "Corrected rounding of the total").with(csrf())
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select score_values[1]::text from measure_response where id = ?").param(response)
                .query(String.class).single()).isEqualTo(right);
        assertThat(jdbc.sql("select (old_scores->'total'->>'value') || ' -> ' || (new_scores->'total'->>'value') || ' ' || reason "
                + "from measure_rescore where response_id = ?").param(response).query(String.class).single())
                .isEqualTo("1.0 -> " + right + " Corrected rounding of the total");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'measure_response' and record_id = ? "
                + "and action = 'CHANGED' and person_id = ?").params(Long.toString(response), person).query(Long.class)
                .single()).isEqualTo(1);
        // Responses whose scores did not change are left alone.
        assertThat(jdbc.sql("select count(*) from measure_rescore").query(Long.class).single()).isEqualTo(1);
        String page = mvc.perform(get("/measures/responses/" + response).with(user(users.loadUserByUsername("coordinator"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Changes to the scores").contains("Corrected rounding of the total");
        mvc.perform(post("/admin/instruments/" + versionId + "/rescore").param("scoringVersionId", Long.toString(versionId))
                .param("reason", "x").with(csrf()).with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isForbidden());
    }

    private long currentContent(String code) {
        return jdbc.sql("select c.id from instrument_content c join instrument_version v on v.id = c.instrument_version_id "
                + "where v.code = ? and c.current").param(code).query(Long.class).single();
    }

    /** What the wording in use for this instrument is: where it came from, and whether it is demo wording. */
    private String currentSource(String code) {
        return jdbc.sql("select source_format || ' ' || demo from instrument_content c join instrument_version v "
                + "on v.id = c.instrument_version_id where v.code = ? and c.current").param(code).query(String.class)
                .single();
    }

    /** The wording in use that a preview was compared with, as its form sends it back. */
    static String replacing(String preview) {
        var found = java.util.regex.Pattern.compile("name=\"replacing\"(?: value=\"(\\d*)\")?").matcher(preview);
        assertThat(found.find()).as("the preview's form").isTrue();
        return found.group(1) == null ? "" : found.group(1);
    }

    private static String demo(String code) {
        return ContentFiles.demo(code);
    }

    private static String shipped(String code) {
        return ContentFiles.one("qpr-en-GB.json", code);
    }
}
