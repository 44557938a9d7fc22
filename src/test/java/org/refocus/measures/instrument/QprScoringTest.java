package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.refocus.measures.instrument.Answers.definition;
import static org.refocus.measures.instrument.Answers.every;
import static org.refocus.measures.instrument.Answers.sequence;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QprScoringTest {

    private static final InstrumentDefinition QPR_15 = definition("qpr-15");
    private static final InstrumentDefinition QPR_22 = definition("qpr-22");

    static Stream<Arguments> qpr15Totals() {
        return Stream.of(
                Arguments.of("all disagree strongly", every(QPR_15, "qpr_", 0), 0),
                Arguments.of("all agree strongly", every(QPR_15, "qpr_", 4), 60),
                Arguments.of("all neither", every(QPR_15, "qpr_", 2), 30),
                Arguments.of("0..4 three times", sequence("qpr", 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4), 30),
                Arguments.of("one agree, rest disagree strongly", sequence("qpr", 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 3),
                Arguments.of("mostly agree", sequence("qpr", 3, 3, 3, 4, 3, 2, 3, 3, 4, 3, 3, 3, 2, 3, 4), 46));
    }

    @ParameterizedTest(name = "QPR-15 {0} totals {2}")
    @MethodSource("qpr15Totals")
    void scoresQpr15AsTheSumOfItsFifteenItems(String name, Map<String, Integer> answers, int expected) {
        ScoreResult result = Scoring.score(QPR_15, answers);

        assertThat(result.score("total").value()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(result.score("total").itemsUsed()).isEqualTo(15);
        assertThat(result.complete()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.instrumentCode()).isEqualTo("qpr-15");
        assertThat(result.instrumentVersion()).isEqualTo("1");
    }

    @Test
    void givesNoQpr15TotalWhenAnItemIsMissingAndSaysWhich() {
        Map<String, Integer> answers = every(QPR_15, "qpr_", 3);
        answers.remove("qpr_07");

        ScoreValue total = Scoring.score(QPR_15, answers).score("total");

        assertThat(total.isPresent()).isFalse();
        assertThat(total.absence()).isEqualTo(ScoreValue.Absence.ITEMS_MISSING);
        assertThat(total.reason()).contains("1 of 15 items").contains("qpr_07").contains("no score when any");
        assertThat(Scoring.score(QPR_15, answers).complete()).isFalse();
    }

    @Test
    void treatsANullAnswerAsUnanswered() {
        Map<String, Integer> answers = every(QPR_15, "qpr_", 3);
        answers.put("qpr_01", null);

        ScoreResult result = Scoring.score(QPR_15, answers);

        assertThat(result.score("total").isPresent()).isFalse();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void givesNoTotalAtAllForAnEmptyQuestionnaire() {
        ScoreValue total = Scoring.score(QPR_15, Map.of()).score("total");

        assertThat(total.isPresent()).isFalse();
        assertThat(total.reason()).contains("15 of 15 items").contains("and 10 more");
    }

    static Stream<Integer> outOfRange() {
        return Stream.of(-1, 5, 99);
    }

    @ParameterizedTest(name = "an answer of {0} is reported and not scored")
    @MethodSource("outOfRange")
    void reportsAnOutOfRangeAnswerAsAnItemProblemAndDoesNotScoreIt(int bad) {
        Map<String, Integer> answers = every(QPR_15, "qpr_", 2);
        answers.put("qpr_03", bad);

        ScoreResult result = Scoring.score(QPR_15, answers);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.itemKey()).isEqualTo("qpr_03");
            assertThat(p.kind()).isEqualTo(ItemProblem.Kind.OUT_OF_RANGE);
            assertThat(p.value()).isEqualTo(bad);
            assertThat(p.message()).contains("0, 1, 2, 3, 4");
        });
        assertThat(result.score("total").isPresent()).isFalse();
        assertThat(result.score("total").reason()).contains("missing or invalid (qpr_03)");
        assertThat(result.complete()).isFalse();
    }

    @Test
    void reportsAnswersForUnknownItemsButStillScoresTheRest() {
        Map<String, Integer> answers = every(QPR_15, "qpr_", 1);
        answers.put("qpr_16", 4);
        answers.put("mood", 2);

        ScoreResult result = Scoring.score(QPR_15, answers);

        assertThat(result.score("total").value()).isEqualByComparingTo("15");
        assertThat(result.complete()).isTrue();
        assertThat(result.problems()).extracting(ItemProblem::itemKey, ItemProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mood", ItemProblem.Kind.UNKNOWN_ITEM),
                org.assertj.core.groups.Tuple.tuple("qpr_16", ItemProblem.Kind.UNKNOWN_ITEM));
        assertThat(result.problems().get(1).message()).contains("qpr-15 v1");
    }

    @Test
    void carriesTheSnomedCodeOfTheQprTotalForInteroperability() {
        assertThat(QPR_15.score("total").orElseThrow().codings()).singleElement()
                .satisfies(c -> assertThat(c.code()).isEqualTo("1035441000000106"));
    }

    static Stream<Arguments> qpr22Scores() {
        return Stream.of(
                Arguments.of("all 0", every(QPR_22, "qpr_", 0), 0, 0, 0),
                Arguments.of("all 4", every(QPR_22, "qpr_", 4), 88, 68, 20),
                Arguments.of("all 2", every(QPR_22, "qpr_", 2), 44, 34, 10),
                // interpersonal items 13, 15, 16, 17, 20 at 4; the rest at 1
                Arguments.of("interpersonal high", sequence("qpr", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 1, 4, 4, 4, 1, 1, 4, 1, 1),
                        37, 17, 20));
    }

    @ParameterizedTest(name = "QPR-22 {0}: total {2}, intrapersonal {3}, interpersonal {4}")
    @MethodSource("qpr22Scores")
    void scoresQpr22TotalAndBothSubscales(String name, Map<String, Integer> answers, int total, int intra, int inter) {
        ScoreResult result = Scoring.score(QPR_22, answers);

        assertThat(result.score("total").value()).isEqualByComparingTo(BigDecimal.valueOf(total));
        assertThat(result.score("intrapersonal").value()).isEqualByComparingTo(BigDecimal.valueOf(intra));
        assertThat(result.score("interpersonal").value()).isEqualByComparingTo(BigDecimal.valueOf(inter));
        assertThat(result.score("intrapersonal").itemsUsed()).isEqualTo(17);
        assertThat(result.score("interpersonal").itemsUsed()).isEqualTo(5);
    }

    @Test
    void givesTheQpr22IntrapersonalScoreWhenOnlyAnInterpersonalItemIsMissing() {
        Map<String, Integer> answers = every(QPR_22, "qpr_", 3);
        answers.remove("qpr_13");

        ScoreResult result = Scoring.score(QPR_22, answers);

        assertThat(result.score("intrapersonal").value()).isEqualByComparingTo("51");
        assertThat(result.score("interpersonal").isPresent()).isFalse();
        assertThat(result.score("interpersonal").reason()).contains("1 of 5 items").contains("qpr_13");
        assertThat(result.score("total").isPresent()).isFalse();
        assertThat(result.complete()).isFalse();
    }
}
