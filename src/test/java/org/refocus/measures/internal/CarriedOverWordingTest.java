package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;

/** Which wording carries over to the version published after it (H-08), and which versions come after which. */
class CarriedOverWordingTest {

    private final InstrumentLibrary.DefinitionFile qpr15 = InstrumentVersions.shipped("qpr-15");
    private final InstrumentContent wording = new InstrumentContent("qpr-15", "1", "en-GB", null, null, "Copyright line",
            null, false, qpr15.definition().items().stream().collect(Collectors.toMap(Item::key, i -> "Text of " + i.key())),
            Map.of("agreement", Map.of(0, "Disagree strongly", 4, "Agree strongly")), Map.of(), "test");

    @Test
    void versionsComeInTheOrderTheyWerePublishedNotAsText() {
        assertThat(Stream.of("10", "9", "1.10", "2", "1.9", "1").sorted(CarriedOverWording.VERSION_ORDER).toList())
                .containsExactly("1", "1.9", "1.10", "2", "9", "10");
    }

    @Test
    void wordingCarriesOverWhenOnlyTheScoringChanged() {
        InstrumentDefinition corrected = version2(json -> json.replace("\"missingData\": {\"mode\": \"COMPLETE_ITEMS_ONLY\"}",
                "\"missingData\": {\"mode\": \"PRORATE\", \"maxMissingItems\": 1}"));
        assertThat(CarriedOverWording.problems(qpr15.definition(), corrected, wording)).isEmpty();
    }

    @Test
    void wordingDoesNotCarryOverWhenAQuestionTakesOtherAnswers() {
        InstrumentDefinition otherCodes = version2(json -> json
                .replace("{\"code\": 4, \"label\": \"Agree strongly\"}", "{\"code\": 5, \"label\": \"Agree strongly\"}")
                .replace("\"maximum\": 60", "\"maximum\": 75"));
        assertThat(CarriedOverWording.problems(qpr15.definition(), otherCodes, wording)).first().asString()
                .startsWith("question 'qpr_01' has answer codes [0, 1, 2, 3, 5] instead of [0, 1, 2, 3, 4]");
    }

    @Test
    void wordingDoesNotCarryOverWhenItWouldNotPassTheNewVersionsContentChecks() {
        InstrumentDefinition relabelled = version2(json -> json.replace("{\"code\": 0, \"label\": \"Disagree strongly\"}",
                "{\"code\": 0, \"label\": \"Agree strongly\"}").replace("{\"code\": 4, \"label\": \"Agree strongly\"}",
                "{\"code\": 4, \"label\": \"Disagree strongly\"}"));
        List<String> problems = CarriedOverWording.problems(qpr15.definition(), relabelled, wording);
        assertThat(problems).singleElement().asString().contains("must be in the definition's order");
    }

    private InstrumentDefinition version2(UnaryOperator<String> edit) {
        return InstrumentVersions.edited(qpr15, json -> {
            String changed = edit.apply(json);
            assertThat(changed).isNotEqualTo(json);
            return changed.replace("\"version\": \"1\"", "\"version\": \"2\"");
        }).definition();
    }
}
