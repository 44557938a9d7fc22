package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.refocus.recovery.GoalAttainment.Goal;

class GoalAttainmentTest {

    private static final double EXACT = 1e-9;

    @Test
    void givesFiftyFiveForTheWorkedExampleInTheBrief() {
        // Σwx = -6 + 0 - 1 + 8 + 0 + 6 = 7; Σw² = 91; (Σw)² = 441;
        // √(0.7·91 + 0.3·441) = √(63.7 + 132.3) = √196 = 14; T = 50 + 70 / 14 = 55.
        double t = GoalAttainment.tScore(new int[] {-2, 0, -1, 2, 0, 1}, new double[] {3, 5, 1, 4, 2, 6});

        assertThat(t).isCloseTo(55.0, within(EXACT));
    }

    @Test
    void givesFiftyWhenEveryGoalIsAtItsExpectedLevel() {
        assertThat(GoalAttainment.tScore(0, 0, 0, 0)).isCloseTo(50.0, within(EXACT));
        assertThat(GoalAttainment.tScore(new int[] {0, 0, 0}, new double[] {1, 4, 9})).isCloseTo(50.0, within(EXACT));
    }

    static Stream<Arguments> singleGoals() {
        // One goal: the denominator is √(0.7w² + 0.3w²) = w, so T = 50 + 10x whatever the weight.
        return Stream.of(
                Arguments.of(-2, 1.0, 30.0), Arguments.of(-1, 1.0, 40.0), Arguments.of(0, 1.0, 50.0),
                Arguments.of(1, 1.0, 60.0), Arguments.of(2, 1.0, 70.0), Arguments.of(1, 5.0, 60.0),
                Arguments.of(-2, 0.5, 30.0));
    }

    @ParameterizedTest(name = "attainment {0} with weight {1} gives {2}")
    @MethodSource("singleGoals")
    void scoresASingleGoalAsFiftyPlusTenTimesItsAttainment(int attainment, double weight, double expected) {
        assertThat(GoalAttainment.tScore(List.of(new Goal(attainment, weight)))).isCloseTo(expected, within(EXACT));
    }

    @Test
    void scoresEquallyWeightedGoalsWithTheCorrelationTerm() {
        // x = (2, 2), w = 1: 50 + 10·4 / √(0.7·2 + 0.3·4) = 50 + 40 / √2.6
        assertThat(GoalAttainment.tScore(2, 2)).isCloseTo(50 + 40 / Math.sqrt(2.6), within(EXACT))
                .isCloseTo(74.807, within(0.001));
        // x = (1, 1, 1, 1): 50 + 40 / √(2.8 + 4.8)
        assertThat(GoalAttainment.tScore(1, 1, 1, 1)).isCloseTo(64.5095, within(0.0001));
    }

    @Test
    void weighsMoreImportantGoalsMore() {
        // x = (-1, +1), w = (1, 3): Σwx = 2; √(0.7·10 + 0.3·16) = √11.8; T = 50 + 20 / √11.8
        double t = GoalAttainment.tScore(new int[] {-1, 1}, new double[] {1, 3});

        assertThat(t).isCloseTo(50 + 20 / Math.sqrt(11.8), within(EXACT)).isCloseTo(55.822, within(0.001));
        assertThat(GoalAttainment.tScore(new int[] {-1, 1}, new double[] {3, 1})).isCloseTo(100 - t, within(EXACT));
    }

    @Test
    void treatsEqualWeightsOfAnySizeAlike() {
        assertThat(GoalAttainment.tScore(new int[] {-2, 1, 2}, new double[] {4, 4, 4}))
                .isCloseTo(GoalAttainment.tScore(-2, 1, 2), within(EXACT));
    }

    @Test
    void rejectsAttainmentsOutsideMinusTwoToPlusTwo() {
        assertThatThrownBy(() -> GoalAttainment.tScore(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between -2 and +2");
        assertThatThrownBy(() -> new Goal(-3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsWeightsThatAreNotPositiveNumbers() {
        for (double weight : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Goal(1, weight)).as("weight %s", weight)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        }
    }

    @Test
    void rejectsAnEmptySetOfGoals() {
        assertThatThrownBy(() -> GoalAttainment.tScore(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one goal");
        assertThatThrownBy(() -> GoalAttainment.tScore()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAttainmentsAndWeightsOfDifferentLengths() {
        assertThatThrownBy(() -> GoalAttainment.tScore(new int[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one weight");
    }
}
