package org.refocus.measures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The instruments API: descriptions, scoring without storing, and 400s that name the item. */
@SpringBootTest
@AutoConfigureMockMvc
class InstrumentApiTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void listsEveryInstrumentWithItsCurrentVersionAndWhetherItsWordingIsAvailable() throws Exception {
        mvc.perform(get("/api/v1/instruments").with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.containsInAnyOrder("qpr-15", "qpr-22",
                        "inspire", "inspire-brief", "inspire-o-brief", "dialog", "wemwbs", "swemwbs")))
                .andExpect(jsonPath("$[?(@.code == 'qpr-15')].wordingAvailable").value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.code == 'qpr-15')].scores[0].codings[0].code").value(hasItem("1035441000000106")))
                .andExpect(jsonPath("$[?(@.code == 'qpr-15')].missingData.mode").value(hasItem("COMPLETE_ITEMS_ONLY")));
    }

    @Test
    void describesOneInstrumentWithItsItemsWordingAndCopyrightLine() throws Exception {
        mvc.perform(get("/api/v1/instruments/qpr-15").with(as("researcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("1"))
                .andExpect(jsonPath("$.items.length()").value(15))
                .andExpect(jsonPath("$.items[0].key").value("qpr_01"))
                .andExpect(jsonPath("$.items[0].text").value("I feel better about myself"))
                .andExpect(jsonPath("$.items[0].options[4].code").value(4))
                .andExpect(jsonPath("$.copyright").value(containsString("Neil et al. 2009")));
        mvc.perform(get("/api/v1/instruments/inspire").with(as("statistician")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[1].gate.item").value("support_01_matters"))
                .andExpect(jsonPath("$.wordingIsDemo").value(true));
        mvc.perform(get("/api/v1/instruments/no-such-thing").with(as("coordinator"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/instruments/qpr-15?version=99").with(as("coordinator"))).andExpect(status().isNotFound());
    }

    @Test
    void scoresAnswersWithoutStoringThem() throws Exception {
        mvc.perform(score("qpr-15", qpr15(3)).with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instrument").value("qpr-15"))
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.scores[0].key").value("total"))
                .andExpect(jsonPath("$.scores[0].value").value(45))
                .andExpect(jsonPath("$.problems").isEmpty());
    }

    @Test
    void saysWhyThereIsNoTotalWhenAQuestionIsSkipped() throws Exception {
        String answers = qpr15(2).replace("\"qpr_07\": 2", "\"qpr_07\": null");
        mvc.perform(score("qpr-15", answers).with(as("trainer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.scores[0].value").doesNotExist())
                .andExpect(jsonPath("$.scores[0].absence").value("ITEMS_MISSING"))
                .andExpect(jsonPath("$.scores[0].reason").value(containsString("qpr_07")));
    }

    @Test
    void outOfRangeAnswerIsABadRequestNamingTheItem() throws Exception {
        String answers = qpr15(1).replace("\"qpr_03\": 1", "\"qpr_03\": 7");
        mvc.perform(score("qpr-15", answers).with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("qpr_03")))
                .andExpect(jsonPath("$.errors[0].item").value("qpr_03"))
                .andExpect(jsonPath("$.errors[0].problem").value("OUT_OF_RANGE"));
    }

    @Test
    void unknownItemAndNonNumericAnswersAreBadRequestsNamingTheItems() throws Exception {
        mvc.perform(score("qpr-15", "{\"answers\": {\"qpr_01\": 2, \"qpr_99\": 1}}").with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].item").value("qpr_99"))
                .andExpect(jsonPath("$.errors[0].problem").value("UNKNOWN_ITEM"));
        mvc.perform(score("qpr-15", "{\"answers\": {\"qpr_01\": \"often\", \"qpr_02\": 2.5}}").with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].item").value(org.hamcrest.Matchers.contains("qpr_01", "qpr_02")))
                .andExpect(jsonPath("$.errors[0].problem").value("NOT_A_WHOLE_NUMBER"));
        mvc.perform(score("qpr-15", "{\"scores\": {}}").with(as("coordinator")))
                .andExpect(status().isBadRequest());
        mvc.perform(score("qpr-15", "not json").with(as("coordinator")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anItemAnsweredTwiceIsABadRequestNamingItNotTheLastAnswerSilentlyScored() throws Exception {
        // JSON allows a repeated name, and the last one won: an out-of-range 9 was dropped without a word.
        mvc.perform(score("qpr-15", qpr15(3).replace("{\"answers\": {", "{\"answers\": {\"qpr_01\": 9, "))
                        .with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("qpr_01")))
                .andExpect(jsonPath("$.errors[0].item").value("qpr_01"))
                .andExpect(jsonPath("$.errors[0].problem").value("ANSWERED_TWICE"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Item qpr_01 is answered more than once. Send each item once."));
    }

    @Test
    void aBodyThatIsNotJsonOrHasOtherPropertiesIsABadRequestSayingWhatToSend() throws Exception {
        mvc.perform(score("qpr-15", "{\"answers\": {\"qpr_01\": 3").with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid answers"))
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON (line 1, column ")))
                .andExpect(jsonPath("$.detail").value(containsString(
                        "Send {\"answers\": {\"<itemKey>\": <response code>, ...}}.")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("Source"))));
        mvc.perform(score("qpr-15", qpr15(3) + " {}").with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("more after its JSON object (line 1, column ")));
        mvc.perform(score("qpr-15", "").with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("The body is empty.")));
        mvc.perform(score("qpr-15", qpr15(3).replace("{\"answers\"", "{\"version\": \"2\", \"answers\""))
                        .with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("'version'")));
        mvc.perform(post("/api/v1/instruments/qpr-15/score").contentType(MediaType.TEXT_PLAIN).content(qpr15(3))
                        .with(as("coordinator")))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aBodyWithThousandsOfUnknownItemsGetsAShortAnswer() throws Exception {
        // Every unknown key was listed back: 2.7 MB sent gave 27 MB of errors.
        StringBuilder answers = new StringBuilder("{\"answers\": {\"qpr_01\": 1");
        for (int i = 0; i < 5000; i++) {
            answers.append(", \"k").append(i).append("\": 1");
        }
        mvc.perform(score("qpr-15", answers.append("}}").toString()).with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(50))
                .andExpect(jsonPath("$.errorCount").value(5000))
                .andExpect(jsonPath("$.detail").value(containsString("and 4990 more")));
    }

    @Test
    void anUnknownItemIsABadRequestNamingItEvenWhenItsAnswerIsNull() throws Exception {
        mvc.perform(score("qpr-15", "{\"answers\": {\"nonsense\": null, \"qpr_01\": 1}}").with(as("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("nonsense")))
                .andExpect(jsonPath("$.errors[0].item").value("nonsense"))
                .andExpect(jsonPath("$.errors[0].problem").value("UNKNOWN_ITEM"));
    }

    @Test
    void aRatingWhoseMattersQuestionWasNotAnsweredIsListedAsNotScored() throws Exception {
        mvc.perform(score("inspire", "{\"answers\": {\"support_01\": 4}}").with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].item").value("support_01"))
                .andExpect(jsonPath("$.problems[0].kind").value("GATE_UNANSWERED"))
                .andExpect(jsonPath("$.problems[0].value").value(4))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("support_01_matters")))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("not answered")))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("not scored")));
    }

    @Test
    void aRatingOfAnItemThatDoesNotMatterIsListedAsIgnored() throws Exception {
        mvc.perform(score("inspire", "{\"answers\": {\"support_01_matters\": 0, \"support_01\": 4}}")
                        .with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].item").value("support_01"))
                .andExpect(jsonPath("$.problems[0].kind").value("IGNORED_NOT_APPLICABLE"))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("does not apply")));
    }

    @Test
    void scoresInspireOnlyOnTheItemsThatMatter() throws Exception {
        StringBuilder answers = new StringBuilder("{\"answers\": {");
        for (int i = 1; i <= 20; i++) {
            String n = String.format("%02d", i);
            answers.append("\"support_").append(n).append("_matters\": ").append(i <= 10 ? 1 : 0).append(", ");
            if (i <= 10) {
                answers.append("\"support_").append(n).append("\": 2, ");
            }
        }
        for (int i = 1; i <= 7; i++) {
            answers.append("\"relationship_0").append(i).append("\": 4").append(i < 7 ? ", " : "");
        }
        answers.append("}}");
        mvc.perform(score("inspire", answers.toString()).with(as("coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scores[?(@.key == 'support')].value").value(hasItem(50.0)))
                .andExpect(jsonPath("$.scores[?(@.key == 'relationship')].value").value(hasItem(100.0)));
    }

    @Test
    void serviceUsersAndAnonymousCallersCannotUseTheStaffApi() throws Exception {
        mvc.perform(get("/api/v1/instruments").with(as("serviceuser"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/instruments")).andExpect(status().isUnauthorized());
        mvc.perform(score("qpr-15", qpr15(1))).andExpect(status().isUnauthorized());
    }

    private static org.springframework.test.web.servlet.result.ContentResultMatchers content() {
        return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content();
    }

    /** Scoring changes nothing, so API clients may call it without a CSRF token. */
    private static MockHttpServletRequestBuilder score(String code, String body) {
        return post("/api/v1/instruments/" + code + "/score").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String qpr15(int each) {
        StringBuilder json = new StringBuilder("{\"answers\": {");
        for (int i = 1; i <= 15; i++) {
            json.append(String.format("\"qpr_%02d\": %d", i, each)).append(i < 15 ? ", " : "");
        }
        return json.append("}}").toString();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
