package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstrumentContentTest {

    private static final InstrumentCatalogue CATALOGUE = Answers.CATALOGUE;

    private static InputStream resource(String path) {
        InputStream in = InstrumentContentTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }

    private static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String SINGLE = """
            {
              "instrument": "inspire-brief", "version": "1", "language": "en-GB",
              "copyright": "Owner line",
              "items": {"brief_01": "One", "brief_02": "Two", "brief_03": "Three", "brief_04": "Four", "brief_05": "Five"},
              "options": {"support_rating": {"0": "Zero", "4": "Four"}},
              "itemOptions": {"brief_05": {"4": "Four, for item five"}}
            }
            """;

    @Test
    void parsesTheShippedDemoContentForEveryLicensedInstrument() {
        List<InstrumentContent> contents = InstrumentContentParser.parse(
                resource("instruments/content/demo-content.json"), "demo-content.json");

        assertThat(contents).extracting(InstrumentContent::instrumentCode).containsExactly(
                "inspire", "inspire-brief", "inspire-o-brief", "dialog", "wemwbs", "swemwbs");
        for (InstrumentContent content : contents) {
            InstrumentDefinition definition = CATALOGUE.get(content.instrumentCode());
            assertThat(content.demo()).isTrue();
            assertThat(content.problemsAgainst(definition)).as(content.instrumentCode()).isEmpty();
            assertThat(content.itemTexts().values()).allMatch(t -> t.startsWith("[Demo wording]")
                    && t.toLowerCase(java.util.Locale.ROOT).contains("replace with the licensed text"));
            assertThat(content.copyright()).isEqualTo(definition.copyright());
            assertThat(content.licenceNote()).startsWith("DEMO PLACEHOLDERS ONLY");
        }
        InstrumentContent inspire = contents.get(0);
        assertThat(inspire.itemText("support_03")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("[Demo wording] INSPIRE support item 3"));
        assertThat(contents.get(5).copyright()).contains("NHS Health Scotland, University of Warwick and University of Edinburgh");
    }

    @Test
    void parsesTheShippedQprWordingAndItFitsBothQprDefinitions() {
        List<InstrumentContent> contents = InstrumentContentParser.parse(
                resource("instruments/content/qpr-en-GB.json"), "qpr-en-GB.json");

        assertThat(contents).extracting(InstrumentContent::instrumentCode).containsExactly("qpr-15", "qpr-22");
        for (InstrumentContent content : contents) {
            assertThat(content.demo()).isFalse();
            assertThat(content.problemsAgainst(CATALOGUE.get(content.instrumentCode()))).isEmpty();
        }
        InstrumentContent qpr22 = contents.get(1);
        assertThat(qpr22.itemText("qpr_01")).contains("I feel better about myself");
        assertThat(qpr22.itemText("qpr_13")).contains("I am able to access independent support");
        Item item = CATALOGUE.get("qpr-22").item("qpr_01").orElseThrow();
        assertThat(qpr22.optionLabel(item, 0)).contains("Disagree strongly");
        assertThat(qpr22.optionLabel(item, 4)).contains("Agree strongly");
    }

    @Test
    void parsesASingleContentObjectAndPrefersItemSpecificOptionLabels() {
        InstrumentContent content = InstrumentContentParser.parse(text(SINGLE), "single.json").get(0);
        InstrumentDefinition brief = CATALOGUE.get("inspire-brief");

        assertThat(content.problemsAgainst(brief)).isEmpty();
        assertThat(content.demo()).isFalse();
        assertThat(content.origin()).isEqualTo("single.json");
        assertThat(content.optionLabel(brief.item("brief_01").orElseThrow(), 4)).contains("Four");
        assertThat(content.optionLabel(brief.item("brief_05").orElseThrow(), 4)).contains("Four, for item five");
        assertThat(content.optionLabel(brief.item("brief_05").orElseThrow(), 2)).isEmpty();
    }

    @Test
    void findsEveryMismatchBetweenContentAndDefinition() {
        InstrumentContent content = new InstrumentContent("inspire-brief", "2", "en-GB", null, null, "Owner", null,
                false, Map.of("brief_01", "One", "brief_09", "Nine"),
                Map.of("support_rating", Map.of(7, "Seven"), "nope", Map.of(0, "x")),
                Map.of("brief_01", Map.of(-1, "minus"), "ghost", Map.of(0, "x")), "test");

        assertThat(content.problemsAgainst(CATALOGUE.get("inspire-brief"))).contains(
                "content was written for version 2, not version 1",
                "item 'brief_02' has no text",
                "text given for unknown item 'brief_09'",
                "label given for code 7 which response set 'support_rating' does not have",
                "labels given for unknown response set 'nope'",
                "label given for code -1 which item 'brief_01' does not accept",
                "option labels given for unknown item 'ghost'");
        assertThat(content.problemsAgainst(CATALOGUE.get("dialog")))
                .containsExactly("content is for 'inspire-brief', not 'dialog'");
    }

    private static final String[] AGREEMENT_REVERSED = {
            "Agree strongly", "Agree", "Neither agree nor disagree", "Disagree", "Disagree strongly"};

    private static final String REVERSED = "code 0 is 'Agree strongly' in the file, but 'Disagree strongly' in the "
            + "definition; code 1 is 'Agree' in the file, but 'Disagree' in the definition; code 3 is 'Disagree' in "
            + "the file, but 'Agree' in the definition; code 4 is 'Disagree strongly' in the file, but 'Agree strongly' "
            + "in the definition. The codes decide the score, so the labels must be in the definition's order.";

    /** QPR-15 wording with every item's text, and {@code labels} as a REFOCUS content file's options or itemOptions. */
    private static InstrumentContent qpr15Content(String labelsProperty, String labelsOwner, String... labels) {
        String items = CATALOGUE.get("qpr-15").items().stream()
                .map(item -> "\"" + item.key() + "\": \"Statement " + item.number() + "\"")
                .collect(Collectors.joining(", "));
        String options = Stream.iterate(0, code -> code < labels.length, code -> code + 1)
                .map(code -> "\"" + code + "\": \"" + labels[code] + "\"").collect(Collectors.joining(", "));
        return InstrumentContentParser.parse(text("""
                {"instrument": "qpr-15", "version": "1", "language": "en-GB", "copyright": "Owner line",
                 "items": {%s}, "%s": {"%s": {%s}}}
                """.formatted(items, labelsProperty, labelsOwner, options)), "qpr-15.json").get(0);
    }

    /** A QPR-15 FHIR Questionnaire whose every item offers {@code labels}, coded 0 upwards as {@code code} or ordinalValue. */
    private static InstrumentContent qpr15Questionnaire(boolean ordinalValues, String... labels) {
        String options = Stream.iterate(0, code -> code < labels.length, code -> code + 1)
                .map(code -> ordinalValues
                        ? "{\"extension\": [{\"url\": \"" + FhirQuestionnaireParser.ORDINAL_VALUE + "\", \"valueDecimal\": "
                                + code + "}], \"valueCoding\": {\"code\": \"a" + code + "\", \"display\": \"" + labels[code] + "\"}}"
                        : "{\"valueCoding\": {\"code\": \"" + code + "\", \"display\": \"" + labels[code] + "\"}}")
                .collect(Collectors.joining(", "));
        String items = CATALOGUE.get("qpr-15").items().stream()
                .map(item -> "{\"linkId\": \"" + item.key() + "\", \"type\": \"choice\", \"text\": \"Statement "
                        + item.number() + "\", \"answerOption\": [" + options + "]}")
                .collect(Collectors.joining(", "));
        return FhirQuestionnaireParser.parse(text("""
                {"resourceType": "Questionnaire", "version": "1", "copyright": "Owner line", "item": [%s]}
                """.formatted(items)), "qpr-15-questionnaire.json", "qpr-15");
    }

    static Stream<Arguments> reversedLabelsInEachFormat() {
        return Stream.of(
                Arguments.of("REFOCUS content file, labels for the response set",
                        qpr15Content("options", "agreement", AGREEMENT_REVERSED), 1, "response set 'agreement': "),
                Arguments.of("REFOCUS content file, labels for one item",
                        qpr15Content("itemOptions", "qpr_03", AGREEMENT_REVERSED), 1, "item 'qpr_03': "),
                Arguments.of("FHIR Questionnaire, codes as option codes",
                        qpr15Questionnaire(false, AGREEMENT_REVERSED), 15, "item 'qpr_01': "),
                Arguments.of("FHIR Questionnaire, codes as ordinal values",
                        qpr15Questionnaire(true, AGREEMENT_REVERSED), 15, "item 'qpr_15': "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reversedLabelsInEachFormat")
    void findsOptionLabelsInAnotherOrderThanTheDefinitionsInEitherFormat(String format, InstrumentContent content,
                                                                          int problems, String subject) {
        assertThat(content.problemsAgainst(CATALOGUE.get("qpr-15"))).hasSize(problems).contains(subject + REVERSED);
    }

    @Test
    void acceptsOptionLabelsInTheDefinitionsOrderWhateverTheirCaseAndPunctuationInEitherFormat() {
        String[] sameOrder = {"disagree STRONGLY", "Disagree.", "Neither agree, nor disagree", " agree ", "Agree-strongly!"};

        assertThat(qpr15Content("options", "agreement", sameOrder).problemsAgainst(CATALOGUE.get("qpr-15"))).isEmpty();
        assertThat(qpr15Questionnaire(false, sameOrder).problemsAgainst(CATALOGUE.get("qpr-15"))).isEmpty();
        assertThat(qpr15Questionnaire(true, "Strongly disagree", "Tend to disagree", "Unsure", "Tend to agree",
                "Strongly agree").problemsAgainst(CATALOGUE.get("qpr-15"))).isEmpty();
    }

    @Test
    void rejectsContentWithoutACopyrightLine() {
        assertThatThrownBy(() -> InstrumentContentParser.parse(text(SINGLE.replace("\"copyright\": \"Owner line\",", "")),
                "x.json")).isInstanceOf(InvalidInstrumentException.class).hasMessageContaining("'copyright' is required");
    }

    @Test
    void rejectsUnknownPropertiesBadCodesBlankTextsAndOtherFormats() {
        assertThatThrownBy(() -> InstrumentContentParser.parse(text(SINGLE.replace("\"language\"", "\"lang\"")), "x"))
                .hasMessageContaining("unknown property 'lang'");
        assertThatThrownBy(() -> InstrumentContentParser.parse(text(SINGLE.replace("\"4\": \"Four\"}", "\"four\": \"Four\"}")), "x"))
                .hasMessageContaining("option code must be a whole number");
        assertThatThrownBy(() -> InstrumentContentParser.parse(text(SINGLE.replace("\"One\"", "\" \"")), "x"))
                .hasMessageContaining("items.brief_01: must be non-blank text");
        assertThatThrownBy(() -> InstrumentContentParser.parse(text("{\"format\": \"other\", \"contents\": []}"), "x"))
                .hasMessageContaining("must be 'refocus-instrument-content'");
        assertThatThrownBy(() -> InstrumentContentParser.parse(text(
                "{\"format\": \"refocus-instrument-content\", \"formatVersion\": 2, \"contents\": [" + SINGLE + "]}"), "x"))
                .hasMessageContaining("version 2 is not supported");
        assertThatThrownBy(() -> InstrumentContentParser.parse(text("[]"), "x"))
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> InstrumentContentParser.parse(text(SINGLE.replace("\"brief_02\": \"Two\",",
                "\"brief_01\": \"Again\",")), "x")).hasMessageContaining("not valid JSON");
    }

    @Test
    void readsWordingFromAFhirQuestionnaireWalkingNestedGroups() {
        InstrumentContent content = FhirQuestionnaireParser.parse(resource("instruments/fhir/swemwbs-questionnaire.json"),
                "swemwbs-questionnaire.json", "swemwbs");
        InstrumentDefinition swemwbs = CATALOGUE.get("swemwbs");

        assertThat(content.problemsAgainst(swemwbs)).isEmpty();
        assertThat(content.itemTexts()).hasSize(7).doesNotContainKeys("intro", "statements", "nested");
        assertThat(content.itemText("swemwbs_06")).contains("[Demo wording] FHIR item 6");
        assertThat(content.version()).isEqualTo("1");
        assertThat(content.language()).isEqualTo("en-GB");
        assertThat(content.copyright()).isEqualTo(swemwbs.copyright());
        assertThat(content.optionLabel(swemwbs.item("swemwbs_01").orElseThrow(), 3)).contains("[Demo] F3");
        assertThat(content.optionLabel(swemwbs.item("swemwbs_02").orElseThrow(), 5)).contains("[Demo] all");
        assertThat(content.itemOptionLabels()).doesNotContainKey("swemwbs_07");
    }

    @Test
    void rejectsAFhirResourceThatIsNotAQuestionnaire() {
        assertThatThrownBy(() -> FhirQuestionnaireParser.parse(text("{\"resourceType\": \"Patient\"}"), "p.json", "x"))
                .isInstanceOf(InvalidInstrumentException.class).hasMessageContaining("'Questionnaire'");
    }

    @Test
    void rejectsAFhirQuestionnaireWithoutVersionCopyrightOrUsableOptionCodes() {
        String json = """
                {"resourceType": "Questionnaire", "status": "draft",
                 "item": [{"linkId": "q1", "type": "choice", "text": "Q",
                           "answerOption": [{"valueCoding": {"code": "often", "display": "Often"}}]},
                          {"linkId": "q1", "type": "choice", "text": "Q again"}]}
                """;

        assertThatThrownBy(() -> FhirQuestionnaireParser.parse(text(json), "q.json", "x"))
                .isInstanceOf(InvalidInstrumentException.class)
                .satisfies(e -> assertThat(((InvalidInstrumentException) e).problems()).anySatisfy(
                        p -> assertThat(p).contains("'version' is required")).anySatisfy(
                        p -> assertThat(p).contains("'copyright' is required")).anySatisfy(
                        p -> assertThat(p).contains("option code 'often' is not a whole number")).anySatisfy(
                        p -> assertThat(p).contains("linkId 'q1' is used twice")));
    }
}
