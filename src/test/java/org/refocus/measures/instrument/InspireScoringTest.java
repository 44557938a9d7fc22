package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.refocus.measures.instrument.Answers.definition;
import static org.refocus.measures.instrument.Answers.sequence;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InspireScoringTest {

    private static final InstrumentDefinition INSPIRE = definition("inspire");
    private static final InstrumentDefinition BRIEF = definition("inspire-brief");
    private static final InstrumentDefinition OUTCOME = definition("inspire-o-brief");

    /**
     * Full INSPIRE answers: {@code ratings[i]} is the support rating of item i+1, or null when the item
     * does not matter to the person; every Relationship item is answered {@code relationship}.
     */
    static Map<String, Integer> inspire(Integer[] ratings, int relationship) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String key = String.format("support_%02d", i + 1);
            answers.put(key + "_matters", ratings[i] == null ? 0 : 1);
            if (ratings[i] != null) {
                answers.put(key, ratings[i]);
            }
        }
        for (int i = 1; i <= 7; i++) {
            answers.put(String.format("relationship_%02d", i), relationship);
        }
        return answers;
    }

    static Integer[] allMatter(int rating) {
        Integer[] ratings = new Integer[20];
        java.util.Arrays.fill(ratings, rating);
        return ratings;
    }

    static Stream<Arguments> supportScores() {
        Integer[] half = allMatter(3);
        for (int i = 10; i < 20; i++) {
            half[i] = null;
        }
        Integer[] three = new Integer[20];
        three[0] = 1;
        three[7] = 2;
        three[19] = 2;
        Integer[] one = new Integer[20];
        one[4] = 4;
        return Stream.of(
                Arguments.of("every item matters, all rated 4", allMatter(4), "100.0", 20),
                Arguments.of("every item matters, all rated 0", allMatter(0), "0.0", 20),
                Arguments.of("every item matters, all rated 2", allMatter(2), "50.0", 20),
                Arguments.of("half matter, rated 3", half, "75.0", 10),
                Arguments.of("three matter, rated 1, 2, 2 (mean 5/3)", three, "41.7", 3),
                Arguments.of("one matters, rated 4", one, "100.0", 1));
    }

    @ParameterizedTest(name = "{0}: Support {2} from {3} items")
    @MethodSource("supportScores")
    void scoresSupportAsTheMeanOfRatedItemsThatMatterRescaledTo100(String name, Integer[] ratings, String expected,
                                                                    int used) {
        ScoreResult result = Scoring.score(INSPIRE, inspire(ratings, 2));

        assertThat(result.score("support").value()).isEqualByComparingTo(expected);
        assertThat(result.score("support").value().scale()).isEqualTo(1);
        assertThat(result.score("support").itemsUsed()).isEqualTo(used);
        assertThat(result.complete()).isTrue();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void leavesItemsThatDoNotMatterOutOfTheSupportScoreEvenWhenRated() {
        Integer[] ratings = allMatter(4);
        ratings[0] = null;
        Map<String, Integer> answers = inspire(ratings, 2);
        answers.put("support_01", 0); // rated although it does not matter

        ScoreResult result = Scoring.score(INSPIRE, answers);

        assertThat(result.score("support").value()).isEqualByComparingTo("100.0");
        assertThat(result.score("support").itemsUsed()).isEqualTo(19);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ItemProblem.Kind.IGNORED_NOT_APPLICABLE);
            assertThat(p.itemKey()).isEqualTo("support_01");
        });
    }

    @Test
    void givesNoSupportScoreWhenNoItemMattersAndSaysWhy() {
        ScoreResult result = Scoring.score(INSPIRE, inspire(new Integer[20], 3));

        ScoreValue support = result.score("support");
        assertThat(support.isPresent()).isFalse();
        assertThat(support.absence()).isEqualTo(ScoreValue.Absence.NO_ITEM_APPLIES);
        assertThat(support.reason()).contains("not mattering");
        assertThat(result.score("relationship").value()).isEqualByComparingTo("75.0");
        assertThat(result.complete()).isTrue();
    }

    @Test
    void givesNoSupportScoreWhenAnItemThatMattersIsNotRated() {
        Map<String, Integer> answers = inspire(allMatter(3), 3);
        answers.remove("support_05");

        ScoreResult result = Scoring.score(INSPIRE, answers);

        assertThat(result.score("support").isPresent()).isFalse();
        assertThat(result.score("support").reason()).contains("1 of 20 items").contains("support_05");
        assertThat(result.complete()).isFalse();
    }

    @Test
    void givesNoSupportScoreWhenItIsNotKnownWhetherAnItemMatters() {
        Map<String, Integer> answers = inspire(allMatter(3), 3);
        answers.remove("support_12_matters");

        ScoreResult result = Scoring.score(INSPIRE, answers);

        assertThat(result.score("support").isPresent()).isFalse();
        assertThat(result.score("support").reason()).contains("support_12_matters");
        assertThat(result.complete()).isFalse();
    }

    @Test
    void reportsARatingWhoseMattersQuestionWasNotAnsweredAsNotScored() {
        Map<String, Integer> answers = inspire(allMatter(3), 3);
        answers.remove("support_12_matters");

        ScoreResult result = Scoring.score(INSPIRE, answers);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ItemProblem.Kind.GATE_UNANSWERED);
            assertThat(p.kind().invalidAnswer()).isFalse();
            assertThat(p.itemKey()).isEqualTo("support_12");
            assertThat(p.value()).isEqualTo(3);
            assertThat(p.message()).contains("support_12_matters").contains("not answered").contains("not scored");
        });
    }

    @Test
    void reportsAMattersAnswerThatIsNeitherYesNorNo() {
        Map<String, Integer> answers = inspire(allMatter(3), 3);
        answers.put("support_01_matters", 2);

        ScoreResult result = Scoring.score(INSPIRE, answers);

        assertThat(result.problems()).extracting(ItemProblem::itemKey).containsExactly("support_01_matters");
        assertThat(result.score("support").isPresent()).isFalse();
    }

    static Stream<Arguments> relationshipScores() {
        return Stream.of(
                Arguments.of(sequence("relationship", 0, 0, 0, 0, 0, 0, 0), "0.0"),
                Arguments.of(sequence("relationship", 4, 4, 4, 4, 4, 4, 4), "100.0"),
                Arguments.of(sequence("relationship", 4, 3, 3, 3, 3, 3, 2), "75.0"),
                Arguments.of(sequence("relationship", 4, 4, 4, 4, 4, 4, 3), "96.4"), // 27/7 × 25 = 96.43
                Arguments.of(sequence("relationship", 1, 0, 0, 0, 0, 0, 0), "3.6")); // 1/7 × 25 = 3.57
    }

    @ParameterizedTest(name = "Relationship answers {0} give {1}")
    @MethodSource("relationshipScores")
    void scoresRelationshipAsTheMeanOfSevenItemsRescaledTo100(Map<String, Integer> relationship, String expected) {
        Map<String, Integer> answers = inspire(allMatter(2), 0);
        answers.putAll(relationship);

        assertThat(Scoring.score(INSPIRE, answers).score("relationship").value()).isEqualByComparingTo(expected);
    }

    @Test
    void groupsTheTwentySupportItemsIntoTheFiveChimeProcesses() {
        for (String process : new String[] {"connectedness", "hope", "identity", "meaning", "empowerment"}) {
            assertThat(INSPIRE.subscale(process).orElseThrow().itemKeys()).as(process).hasSize(4);
        }
        assertThat(INSPIRE.items()).filteredOn(Item::scored).hasSize(27);
        assertThat(INSPIRE.score("support").orElseThrow().rescale().toMax()).isEqualByComparingTo("100");
    }

    static Stream<Arguments> briefScores() {
        return Stream.of(
                Arguments.of(new int[] {0, 0, 0, 0, 0}, "0.0"),
                Arguments.of(new int[] {4, 4, 4, 4, 4}, "100.0"),
                Arguments.of(new int[] {0, 1, 2, 3, 4}, "50.0"),
                Arguments.of(new int[] {1, 1, 1, 1, 2}, "30.0"),
                Arguments.of(new int[] {3, 3, 4, 4, 4}, "90.0"));
    }

    @ParameterizedTest(name = "Brief INSPIRE {0} gives {1}")
    @MethodSource("briefScores")
    void scoresBriefInspireFrom0To100(int[] values, String expected) {
        assertThat(Scoring.score(BRIEF, sequence("brief", values)).score("total").value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "Brief INSPIRE-O {0} gives {1}")
    @MethodSource("briefScores")
    void scoresBriefInspireOFrom0To100(int[] values, String expected) {
        assertThat(Scoring.score(OUTCOME, sequence("outcome", values)).score("total").value())
                .isEqualByComparingTo(expected);
    }

    @Test
    void givesNoBriefScoreWhenAnItemIsMissing() {
        Map<String, Integer> answers = sequence("brief", 4, 4, 4, 4, 4);
        answers.remove("brief_03");

        assertThat(Scoring.score(BRIEF, answers).score("total").reason()).contains("brief_03");
    }

    @Test
    void exposesThePublishedBriefInspireOCutOffAndMeaningfulChangeAsData() {
        ScoreSpec total = OUTCOME.score("total").orElseThrow();

        assertThat(total.thresholds()).extracting(ScoreSpec.Threshold::key, ScoreSpec.Threshold::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("recovery_cut_off", new BigDecimal("50")),
                        org.assertj.core.groups.Tuple.tuple("meaningful_change", new BigDecimal("8")));
        assertThat(OUTCOME.sources()).anyMatch(s -> s.reference().contains("10.1007/s00127-025-02948-7"));
    }
}
