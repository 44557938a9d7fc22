package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hazard H-09: what an administrator is told changes, question by question, when new wording replaces the
 * wording in use: in what a person answering sees (texts, and the label shown beside each answer code).
 */
class WordingChangesTest {

    private static final InstrumentDefinition QPR15 = Answers.CATALOGUE.get("qpr-15");
    private static final InstrumentContent SHIPPED = shipped();

    @Test
    void theSameWordingChangesNothing() {
        WordingChanges changes = WordingChanges.between(QPR15, SHIPPED, SHIPPED);
        assertThat(changes.live()).isTrue();
        assertThat(changes.none()).isTrue();
        assertThat(changes.items()).isEmpty();
    }

    @Test
    void withNoWordingInUseNothingIsListedAsChangedAndItSaysSo() {
        WordingChanges changes = WordingChanges.between(QPR15, null, SHIPPED);
        assertThat(changes.live()).isFalse();
        assertThat(changes.none()).isFalse();
        assertThat(changes.items()).isEmpty();
    }

    @Test
    void listsEachQuestionWhoseTextOrAnswerLabelsDifferInTheDefinitionsOrder() {
        Map<String, String> texts = new LinkedHashMap<>(SHIPPED.itemTexts());
        texts.put("qpr_07", SHIPPED.itemText("qpr_03").orElseThrow());
        texts.put("qpr_03", "I am able to develop positive relationships with other people.");
        // One item's own labels: only that item changes.
        Map<String, Map<Integer, String>> own = Map.of("qpr_12", Map.of(4, "Strongly agree"));
        WordingChanges changes = WordingChanges.between(QPR15, SHIPPED, with(texts, SHIPPED.optionLabels(), own,
                SHIPPED.instructions() + " Tick one box.", SHIPPED.copyright()));

        assertThat(changes.items()).extracting(c -> c.item().key()).containsExactly("qpr_03", "qpr_07", "qpr_12");
        assertThat(changes.items().get(0).text()).isTrue();
        assertThat(changes.items().get(0).answerCodes()).isEmpty();
        assertThat(changes.items().get(2).text()).isFalse();
        assertThat(changes.items().get(2).answerCodes()).containsExactly(4);
        assertThat(changes.instructions()).isTrue();
        assertThat(changes.copyright()).isFalse();
        assertThat(changes.title()).isFalse();
    }

    @Test
    void aChangedLabelOfAResponseSetChangesEveryQuestionThatUsesItAndACopyrightLineIsNoticed() {
        Map<String, Map<Integer, String>> labels = new LinkedHashMap<>(SHIPPED.optionLabels());
        Map<Integer, String> agreement = new LinkedHashMap<>(labels.get("agreement"));
        agreement.put(2, "Not sure");
        labels.put("agreement", agreement);
        WordingChanges changes = WordingChanges.between(QPR15, SHIPPED, with(SHIPPED.itemTexts(), labels, Map.of(),
                SHIPPED.instructions(), "Another owner"));

        assertThat(changes.items()).hasSize(15).allSatisfy(c -> assertThat(c.answerCodes()).containsExactly(2));
        assertThat(changes.copyright()).isTrue();
    }

    @Test
    void aLabelTheFileLeavesOutIsTheDefinitionsAndIsComparedAsSuch() {
        Map<String, Map<Integer, String>> labels = new LinkedHashMap<>(SHIPPED.optionLabels());
        Map<Integer, String> agreement = new LinkedHashMap<>(labels.get("agreement"));
        agreement.remove(0);
        labels.put("agreement", agreement);
        // The definition's own label for code 0 is the shipped one, so a person sees no difference.
        assertThat(WordingChanges.between(QPR15, SHIPPED, with(SHIPPED.itemTexts(), labels, Map.of(),
                SHIPPED.instructions(), SHIPPED.copyright())).none()).isTrue();
    }

    private static InstrumentContent with(Map<String, String> texts, Map<String, Map<Integer, String>> labels,
            Map<String, Map<Integer, String>> itemLabels, String instructions, String copyright) {
        return new InstrumentContent("qpr-15", "1", "en-GB", SHIPPED.title(), instructions, copyright,
                SHIPPED.licenceNote(), false, texts, labels, itemLabels, "changed.json");
    }

    private static InstrumentContent shipped() {
        InputStream in = WordingChangesTest.class.getClassLoader().getResourceAsStream("instruments/content/qpr-en-GB.json");
        List<InstrumentContent> contents = InstrumentContentParser.parse(in, "qpr-en-GB.json");
        return contents.get(0);
    }
}
