package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.refocus.measures.internal.PendingContentImports;
import org.refocus.measures.internal.PendingContentImports.Decision;
import org.refocus.measures.internal.PendingContentImports.Outcome;
import org.refocus.testing.ActingAs;
import org.refocus.testing.ContentFiles;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hazard H-09: wording an administrator uploads is used only once they have seen a preview of it (every
 * question in order, each answer's code beside its label, what it replaces and what changes) and made it
 * live. Cancelling keeps nothing; a second decision, a decision on a preview the wording in use has moved on
 * from, or one taken after a day changes nothing and says why; only the administrator who uploaded the
 * wording sees or decides it. Making it live and cancelling are audited with the file's SHA-256.
 *
 * <p>These tests share their database with the other measures tests, so they use WEMWBS and DIALOG (whose
 * demo wording no other test relies on) and compare with whatever wording is in use when they start.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContentPreviewTest extends DatabaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PendingContentImports pendingImports;

    @Test
    void nothingFromAnUploadedFileIsUsedUntilItsUploaderMakesItLiveAndThatIsAudited() throws Exception {
        long inUse = current("wemwbs");
        byte[] file = wemwbs("[Live test wording]");
        String preview = upload(file, "wemwbs-live.json", "admin");

        // Checked and kept, but not used: the wording in use, and so what people are asked, is unchanged.
        assertThat(current("wemwbs")).isEqualTo(inUse);
        assertThat(mvc.perform(get("/api/v1/instruments/" + versionId("wemwbs")).with(as("admin")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("[Live test wording]");
        String page = page(preview, "admin");
        assertThat(page).contains("Nothing is live yet").contains("[Live test wording]").contains("wemwbs-live.json")
                .contains("Make this wording live");

        String after = mvc.perform(post(preview).param("decision", "live").param("replacing", replacing(page))
                        .with(csrf()).with(as("admin")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "measures.preview.madeLive"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(after).isEqualTo("/admin/instruments/" + versionId("wemwbs"));
        long live = current("wemwbs");
        assertThat(live).isNotEqualTo(inUse);
        assertThat(page(after, "admin")).contains("[Live test wording]");
        assertThat(jdbc.sql("select status || ' ' || (content is null) || ' ' || content_id from instrument_content_import "
                + "where id = ?").param(id(preview)).query(String.class).single()).isEqualTo("LIVE true " + live);
        // Who (the actor), which instrument version and which file (its SHA-256).
        assertThat(jdbc.sql("""
                select actor_username || ' ' || outcome || ': ' || detail from audit_entry
                where record_type = 'instrument_content' and record_id = ? and action = 'CREATED'""")
                .param(Long.toString(live)).query(String.class).single())
                .startsWith("admin ALLOWED: wemwbs v1 made live in place of wording " + inUse)
                .contains("wemwbs-live.json").endsWith("SHA-256 " + sha256(file));
    }

    @Test
    void cancellingKeepsNoWordingLeavesTheWordingInUseAndIsAudited() throws Exception {
        long inUse = current("wemwbs");
        long stored = jdbc.sql("select count(*) from instrument_content").query(Long.class).single();
        byte[] file = wemwbs("[Cancelled test wording]");
        String preview = upload(file, "wemwbs-cancel.json", "admin");

        String after = mvc.perform(post(preview).param("decision", "cancel").param("replacing", Long.toString(inUse))
                        .with(csrf()).with(as("admin")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "measures.preview.cancelled"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(after).isEqualTo("/admin/instruments/content");
        assertThat(current("wemwbs")).isEqualTo(inUse);
        assertThat(jdbc.sql("select count(*) from instrument_content").query(Long.class).single()).isEqualTo(stored);
        assertThat(jdbc.sql("select status || ' ' || (content is null) || ' ' || (content_id is null) "
                + "from instrument_content_import where id = ?").param(id(preview)).query(String.class).single())
                .isEqualTo("CANCELLED true true");
        assertThat(jdbc.sql("""
                select actor_username || ' ' || action || ': ' || detail from audit_entry
                where record_type = 'instrument_content_import' and record_id = ? order by id""")
                .param(Long.toString(id(preview))).query(String.class).list())
                .containsExactly("admin CREATED: wemwbs v1 waiting to be checked and made live; file wemwbs-cancel.json "
                                + "(REFOCUS_JSON), SHA-256 " + sha256(file),
                        "admin CHANGED: wemwbs v1 cancelled after its preview: not made live, not kept; file "
                                + "wemwbs-cancel.json (REFOCUS_JSON), SHA-256 " + sha256(file));
        // Once decided, the preview says so and offers nothing more to do.
        assertThat(page(preview, "admin")).contains("This wording was cancelled on").doesNotContain("Make this wording live");
    }

    @Test
    void thePreviewShowsEachAnswersCodeBesideItsLabelAndWhichQuestionsChangeAgainstTheWordingInUse() throws Exception {
        String baseline = upload(wemwbs("[Baseline wording]"), "wemwbs-baseline.json", "admin");
        makeLive(baseline, "admin");

        ObjectNode changed = (ObjectNode) JSON.readTree(wemwbs("[Baseline wording]"));
        ((ObjectNode) changed.get("items")).put("wemwbs_03", "[Changed wording] item 3 on another key?");
        changed.putObject("itemOptions").putObject("wemwbs_05").put("1", "None of the time").put("5", "All of the time");
        changed.put("instructions", "Over the last 2 weeks");
        String preview = upload(JSON.writeValueAsBytes(changed), "wemwbs-changed.json", "admin");
        String page = page(preview, "admin");

        assertThat(page).contains("The wording in use now: Imported content file, wemwbs-baseline.json")
                .contains("2 questions of 14 changed")
                .contains("Question 3 (wemwbs_03): question text")
                .contains("Question 5 (wemwbs_05): answer labels for codes 1, 5")
                .contains("The instructions changed.")
                .contains("Over the last 2 weeks")
                .contains("Warwick-Edinburgh Mental Well-being Scale");
        // Every question in order, its key beside its text, and each answer's code beside its label; where the
        // label is not the definition's, the definition's is shown too, so a reversed scale stands out.
        assertThat(page.indexOf("<code>wemwbs_01</code>")).isPositive()
                .isLessThan(page.indexOf("<code>wemwbs_02</code>"));
        assertThat(row(page, "wemwbs_03")).contains("[Changed wording] item 3 on another key?").contains("Changed");
        assertThat(row(page, "wemwbs_05")).contains("<strong>1</strong> None of the time")
                .contains("(the definition says: 1 (lowest))").contains("<strong>5</strong> All of the time")
                .contains("(the definition says: 5 (highest))");
        assertThat(row(page, "wemwbs_04")).contains("<strong>1</strong> [Demo] 1 (lowest)").doesNotContain("Changed");

        // The same wording again changes nothing a person would see, and says so.
        String same = upload(wemwbs("[Baseline wording]"), "wemwbs-same.json", "admin");
        assertThat(page(same, "admin")).contains("Nothing a person would see: this wording is the same");
        cancel(same, "admin");
        cancel(preview, "admin");
    }

    @Test
    void aSecondDecisionChangesNothingAndSaysSo() throws Exception {
        String preview = upload(wemwbs("[Twice test wording]"), "wemwbs-twice.json", "admin");
        String page = page(preview, "admin");
        makeLive(preview, "admin");
        long live = current("wemwbs");
        long stored = jdbc.sql("select count(*) from instrument_content").query(Long.class).single();

        // The same form sent again (a second click, the back button): nothing more is stored.
        MockHttpServletResponse again = mvc.perform(post(preview).param("decision", "live")
                .param("replacing", replacing(page)).with(csrf()).with(as("admin"))).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("Nothing was changed this time")
                .contains("This wording was made live on");
        MockHttpServletResponse cancelled = mvc.perform(post(preview).param("decision", "cancel").with(csrf())
                .with(as("admin"))).andReturn().getResponse();
        assertThat(cancelled.getStatus()).isEqualTo(409);
        assertThat(current("wemwbs")).isEqualTo(live);
        assertThat(jdbc.sql("select count(*) from instrument_content").query(Long.class).single()).isEqualTo(stored);
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'instrument_content' and record_id = ?")
                .param(Long.toString(live)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from instrument_content_import where id = ?").param(id(preview))
                .query(String.class).single()).isEqualTo("LIVE");
    }

    @Test
    void aPreviewTheWordingInUseHasMovedOnFromIsShownAgainInsteadOfReplacingItUnseen() throws Exception {
        String other = secondAdministrator();
        String mine = upload(wemwbs("[My wording]"), "wemwbs-mine.json", "admin");
        String myPage = page(mine, "admin");

        // Meanwhile another administrator makes their own wording live.
        String theirs = upload(wemwbs("[Their wording]"), "wemwbs-theirs.json", other);
        makeLive(theirs, other);
        long theirLive = current("wemwbs");

        MockHttpServletResponse stale = mvc.perform(post(mine).param("decision", "live")
                .param("replacing", replacing(myPage)).with(csrf()).with(as("admin"))).andReturn().getResponse();
        assertThat(stale.getStatus()).as("the preview is shown again").isEqualTo(200);
        String shownAgain = stale.getContentAsString();
        assertThat(shownAgain).contains("Nothing was made live: the wording in use for wemwbs v1 changed after you "
                        + "opened this preview").contains("wemwbs-theirs.json")
                .contains("The wording in use now: Imported content file, wemwbs-theirs.json")
                .contains("[My wording]").contains("Make this wording live");
        assertThat(replacing(shownAgain)).isEqualTo(Long.toString(theirLive));
        assertThat(current("wemwbs")).isEqualTo(theirLive);
        assertThat(jdbc.sql("select status from instrument_content_import where id = ?").param(id(mine))
                .query(String.class).single()).isEqualTo("PENDING");

        // Having seen what changes against their wording, the administrator may still make theirs live.
        mvc.perform(post(mine).param("decision", "live").param("replacing", replacing(shownAgain)).with(csrf())
                .with(as("admin"))).andExpect(status().is3xxRedirection());
        assertThat(current("wemwbs")).isNotEqualTo(theirLive);
    }

    @Test
    void onlyTheAdministratorWhoUploadedTheWordingSeesOrDecidesIt() throws Exception {
        String other = secondAdministrator();
        long inUse = current("wemwbs");
        String preview = upload(wemwbs("[Someone else's wording]"), "wemwbs-own.json", "admin");
        String page = page(preview, "admin");

        mvc.perform(get(preview).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post(preview).param("decision", "live").param("replacing", replacing(page)).with(csrf())
                .with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post(preview).param("decision", "cancel").with(csrf()).with(as(other)))
                .andExpect(status().isNotFound());
        assertThat(page("/admin/instruments/content", other)).doesNotContain("wemwbs-own.json");
        for (String role : new String[] {"coordinator", "teamlead", "serviceuser"}) {
            mvc.perform(get(preview).with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post(preview).param("decision", "live").param("replacing", replacing(page)).with(csrf())
                    .with(as(role))).andExpect(status().isForbidden());
        }
        assertThat(current("wemwbs")).isEqualTo(inUse);
        assertThat(jdbc.sql("select status from instrument_content_import where id = ?").param(id(preview))
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where record_type = 'instrument_content_import' and record_id = ?
                  and outcome = 'DENIED' and actor_username = ?""").params(Long.toString(id(preview)), other)
                .query(Long.class).single()).isEqualTo(3);
        // Its uploader finds it again from the import page, until they decide.
        assertThat(page("/admin/instruments/content", "admin")).contains("waiting for you to check it")
                .contains("wemwbs-own.json").contains(preview);
        cancel(preview, "admin");
    }

    @Test
    void wordingLeftWaitingForADayIsDroppedAndCannotBeMadeLive() throws Exception {
        long inUse = current("wemwbs");
        String preview = upload(wemwbs("[Expired wording]"), "wemwbs-expired.json", "admin");
        String page = page(preview, "admin");
        jdbc.sql("update instrument_content_import set expires_at = now() - interval '1 minute' where id = ?")
                .param(id(preview)).update();

        assertThat(page(preview, "admin")).contains("waited more than 24 hours").contains("upload the file again")
                .doesNotContain("[Expired wording]");
        MockHttpServletResponse late = mvc.perform(post(preview).param("decision", "live")
                .param("replacing", replacing(page)).with(csrf()).with(as("admin"))).andReturn().getResponse();
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString()).contains("Nothing was changed this time");
        assertThat(current("wemwbs")).isEqualTo(inUse);
        assertThat(jdbc.sql("select status || ' ' || (content is null) from instrument_content_import where id = ?")
                .param(id(preview)).query(String.class).single()).isEqualTo("EXPIRED true");
    }

    @Test
    void wordingLeftWaitingForADayIsDroppedWhenTheUploadPageIsOpenedEvenIfNobodyOpensItsPreview() throws Exception {
        String preview = upload(wemwbs("[Forgotten wording]"), "wemwbs-forgotten.json", "admin");
        jdbc.sql("update instrument_content_import set expires_at = now() - interval '1 minute' where id = ?")
                .param(id(preview)).update();

        mvc.perform(get("/admin/instruments/content").with(as("admin"))).andExpect(status().isOk());

        assertThat(jdbc.sql("select status || ' ' || (content is null) from instrument_content_import where id = ?")
                .param(id(preview)).query(String.class).single()).isEqualTo("EXPIRED true");
    }

    @Test
    void eachInstrumentOfAFileHasItsOwnPreviewOneAfterTheOther() throws Exception {
        ObjectNode bundle = JSON.createObjectNode().put("format", "refocus-instrument-content").put("formatVersion", 1);
        bundle.putArray("contents").add(JSON.readTree(ContentFiles.demo("dialog"))).add(JSON.readTree(wemwbs("[Bundle wording]")));
        String first = upload(JSON.writeValueAsBytes(bundle), "bundle.json", "admin");
        String page = page(first, "admin");
        assertThat(page).contains("Check the wording of DIALOG version 1").contains("Everything in this file")
                .contains("wemwbs v1").contains("waiting for you to check it");

        String second = mvc.perform(post(first).param("decision", "live").param("replacing", replacing(page))
                        .with(csrf()).with(as("admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "measures.preview.madeLiveNext"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(id(second)).isEqualTo(id(first) + 1);
        assertThat(page(second, "admin")).contains("Check the wording of WEMWBS version 1").contains("[Bundle wording]").contains("made live");
        cancel(second, "admin");
    }

    @Test
    void twoDecisionsAtTheSameMomentMakeWordingLiveOnceAndNeverOneOverTheOtherUnseen() throws Exception {
        // The same preview made live from two tabs at once: once.
        long inUse = current("wemwbs");
        long twice = id(upload(wemwbs("[At once wording]"), "wemwbs-at-once.json", "admin"));
        assertThat(atTheSameMoment(() -> pendingImports.makeLive(twice, inUse),
                () -> pendingImports.makeLive(twice, inUse))).containsExactlyInAnyOrder(Outcome.MADE_LIVE,
                Outcome.ALREADY_LIVE);
        long live = current("wemwbs");
        assertThat(jdbc.sql("select count(*) from instrument_content where id > ? and instrument_version_id = ?")
                .params(inUse, versionId("wemwbs")).query(Long.class).single()).isEqualTo(1);

        // Two previews, both compared with the same wording in use, made live at once: the second is refused.
        long first = id(upload(wemwbs("[First at once]"), "wemwbs-first.json", "admin"));
        long second = id(upload(wemwbs("[Second at once]"), "wemwbs-second.json", "admin"));
        assertThat(atTheSameMoment(() -> pendingImports.makeLive(first, live),
                () -> pendingImports.makeLive(second, live))).containsExactlyInAnyOrder(Outcome.MADE_LIVE,
                Outcome.WORDING_CHANGED);
        assertThat(jdbc.sql("select count(*) from instrument_content_import where id in (?, ?) and status = 'PENDING'")
                .params(first, second).query(Long.class).single()).isEqualTo(1);
        jdbc.sql("select id from instrument_content_import where id in (?, ?) and status = 'PENDING'")
                .params(first, second).query(Long.class).list()
                .forEach(waiting -> call(() -> pendingImports.cancel(waiting)));
    }

    // ------------------------------------------------------------------ helpers

    /** Two decisions by the administrator, released at the same moment on two threads. */
    private List<Outcome> atTheSameMoment(Callable<Decision> one, Callable<Decision> other) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Decision>> decisions = new ArrayList<>();
            for (Callable<Decision> decision : List.of(one, other)) {
                decisions.add(pool.submit(() -> {
                    go.await();
                    return ActingAs.call(users, "admin", decision);
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Decision> decision : decisions) {
                outcomes.add(decision.get(60, TimeUnit.SECONDS).outcome());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private void call(Callable<Decision> decision) {
        try {
            ActingAs.call(users, "admin", decision);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a file as the administrator; the preview of its first instrument. */
    private String upload(byte[] file, String name, String username) throws Exception {
        String preview = mvc.perform(multipart("/admin/instruments/content")
                        .file(new MockMultipartFile("file", name, "application/json", file)).param("instrument", "")
                        .with(csrf()).with(as(username)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(preview).matches("/admin/instruments/content/previews/\\d+");
        return preview;
    }

    private void makeLive(String preview, String username) throws Exception {
        mvc.perform(post(preview).param("decision", "live").param("replacing", replacing(page(preview, username)))
                .with(csrf()).with(as(username))).andExpect(status().is3xxRedirection());
    }

    private void cancel(String preview, String username) throws Exception {
        mvc.perform(post(preview).param("decision", "cancel").with(csrf()).with(as(username)))
                .andExpect(status().is3xxRedirection());
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of one question on a preview. */
    private static String row(String page, String key) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"item-" + key + "\".*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("the row of " + key).isTrue();
        return row.group();
    }

    private static String replacing(String page) {
        return InstrumentLibraryTest.replacing(page);
    }

    private static long id(String preview) {
        return Long.parseLong(preview.substring(preview.lastIndexOf('/') + 1));
    }

    /** The id of the wording in use for the current version of an instrument. */
    private long current(String code) {
        return jdbc.sql("select id from instrument_content where instrument_version_id = ? and current")
                .param(versionId(code)).query(Long.class).single();
    }

    private long versionId(String code) {
        return jdbc.sql("select id from instrument_version where code = ? and not superseded").param(code)
                .query(Long.class).single();
    }

    private String secondAdministrator() {
        String username = "second.admin." + N.incrementAndGet() + "." + System.nanoTime();
        jdbc.sql("""
                insert into account (username, display_name, role, status, password_hash)
                select ?, 'Second Administrator', 'ADMIN', 'ACTIVE', password_hash from account where username = 'admin'""")
                .param(username).update();
        return username;
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** The demo WEMWBS wording, marked as an organisation's own with this prefix instead of "[Demo wording]". */
    private static byte[] wemwbs(String prefix) throws Exception {
        return ContentFiles.demo("wemwbs").replace("[Demo wording]", prefix).replaceFirst("\"demo\"\\s*:\\s*true", "\"demo\": false")
                .getBytes(StandardCharsets.UTF_8);
    }


    private static String sha256(byte[] file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    }
}
