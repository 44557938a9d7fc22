package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.measures.internal.AnsweredPage;
import org.refocus.measures.internal.MeasureResponses;
import org.refocus.measures.internal.PageSave;
import org.refocus.testing.ActingAs;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A questions page open in two tabs, or sent twice by a double click without JavaScript: each question is
 * merged on its own with what was saved meanwhile, and only a question changed in both places to different
 * answers is shown back for the person to choose; nothing they chose is lost (H-06). Pages are posted with
 * the hidden fields they carry, as a browser would.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnswersFromTwoTabsTest extends DatabaseTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeasureResponses measureResponses;

    @Autowired
    TransactionTemplate transaction;

    OwnCaseload caseload;

    @BeforeEach
    void aPersonWithTheirOwnPractitioner() {
        caseload = OwnCaseload.create(jdbc, "Tabitha");
    }

    @Test
    void twoTabsSavingDifferentQuestionsOfOnePageKeepBoth() throws Exception {
        String questions = start(caseload.personUser());
        Map<String, String> tabA = opened(questions, caseload.personUser());
        Map<String, String> tabB = opened(questions, caseload.personUser());
        assertThat(tabA).containsEntry("version", "0").containsEntry("shown[qpr_01]", "")
                .containsEntry("shown[qpr_08]", "");

        send(questions, tabA, Map.of("qpr_01", "3", "qpr_02", "3", "qpr_03", "3", "qpr_04", "3"), "next",
                caseload.personUser()).andExpect(redirectedUrl(questions + "?page=2"));
        send(questions, tabB, Map.of("qpr_05", "2", "qpr_06", "2", "qpr_07", "2", "qpr_08", "2"), "later",
                caseload.personUser()).andExpect(redirectedUrl("/people/" + caseload.person() + "/measures"));

        assertThat(answers()).isEqualTo(new TreeMap<>(Map.of("qpr_01", 3, "qpr_02", 3, "qpr_03", 3, "qpr_04", 3,
                "qpr_05", 2, "qpr_06", 2, "qpr_07", 2, "qpr_08", 2)));
    }

    @Test
    void aQuestionChangedInBothTabsIsShownBackWithTheAnswerChosenAndWhatIsStoredNow() throws Exception {
        // Staff giving it in a session use the same page; here two of them, or one in two tabs.
        String questions = start(caseload.practitioner());
        Map<String, String> tabA = opened(questions, caseload.practitioner());
        Map<String, String> tabB = opened(questions, caseload.practitioner());
        send(questions, tabA, Map.of("qpr_01", "4", "qpr_03", "1"), "next", caseload.practitioner())
                .andExpect(redirectedUrl(questions + "?page=2"));

        String page = send(questions, tabB, Map.of("qpr_01", "1", "qpr_02", "2", "qpr_03", "1"), "later",
                caseload.practitioner()).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        save("questions-changed-elsewhere", page);

        assertThat(page).contains("<title>Error: ").contains("Some answers were changed in another tab or by someone else")
                .contains("<a href=\"#answers-qpr_01\">Question 1 is now saved as “Agree strongly”</a>")
                .contains("Changed in another tab or by someone else: it is now saved as “Agree strongly”")
                .doesNotContain("href=\"#answers-qpr_03\""); // the same answer in both tabs
        assertThat(checked(page)).containsEntry("qpr_01", "1").containsEntry("qpr_02", "2").containsEntry("qpr_03", "1");
        // The other answers of the page are saved; the one changed in both places waits for the person.
        assertThat(answers()).isEqualTo(new TreeMap<>(Map.of("qpr_01", 4, "qpr_02", 2, "qpr_03", 1)));

        // Sending the page again keeps what it now shows as chosen.
        Map<String, String> shownAgain = hidden(page);
        assertThat(shownAgain).containsEntry("shown[qpr_01]", "4").containsEntry("version", Integer.toString(version()));
        send(questions, shownAgain, checked(page), "later", caseload.practitioner())
                .andExpect(redirectedUrl("/people/" + caseload.person() + "/measures"));
        assertThat(answers()).containsEntry("qpr_01", 1).containsEntry("qpr_02", 2);
    }

    @Test
    void aQuestionClearedInAnotherTabIsShownAsCleared() throws Exception {
        String questions = start(caseload.personUser());
        send(questions, opened(questions, caseload.personUser()), Map.of("qpr_02", "3"), "later", caseload.personUser());
        Map<String, String> tabA = opened(questions, caseload.personUser());
        Map<String, String> tabB = opened(questions, caseload.personUser());
        send(questions, tabA, Map.of("qpr_02", ""), "later", caseload.personUser());

        String page = send(questions, tabB, Map.of("qpr_02", "0"), "next", caseload.personUser())
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Question 2 is now cleared, with no answer");
        assertThat(checked(page)).containsEntry("qpr_02", "0");
        assertThat(answers()).doesNotContainKey("qpr_02");
    }

    @Test
    void aDoubleClickOnSaveAndContinueSavesOnceAndGoesOn() throws Exception {
        String questions = start(caseload.personUser());
        Map<String, String> page = opened(questions, caseload.personUser());
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            all.put("qpr_%02d".formatted(i), "3");
        }

        send(questions, page, all, "next", caseload.personUser()).andExpect(redirectedUrl(questions + "?page=2"));
        send(questions, page, all, "next", caseload.personUser()).andExpect(redirectedUrl(questions + "?page=2"));

        assertThat(answers()).hasSize(8).allSatisfy((key, code) -> assertThat(code).isEqualTo(3));
    }

    @Test
    void aDoubleClickOnSubmitCompletesTheResponseOnceAndShowsIt() throws Exception {
        String questions = start(caseload.personUser());
        Map<String, String> last = opened(questions + "?page=2", caseload.personUser());
        Map<String, String> rest = new LinkedHashMap<>();
        for (int i = 9; i <= 15; i++) {
            rest.put("qpr_%02d".formatted(i), "2");
        }
        String result = "/measures/responses/" + response();

        send(questions, last, rest, "submit", caseload.personUser()).andExpect(redirectedUrl(result));
        // The second click sends what was submitted: nothing to say about it.
        send(questions, last, rest, "submit", caseload.personUser()).andExpect(redirectedUrl(result))
                .andExpect(flash().attributeCount(0));

        assertThat(jdbc.sql("select status from measure_response where id = ?").param(response()).query(String.class)
                .single()).isEqualTo("COMPLETED");
    }

    @Test
    void answersSentAfterAnotherTabSubmittedAreNotSavedAndThePersonIsToldSo() throws Exception {
        String questions = start(caseload.personUser());
        Map<String, String> tabB = opened(questions + "?page=2", caseload.personUser());
        Map<String, String> rest = new LinkedHashMap<>();
        for (int i = 9; i <= 15; i++) {
            rest.put("qpr_%02d".formatted(i), "2");
        }
        String result = "/measures/responses/" + response();
        send(questions, opened(questions + "?page=2", caseload.personUser()), rest, "submit", caseload.personUser())
                .andExpect(redirectedUrl(result));

        rest.put("qpr_09", "4");
        MockHttpServletRequestBuilder late = post(questions).param("action", "later");
        tabB.forEach(late::param);
        rest.forEach((key, value) -> late.param("answers[" + key + "]", value));
        // The redirect's one-time message travels in the session, which its cookie names.
        jakarta.servlet.http.Cookie session = mvc.perform(late.with(csrf()).with(as(caseload.personUser())))
                .andExpect(redirectedUrl(result))
                .andExpect(flash().attribute("problem", "measures.questions.alreadySubmitted")).andReturn()
                .getResponse().getCookie("SESSION");
        assertThat(answers()).containsEntry("qpr_09", 2);
        String page = mvc.perform(get(result).cookie(session).with(as(caseload.personUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This questionnaire was already submitted, in another tab or by someone else, so the "
                + "answers you just sent were not saved");
    }

    @Test
    void submittingTheLastPageAfterAnotherTabSavedTheFirstCompletesWithBoth() throws Exception {
        String questions = start(caseload.personUser());
        Map<String, String> first = opened(questions, caseload.personUser());
        Map<String, String> last = opened(questions + "?page=2", caseload.personUser());
        Map<String, String> firstAnswers = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            firstAnswers.put("qpr_%02d".formatted(i), "4");
        }
        Map<String, String> lastAnswers = new LinkedHashMap<>();
        for (int i = 9; i <= 15; i++) {
            lastAnswers.put("qpr_%02d".formatted(i), "4");
        }
        send(questions, first, firstAnswers, "later", caseload.personUser());

        send(questions, last, lastAnswers, "submit", caseload.personUser())
                .andExpect(redirectedUrl("/measures/responses/" + response()));

        assertThat(jdbc.sql("select status || ' ' || score_values[1]::text from measure_response where id = ?")
                .param(response()).query(String.class).single()).isEqualTo("COMPLETED 60");
    }

    @Test
    void aWriteLandingBetweenReadingAndWritingIsMergedAgainRatherThanRefused() throws Exception {
        start(caseload.personUser());
        long response = response();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another tab's save, holding the row until this page's write is waiting for it.
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(t -> {
            jdbc.sql("update measure_response set answers[5] = 2, version = version + 1 where id = ?").param(response)
                    .update();
            written.countDown();
            await(release);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        Map<String, Integer> shown = new LinkedHashMap<>();
        Map<String, Integer> sent = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            shown.put("qpr_%02d".formatted(i), null);
            sent.put("qpr_%02d".formatted(i), i == 1 ? 3 : null);
        }
        CompletableFuture<PageSave> page = CompletableFuture.supplyAsync(() -> call(() -> measureResponses.savePage(
                response, new AnsweredPage(sent, shown, 0), false)));
        for (int i = 0; i < 200 && waitingForALock() == 0; i++) {
            Thread.sleep(25);
        }
        assertThat(waitingForALock()).as("the page's write waits for the other save").isEqualTo(1);
        release.countDown();
        other.get(10, TimeUnit.SECONDS);

        PageSave saved = page.get(10, TimeUnit.SECONDS);

        assertThat(saved.outcome()).isEqualTo(PageSave.Outcome.SAVED);
        assertThat(answers()).isEqualTo(new TreeMap<>(Map.of("qpr_01", 3, "qpr_05", 2)));
        assertThat(version()).isEqualTo(2);
    }

    private long waitingForALock() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
                and query like 'update measure_response set answers%'""").query(Long.class).single();
    }

    private PageSave call(java.util.concurrent.Callable<PageSave> call) {
        try {
            return ActingAs.call(users, caseload.personUser(), call);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts QPR-15 for the person (from their account, or given in a session by staff): its questions page. */
    private String start(String username) throws Exception {
        return mvc.perform(post("/people/" + caseload.person() + "/measures/start").param("instrument", "qpr-15")
                .with(csrf()).with(as(username))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
    }

    /** The hidden fields of the questions page as opened now. */
    private Map<String, String> opened(String path, String username) throws Exception {
        return hidden(mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            if (!m.group(1).startsWith("_")) {
                fields.put(m.group(1), m.group(2));
            }
        }
        return fields;
    }

    /** The answer chosen for each question on the page, by item key ("" for "skip"). */
    private static Map<String, String> checked(String html) {
        Map<String, String> chosen = new TreeMap<>();
        Matcher m = Pattern.compile("<input class=\"nhsuk-radios__input\" type=\"radio\" id=\"[^\"]+\" "
                + "name=\"answers\\[([^\\]]+)\\]\" value=\"([^\"]*)\" checked=\"checked\">").matcher(html);
        while (m.find()) {
            chosen.put(m.group(1), m.group(2));
        }
        return chosen;
    }

    /** Sends the page's hidden fields with the chosen answers (other questions left blank, as a browser does). */
    private ResultActions send(String questions, Map<String, String> hidden, Map<String, String> chosen,
            String action, String username) throws Exception {
        MockHttpServletRequestBuilder request = post(questions).param("action", action);
        hidden.forEach(request::param);
        chosen.forEach((key, value) -> request.param("answers[" + key + "]", value));
        return mvc.perform(request.with(csrf()).with(as(username)));
    }

    private long response() {
        return jdbc.sql("select id from measure_response where person_id = ? order by id desc limit 1")
                .param(caseload.person()).query(Long.class).single();
    }

    private int version() {
        return jdbc.sql("select version from measure_response where id = ?").param(response()).query(Integer.class)
                .single();
    }

    private Map<String, Integer> answers() {
        return new MeasuresFixtures(jdbc).answers(response());
    }

    private static void save(String name, String html) throws Exception {
        Path out = Path.of("target", "rendered-pages", "measures", name + ".html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
