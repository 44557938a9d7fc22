package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.refocus.measures.instrument.Answers.definition;
import static org.refocus.measures.instrument.Answers.every;
import static org.refocus.measures.instrument.Answers.sequence;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WellbeingAndDialogScoringTest {

    private static final InstrumentDefinition DIALOG = definition("dialog");
    private static final InstrumentDefinition WEMWBS = definition("wemwbs");
    private static final InstrumentDefinition SWEMWBS = definition("swemwbs");

    /** Stewart-Brown et al. 2009 raw-to-metric table, typed out again here so the data file is checked against it. */
    private static final String[] METRIC = {"7.00", "9.51", "11.25", "12.40", "13.33", "14.08", "14.75", "15.32",
            "15.84", "16.36", "16.88", "17.43", "17.98", "18.59", "19.25", "19.98", "20.73", "21.54", "22.35",
            "23.21", "24.11", "25.03", "26.02", "27.03", "28.13", "29.31", "30.70", "32.55", "35.00"};

    static Stream<Arguments> dialogScores() {
        return Stream.of(
                Arguments.of("all 1", sequence("dialog", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), "1.00", "1.00"),
                Arguments.of("all 7", sequence("dialog", 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7), "7.00", "7.00"),
                Arguments.of("all neutral", sequence("dialog", 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4), "4.00", "4.00"),
                Arguments.of("life 1..7 and 4, treatment 5 6 6", sequence("dialog", 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 6),
                        "4.00", "5.67"), // 32/8; 17/3 = 5.666…
                Arguments.of("life mixed, treatment 7 7 6", sequence("dialog", 5, 5, 6, 3, 4, 6, 2, 6, 7, 7, 6),
                        "4.63", "6.67")); // 37/8 = 4.625 rounds half up; 20/3
    }

    @ParameterizedTest(name = "DIALOG {0}: quality of life {2}, treatment satisfaction {3}")
    @MethodSource("dialogScores")
    void scoresDialogAsTheMeansOfLifeDomainsAndTreatmentAspects(String name, Map<String, Integer> answers,
                                                               String qualityOfLife, String satisfaction) {
        ScoreResult result = Scoring.score(DIALOG, answers);

        assertThat(result.score("quality_of_life").value()).isEqualByComparingTo(qualityOfLife);
        assertThat(result.score("quality_of_life").itemsUsed()).isEqualTo(8);
        assertThat(result.score("treatment_satisfaction").value()).isEqualByComparingTo(satisfaction);
        assertThat(result.score("treatment_satisfaction").itemsUsed()).isEqualTo(3);
        assertThat(result.score("quality_of_life").value().scale()).isEqualTo(2);
    }

    @Test
    void givesDialogQualityOfLifeWhenOnlyATreatmentAspectIsMissing() {
        Map<String, Integer> answers = sequence("dialog", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        answers.remove("dialog_10");

        ScoreResult result = Scoring.score(DIALOG, answers);

        assertThat(result.score("quality_of_life").value()).isEqualByComparingTo("5.00");
        assertThat(result.score("treatment_satisfaction").isPresent()).isFalse();
        assertThat(result.score("treatment_satisfaction").reason()).contains("1 of 3 items").contains("dialog_10");
    }

    @Test
    void rejectsDialogAnswersOutsideOneToSeven() {
        Map<String, Integer> answers = sequence("dialog", 0, 5, 5, 5, 5, 5, 5, 5, 8, 5, 5);

        ScoreResult result = Scoring.score(DIALOG, answers);

        assertThat(result.problems()).extracting(ItemProblem::itemKey).containsExactly("dialog_01", "dialog_09");
        assertThat(result.problems()).allMatch(p -> p.kind() == ItemProblem.Kind.OUT_OF_RANGE);
        assertThat(result.score("quality_of_life").isPresent()).isFalse();
        assertThat(result.score("treatment_satisfaction").isPresent()).isFalse();
    }

    static Stream<Arguments> wemwbsTotals() {
        return Stream.of(
                Arguments.of(every(WEMWBS, "wemwbs_", 1), 14),
                Arguments.of(every(WEMWBS, "wemwbs_", 5), 70),
                Arguments.of(every(WEMWBS, "wemwbs_", 3), 42),
                Arguments.of(sequence("wemwbs", 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4), 40));
    }

    @ParameterizedTest(name = "WEMWBS total {1}")
    @MethodSource("wemwbsTotals")
    void scoresWemwbsAsTheSumOfFourteenItems(Map<String, Integer> answers, int expected) {
        assertThat(Scoring.score(WEMWBS, answers).score("total").value()).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    @Test
    void givesNoWemwbsTotalWhenAnItemIsMissingOrZero() {
        Map<String, Integer> missing = every(WEMWBS, "wemwbs_", 4);
        missing.remove("wemwbs_14");
        Map<String, Integer> zero = every(WEMWBS, "wemwbs_", 4);
        zero.put("wemwbs_02", 0);

        assertThat(Scoring.score(WEMWBS, missing).score("total").reason()).contains("wemwbs_14");
        assertThat(Scoring.score(WEMWBS, zero).problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ItemProblem.Kind.OUT_OF_RANGE));
    }

    static Stream<Arguments> swemwbsRows() {
        return IntStream.rangeClosed(7, 35).mapToObj(raw -> Arguments.of(raw, METRIC[raw - 7]));
    }

    @ParameterizedTest(name = "SWEMWBS raw {0} converts to {1}")
    @MethodSource("swemwbsRows")
    void convertsEverySwemwbsRawScoreThroughThePublishedRaschTable(int raw, String metric) {
        ScoreResult result = Scoring.score(SWEMWBS, answersSummingTo(raw));

        assertThat(result.score("raw").value()).isEqualByComparingTo(BigDecimal.valueOf(raw));
        assertThat(result.score("metric").value()).isEqualTo(new BigDecimal(metric)); // same scale: "7.00", not "7"
        assertThat(SWEMWBS.score("metric").orElseThrow().conversion().get(raw)).isEqualByComparingTo(metric);
    }

    @Test
    void givesNoSwemwbsScoresWhenAnItemIsMissing() {
        Map<String, Integer> answers = answersSummingTo(20);
        answers.remove("swemwbs_04");

        ScoreResult result = Scoring.score(SWEMWBS, answers);

        assertThat(result.score("raw").isPresent()).isFalse();
        assertThat(result.score("metric").isPresent()).isFalse();
        assertThat(result.score("metric").reason()).contains("swemwbs_04");
    }

    /** Seven answers of 1..5 whose sum is {@code raw} (7..35), filled greedily from the first item. */
    private static Map<String, Integer> answersSummingTo(int raw) {
        int[] values = new int[7];
        int left = raw - 7;
        for (int i = 0; i < 7; i++) {
            int extra = Math.min(4, left);
            values[i] = 1 + extra;
            left -= extra;
        }
        return sequence("swemwbs", values);
    }
}
