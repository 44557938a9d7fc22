package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.measures.instrument.FhirQuestionnaireParser;
import org.refocus.measures.instrument.InstrumentCatalogue;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** FHIR R4 output, parsed back with HAPI's strict parser: Questionnaire, QuestionnaireResponse, Observation. */
@SpringBootTest
@AutoConfigureMockMvc
class FhirOutputTest extends DatabaseTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MeasuresFixtures fixtures;

    @BeforeEach
    void look() {
        fixtures = new MeasuresFixtures(jdbc);
    }

    @Test
    void eachInstrumentVersionIsAQuestionnaireWithItsWordingAndCopyright() throws Exception {
        Questionnaire q = read("/fhir/Questionnaire/qpr-15.1", "coordinator", Questionnaire.class);
        assertThat(q.getIdElement().getIdPart()).isEqualTo("qpr-15.1");
        assertThat(q.getUrl()).isEqualTo("urn:refocus:instrument:qpr-15");
        assertThat(q.getVersion()).isEqualTo("1");
        assertThat(q.getCopyright()).contains("Neil et al. 2009");
        assertThat(q.getItem()).hasSize(15);
        assertThat(q.getItemFirstRep().getLinkId()).isEqualTo("qpr_01");
        assertThat(q.getItemFirstRep().getText()).isEqualTo("I feel better about myself");
        assertThat(q.getItemFirstRep().getAnswerOption()).hasSize(5);

        Questionnaire inspire = read("/fhir/Questionnaire/inspire.1", "researcher", Questionnaire.class);
        assertThat(inspire.getItem().get(1).getEnableWhenFirstRep().getQuestion()).isEqualTo("support_01_matters");

        Bundle all = read("/fhir/Questionnaire", "statistician", Bundle.class);
        assertThat(all.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(all.getTotal()).isEqualTo(8);
    }

    @Test
    void ourQuestionnaireCanBeImportedBackAsWordingForTheSameDefinition() throws Exception {
        String json = fetch("/fhir/Questionnaire/qpr-15.1", "coordinator").getContentAsString();
        InstrumentContent content = FhirQuestionnaireParser.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "qpr-15.json", "qpr-15");
        assertThat(content.problemsAgainst(InstrumentCatalogue.loadDefault().get("qpr-15"))).isEmpty();
        assertThat(content.itemText("qpr_02")).hasValue("I feel able to take chances in life");
    }

    @Test
    void eachResponseIsAQuestionnaireResponseAndEachScoreAnObservation() throws Exception {
        long sam = fixtures.sam();
        long response = fixtures.latestResult(sam, "qpr-15");
        QuestionnaireResponse qr = read("/fhir/QuestionnaireResponse/" + response, "coordinator",
                QuestionnaireResponse.class);
        assertThat(qr.getQuestionnaire()).isEqualTo("urn:refocus:instrument:qpr-15|1");
        assertThat(qr.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        assertThat(qr.getSubject().getReference()).isEqualTo("Patient/" + sam);
        String nhsNumber = jdbc.sql("select nhs_number from person where id = ?").param(sam).query(String.class).single();
        assertThat(nhsNumber).as("Sam has an NHS number in the demo data").isNotBlank();
        assertThat(qr.getSubject().getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(qr.getSubject().getIdentifier().getValue()).isEqualTo(nhsNumber);
        assertThat(qr.getItem()).hasSize(15);
        assertThat(qr.getItemFirstRep().getAnswerFirstRep().getValueCoding().getCode()).matches("[0-4]");
        assertThat(qr.getMeta().getTagFirstRep().getCode()).isIn("SELF", "STAFF_ADMINISTERED", "IMPORTED");

        Bundle observations = read("/fhir/Observation?subject=Patient/" + sam, "serviceuser", Bundle.class);
        assertThat(observations.getEntry()).isNotEmpty();
        Observation total = observations.getEntry().stream().map(e -> (Observation) e.getResource())
                .filter(o -> o.getIdElement().getIdPart().equals(response + "-total")).findFirst().orElseThrow();
        assertThat(total.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode)
                .contains(org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "1035441000000106"));
        assertThat(total.getValueQuantity().getValue()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(60));
        assertThat(total.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + response);
        assertThat(total.getSubject().getIdentifier().getValue()).isEqualTo(nhsNumber);
        assertThat(total.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(total.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");

        Observation one = read("/fhir/Observation/" + response + "-total", "coordinator", Observation.class);
        assertThat(one.getValueQuantity().getValue()).isEqualByComparingTo(total.getValueQuantity().getValue());
        // What staff are told could not be confirmed travels with the score (H-18), the SNOMED code among it.
        assertThat(one.getNote()).extracting(note -> note.getText())
                .anyMatch(text -> text.startsWith("Not confirmed from a published source: ")
                        && text.contains("SNOMED CT code 1035441000000106"));

        Bundle responses = read("/fhir/QuestionnaireResponse?subject=Patient/" + sam, "coordinator", Bundle.class);
        assertThat(responses.getTotal()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anAbsentScoreIsAnObservationWithADataAbsentReason() throws Exception {
        long sam = fixtures.sam();
        long inspire = fixtures.latestResult(sam, "inspire");
        Observation support = read("/fhir/Observation/" + inspire + "-support", "coordinator", Observation.class);
        assertThat(support.hasValueQuantity()).isTrue();
        String skipped = jdbc.sql("""
                insert into measure_response (person_id, team_id, instrument_code, instrument_version_id, scoring_version_id,
                    mode, status, answers, score_values, score_absences, complete, completed_at, entered_by)
                select p.id, p.team_id, 'qpr-15', v.id, v.id, 'IMPORTED', 'COMPLETED',
                       '{1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}', '{NULL}', '{ITEMS_MISSING}',
                       false, now(), null
                from person p, instrument_version v where p.id = ? and v.code = 'qpr-15' returning id""")
                .param(fixtures.personInTeam("Riverside")).query(Long.class).single().toString();
        Observation absent = read("/fhir/Observation/" + skipped + "-total", "coordinator", Observation.class);
        assertThat(absent.hasValue()).isFalse();
        assertThat(absent.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("unknown");
        assertThat(absent.getDataAbsentReason().getText()).contains("14 of 15");
    }

    @Test
    void aRatingOfSomethingThatDoesNotMatterStaysOnTheRecordButIsNotSentAsAnAnswerFhirDisables() throws Exception {
        // INSPIRE on paper or on the form: "does this matter to you?" No, yet rated anyway; and rated with the
        // question left blank. Neither rating is scored. FHIR's enableWhen disables both items, and a disabled
        // item may carry no answer, so the QuestionnaireResponse was invalid against our own Questionnaire.
        org.refocus.testing.OwnCaseload caseload = org.refocus.testing.OwnCaseload.create(jdbc, "Gaia");
        Integer[] answers = new Integer[47];
        answers[0] = 0; // support_01_matters: No
        answers[1] = 3; // support_01 rated anyway
        answers[3] = 2; // support_02 rated, support_02_matters left blank
        answers[4] = 1; // support_03_matters: Yes
        answers[5] = 4; // support_03
        long id = jdbc.sql("""
                insert into measure_response (person_id, team_id, instrument_code, instrument_version_id, scoring_version_id,
                    mode, status, answers, score_values, score_absences, complete, completed_at, entered_by)
                select ?, ?, 'inspire', v.id, v.id, 'IMPORTED', 'COMPLETED', ?::smallint[], '{100,NULL}', '{NULL,ITEMS_MISSING}',
                       false, now(), null
                from instrument_version v where v.code = 'inspire' and v.version = '1' returning id""")
                .params(caseload.person(), caseload.team(), arrayLiteral(answers)).query(Long.class).single();

        QuestionnaireResponse qr = read("/fhir/QuestionnaireResponse/" + id, caseload.practitioner(),
                QuestionnaireResponse.class);
        assertThat(qr.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
                .containsExactly("support_01_matters", "support_03_matters", "support_03");
        Questionnaire inspire = read("/fhir/Questionnaire/inspire.1", caseload.practitioner(), Questionnaire.class);
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent answered : qr.getItem()) {
            Questionnaire.QuestionnaireItemComponent asked = inspire.getItem().stream()
                    .filter(i -> i.getLinkId().equals(answered.getLinkId())).findFirst().orElseThrow();
            for (Questionnaire.QuestionnaireItemEnableWhenComponent when : asked.getEnableWhen()) {
                assertThat(qr.getItem()).as(answered.getLinkId() + " is enabled").anySatisfy(gate -> {
                    assertThat(gate.getLinkId()).isEqualTo(when.getQuestion());
                    assertThat(gate.getAnswerFirstRep().getValueCoding().getCode())
                            .isEqualTo(when.getAnswerCoding().getCode());
                });
            }
        }

        // The record keeps both ratings, each saying why it was not counted.
        String page = org.springframework.web.util.HtmlUtils.htmlUnescape(fetch("/measures/responses/" + id,
                caseload.practitioner()).getContentAsString());
        assertThat(page).contains("Not counted in the score, because this was marked as not mattering.")
                .contains("Not counted in the score, because whether this matters was not answered.");
    }

    private static String arrayLiteral(Integer[] answers) {
        return java.util.Arrays.stream(answers).map(a -> a == null ? "NULL" : a.toString())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    @Test
    void outOfReachAndUnknownResourcesAreTheSameNotFoundOutcome() throws Exception {
        long sam = fixtures.sam();
        long response = fixtures.latestResult(sam, "qpr-15");
        MockHttpServletResponse outOfReach = fetch("/fhir/QuestionnaireResponse/" + response, "teamlead");
        MockHttpServletResponse unknown = fetch("/fhir/QuestionnaireResponse/987654321", "teamlead");
        assertThat(outOfReach.getStatus()).isEqualTo(404);
        assertThat(outOfReach.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(parse(outOfReach.getContentAsString())).isInstanceOf(OperationOutcome.class);
        assertThat(fetch("/fhir/Observation?subject=Patient/" + sam, "teamlead").getStatus()).isEqualTo(404);
        assertThat(fetch("/fhir/Observation", "coordinator").getStatus()).isEqualTo(400);
        assertThat(fetch("/fhir/Questionnaire/nothing.9", "coordinator").getStatus()).isEqualTo(404);
    }

    @Test
    void searchResultsSayWhatWasSearchedAndWhereEachResourceLives() throws Exception {
        // A searchset carries its self link and each entry its fullUrl, so that a receiving system can
        // resolve the references between the resources (derivedFrom, questionnaire) without guessing a base.
        long sam = fixtures.sam();
        Bundle observations = read("/fhir/Observation?subject=Patient/" + sam, "coordinator", Bundle.class);
        assertThat(observations.getLink("self").getUrl()).isEqualTo("http://localhost/fhir/Observation?subject=Patient/" + sam);
        assertThat(observations.getEntry()).isNotEmpty().allSatisfy(e -> assertThat(e.getFullUrl())
                .isEqualTo("http://localhost/fhir/Observation/" + e.getResource().getIdElement().getIdPart()));
        Bundle responses = read("/fhir/QuestionnaireResponse?subject=Patient/" + sam, "coordinator", Bundle.class);
        assertThat(responses.getEntry()).isNotEmpty().allSatisfy(e -> assertThat(e.getFullUrl())
                .isEqualTo("http://localhost/fhir/QuestionnaireResponse/" + e.getResource().getIdElement().getIdPart()));
        Bundle questionnaires = read("/fhir/Questionnaire", "researcher", Bundle.class);
        assertThat(questionnaires.getLink("self").getUrl()).isEqualTo("http://localhost/fhir/Questionnaire");
        assertThat(questionnaires.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl)
                .contains("http://localhost/fhir/Questionnaire/qpr-15.1");
    }

    @Test
    void searchesAnswerAPageAtATimeWithLinksToTheOthersAndTheTotal() throws Exception {
        long sam = fixtures.sam();
        for (String type : new String[] {"QuestionnaireResponse", "Observation"}) {
            String search = "/fhir/" + type + "?subject=Patient/" + sam;
            Bundle whole = read(search + "&_count=500", "coordinator", Bundle.class);
            List<String> all = ids(whole);
            assertThat(all).as(type).hasSize(whole.getTotal()).hasSizeGreaterThan(2).doesNotHaveDuplicates();

            Bundle first = read(search + "&_count=2", "coordinator", Bundle.class);
            assertThat(first.getTotal()).isEqualTo(whole.getTotal());
            assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 2));
            assertThat(first.getLink("previous")).isNull();
            assertThat(first.getLink("next").getUrl()).startsWith("http://localhost" + search + "&")
                    .contains("&_offset=2").contains("&_count=2");

            List<String> followed = new java.util.ArrayList<>();
            Bundle page = first;
            int pages = 1;
            while (true) {
                followed.addAll(ids(page));
                if (page.getLink("next") == null) {
                    break;
                }
                page = read(page.getLink("next").getUrl().replace("http://localhost", ""), "coordinator", Bundle.class);
                assertThat(page.getLink("previous")).isNotNull();
                pages++;
            }
            assertThat(followed).as(type + ": following next links").containsExactlyElementsOf(all);
            assertThat(pages).isEqualTo((all.size() + 1) / 2);
            // Without _count, a page of 50.
            assertThat(read(search, "coordinator", Bundle.class).getEntry()).hasSize(Math.min(50, all.size()));
        }
        for (String bad : new String[] {"_count=0", "_count=501", "_count=ten", "_offset=-1", "_offset=x"}) {
            MockHttpServletResponse refused = fetch("/fhir/Observation?subject=Patient/" + sam + "&" + bad, "coordinator");
            assertThat(refused.getStatus()).as(bad).isEqualTo(400);
            assertThat(((org.hl7.fhir.r4.model.OperationOutcome) parse(refused.getContentAsString())).getIssueFirstRep()
                    .getDiagnostics()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    @Test
    void refusalsAreOperationOutcomesToo() throws Exception {
        // Not signed in, or signed in without the right (a researcher): FHIR clients got Spring's own JSON or
        // nothing, not the OperationOutcome the not-found and bad-search answers give.
        MockHttpServletResponse anonymous = mvc.perform(get("/fhir/Observation?subject=Patient/1")).andReturn()
                .getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentType()).startsWith("application/fhir+json");
        org.hl7.fhir.r4.model.OperationOutcome signIn = (org.hl7.fhir.r4.model.OperationOutcome)
                parse(anonymous.getContentAsString());
        assertThat(signIn.getIssueFirstRep().getCode()).isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueType.LOGIN);

        MockHttpServletResponse researcher = fetch("/fhir/Observation?subject=Patient/1", "researcher");
        assertThat(researcher.getStatus()).isEqualTo(403);
        assertThat(researcher.getContentType()).startsWith("application/fhir+json");
        org.hl7.fhir.r4.model.OperationOutcome forbidden = (org.hl7.fhir.r4.model.OperationOutcome)
                parse(researcher.getContentAsString());
        assertThat(forbidden.getIssueFirstRep().getCode()).isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueType.FORBIDDEN);
        assertThat(forbidden.getIssueFirstRep().getSeverity()).isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR);
    }

    @Test
    void readsThroughFhirAreAudited() throws Exception {
        long sam = fixtures.sam();
        long response = fixtures.latestResult(sam, "qpr-15");
        long before = fixtures.auditCount(sam, "VIEWED", "measure_response", "ALLOWED");
        fetch("/fhir/QuestionnaireResponse/" + response, "coordinator");
        assertThat(fixtures.auditCount(sam, "VIEWED", "measure_response", "ALLOWED")).isEqualTo(before + 1);
    }

    private MockHttpServletResponse fetch(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private <T extends IBaseResource> T read(String path, String username, Class<T> type) throws Exception {
        MockHttpServletResponse response = fetch(path, username);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        IBaseResource resource = parse(response.getContentAsString());
        assertThat(resource).isInstanceOf(type);
        return type.cast(resource);
    }

    private static IBaseResource parse(String json) {
        IParser parser = FHIR.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(json);
    }
}
