package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whether two versions of an instrument work a score out the same way, so that their values can share
 * one chart (H-08). Each case changes one thing in a small definition and says whether that changes
 * what a value of the score means.
 */
class ScoreMethodTest {

    private static final String VERSION_1 = """
            {
              "code": "tiny", "version": "1", "title": "Tiny test instrument", "rights": "FREE",
              "copyright": "Test copyright line",
              "responseSets": [{"id": "scale", "options": [{"code": 0, "label": "low"}, {"code": 1, "label": "mid"},
                                                         {"code": 2, "label": "high"}]}],
              "items": [{"key": "a_01", "number": 1, "label": "A1", "responseSet": "scale"},
                        {"key": "a_02", "number": 2, "label": "A2", "responseSet": "scale"},
                        {"key": "b_01", "number": 3, "label": "B1", "responseSet": "scale"}],
              "subscales": [{"key": "a", "label": "A", "items": ["a_01", "a_02"]}],
              "scores": [{"key": "total", "label": "Total", "aggregation": "SUM", "decimals": 0, "minimum": 0, "maximum": 6},
                         {"key": "a", "label": "A", "subscale": "a", "aggregation": "MEAN", "decimals": 1,
                          "minimum": 0, "maximum": 100, "rescale": {"fromMin": 0, "fromMax": 2, "toMin": 0, "toMax": 100}}],
              "missingData": {"mode": "COMPLETE_ITEMS_ONLY"},
              "sources": [{"fact": "made up for a test", "reference": "this test"}]
            }""";

    static Stream<Arguments> changes() {
        return Stream.of(
                same("a new version number only", s -> s.replace("\"version\": \"1\"", "\"version\": \"2\"")),
                same("a missing item now prorated", s -> s.replace("\"mode\": \"COMPLETE_ITEMS_ONLY\"",
                        "\"mode\": \"PRORATE\", \"maxMissingItems\": 1")),
                same("a new label and an added cut-off", s -> s.replace("\"label\": \"Total\", \"aggregation\": \"SUM\"",
                        "\"label\": \"Overall\", \"aggregation\": \"SUM\", \"thresholds\": [{\"key\": \"cut\", "
                                + "\"value\": 3, \"meaning\": \"test\"}]")),
                same("one more decimal place", s -> s.replace("\"decimals\": 0", "\"decimals\": 1")),
                same("the same maximum written 6.0", s -> s.replace("\"maximum\": 6}", "\"maximum\": 6.0}")),
                same("a new response label", s -> s.replace("\"label\": \"mid\"", "\"label\": \"middle\"")),
                different("a mean instead of a sum", s -> s.replace("\"aggregation\": \"SUM\"", "\"aggregation\": \"MEAN\"")
                        .replace("\"maximum\": 6}", "\"maximum\": 2}")),
                different("an item scored in reverse", s -> s.replace("\"label\": \"B1\", \"responseSet\": \"scale\"",
                        "\"label\": \"B1\", \"responseSet\": \"scale\", \"reverseScored\": true")),
                different("an item that no longer counts", s -> s.replace("\"label\": \"B1\", \"responseSet\": \"scale\"",
                        "\"label\": \"B1\", \"responseSet\": \"scale\", \"scored\": false")
                        .replace("\"maximum\": 6}", "\"maximum\": 4}")),
                different("one more answer to choose from", s -> s.replace("{\"code\": 2, \"label\": \"high\"}",
                        "{\"code\": 2, \"label\": \"high\"}, {\"code\": 3, \"label\": \"highest\"}")
                        .replace("\"maximum\": 6}", "\"maximum\": 9}").replace("\"fromMax\": 2", "\"fromMax\": 3")));
    }

    @ParameterizedTest(name = "{0}: total comparable = {2}")
    @MethodSource("changes")
    void aScoreIsComparableAcrossVersionsOnlyWhenItIsWorkedOutTheSameWay(String change, UnaryOperator<String> edit,
            boolean comparable) {
        InstrumentDefinition v1 = parse(VERSION_1);
        InstrumentDefinition v2 = parse(edit.apply(VERSION_1));
        assertThat(ScoreMethod.of(v2, "total").equals(ScoreMethod.of(v1, "total"))).as(change).isEqualTo(comparable);
    }

    @Test
    void aSubscaleWithOtherItemsOrAnotherRescalingIsNotComparable() {
        InstrumentDefinition v1 = parse(VERSION_1);
        assertThat(ScoreMethod.of(parse(VERSION_1), "a")).isEqualTo(ScoreMethod.of(v1, "a"));
        assertThat(ScoreMethod.of(parse(VERSION_1.replace("\"items\": [\"a_01\", \"a_02\"]",
                "\"items\": [\"a_01\", \"b_01\"]")), "a")).isNotEqualTo(ScoreMethod.of(v1, "a"));
        assertThat(ScoreMethod.of(parse(VERSION_1.replace("\"toMax\": 100", "\"toMax\": 10")
                .replace("\"maximum\": 100", "\"maximum\": 10")), "a")).isNotEqualTo(ScoreMethod.of(v1, "a"));
    }

    @Test
    void aVersionWithoutTheScoreHasNoMethodForIt() {
        assertThat(ScoreMethod.of(parse(VERSION_1), "interpersonal")).isEmpty();
        assertThat(ScoreMethod.of(parse(VERSION_1), "total")).isPresent();
    }

    private static Arguments same(String change, UnaryOperator<String> edit) {
        return Arguments.of(change, edit, true);
    }

    private static Arguments different(String change, UnaryOperator<String> edit) {
        return Arguments.of(change, edit, false);
    }

    private static InstrumentDefinition parse(String json) {
        return InstrumentDefinitionParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "tiny.json");
    }
}
