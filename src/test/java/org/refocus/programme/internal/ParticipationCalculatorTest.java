package org.refocus.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.refocus.programme.TeamPracticeCounts;
import org.refocus.programme.internal.ParticipationCalculator.FigureStatus;
import org.refocus.programme.internal.ParticipationCalculator.Level;
import org.refocus.programme.internal.ParticipationCalculator.TeamParticipation;
import org.refocus.programme.internal.ParticipationCalculator.TeamRecords;

class ParticipationCalculatorTest {

    private static final ParticipationSettings EQUAL = ParticipationSettings.defaults();

    private static TeamRecords team(int staff, int trained, int delivered, int planned, boolean projectDue,
            int milestonesDone, int milestonesPlanned, TeamPracticeCounts practice) {
        return new TeamRecords(7, true, staff, trained, delivered, planned, projectDue, milestonesDone,
                milestonesPlanned, practice);
    }

    private static TeamPracticeCounts caseload(int caseload, int values, int strengths, int goal, int striving) {
        return new TeamPracticeCounts(7, caseload, values, strengths, goal, striving);
    }

    static Stream<Arguments> teams() {
        return Stream.of(
                // Everything recorded: 8 of 10 trained, 4 of 5 sessions, 20/40 values, 10/40 strengths,
                // 30/40 goals, 0/40 striving, 1 of 2 milestones:
                // (0.8 + 0.8 + 0.5 + 0.25 + 0.75 + 0 + 0.5) / 7 = 0.5143 -> high at 0.5.
                Arguments.of("all seven figures, equal weights",
                        team(10, 8, 4, 5, true, 1, 2, caseload(40, 20, 10, 30, 0)), 3.6 / 7, Level.HIGH),
                // No working-practice provider: four figures left out; (0.8 + 0.8 + 0.5) / 3 = 0.7.
                Arguments.of("working practices not available yet",
                        team(10, 8, 4, 5, true, 1, 2, null), 0.7, Level.HIGH),
                // Project due but no milestone planned counts as 0: (0.5 + 0.25 + 0) / 3.
                Arguments.of("overdue project counts as nothing",
                        team(4, 2, 1, 4, true, 0, 0, null), 0.25, Level.LOW),
                // Project not due yet and no milestones: left out; (0.5 + 0.25) / 2.
                Arguments.of("project not due is left out",
                        team(4, 2, 1, 4, false, 0, 0, null), 0.375, Level.LOW),
                // Nothing planned so far and nobody on the caseload: only training counts.
                Arguments.of("zero denominators are left out",
                        team(5, 5, 0, 0, false, 0, 0, caseload(0, 0, 0, 0, 0)), 1.0, Level.HIGH),
                // More sessions than planned stop at the target: share 1, not 1.5.
                Arguments.of("records beyond the denominator are capped",
                        team(2, 1, 6, 4, false, 0, 0, null), 0.75, Level.HIGH),
                // Exactly at the threshold is high.
                Arguments.of("at the threshold is high",
                        team(2, 1, 0, 0, false, 0, 0, null), 0.5, Level.HIGH),
                // No staff, nothing planned, no provider, no project: no index at all.
                Arguments.of("nothing to count gives no index",
                        team(0, 0, 0, 0, false, 0, 0, null), null, Level.NOT_AVAILABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teams")
    void computesTheWeightedIndexOfTheFiguresThatCanBeCounted(String name, TeamRecords records, Double index,
            Level level) {
        TeamParticipation result = ParticipationCalculator.compute(records, EQUAL);
        if (index == null) {
            assertThat(result.index()).isNull();
        } else {
            assertThat(result.index()).isCloseTo(index, within(1e-9));
        }
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.figures()).extracting(ParticipationCalculator.FigureValue::figure)
                .containsExactly(Figure.values());
    }

    @Test
    void eachFigureKeepsItsNumeratorAndDenominator() {
        TeamParticipation result = ParticipationCalculator.compute(
                team(10, 8, 4, 5, true, 1, 2, caseload(40, 20, 10, 30, 0)), EQUAL);
        assertThat(result.figure(Figure.TRAINING)).satisfies(f -> {
            assertThat(f.numerator()).isEqualTo(8);
            assertThat(f.denominator()).isEqualTo(10);
            assertThat(f.share()).isEqualTo(0.8);
            assertThat(f.status()).isEqualTo(FigureStatus.COUNTED);
        });
        assertThat(result.figure(Figure.GOAL_STRIVING).numerator()).isZero();
        assertThat(result.figure(Figure.GOAL_STRIVING).denominator()).isEqualTo(40);
        assertThat(result.figure(Figure.PROJECT).share()).isEqualTo(0.5);
    }

    @Test
    void marksFiguresWithoutRecordsAsNotAvailableRatherThanZero() {
        TeamParticipation result = ParticipationCalculator.compute(team(10, 8, 4, 5, false, 0, 0, null), EQUAL);
        assertThat(result.figure(Figure.VALUES).status()).isEqualTo(FigureStatus.NOT_AVAILABLE_YET);
        assertThat(result.figure(Figure.VALUES).share()).isNull();
        assertThat(result.figure(Figure.PROJECT).status()).isEqualTo(FigureStatus.NOTHING_TO_COUNT);
    }

    @Test
    void weightsChangeTheIndexAndAZeroWeightLeavesAFigureOut() {
        Map<Figure, Double> weights = new EnumMap<>(Figure.class);
        weights.put(Figure.TRAINING, 3.0);
        weights.put(Figure.SESSIONS, 1.0);
        ParticipationSettings settings = new ParticipationSettings(weights, 0.7, 3, 1);
        // (3 * 0.8 + 1 * 0.4) / 4 = 0.7; the project (0 of 2) weighs nothing.
        TeamParticipation result = ParticipationCalculator.compute(team(10, 8, 2, 5, true, 0, 2, null), settings);
        assertThat(result.index()).isCloseTo(0.7, within(1e-9));
        assertThat(result.level()).isEqualTo(Level.HIGH);
        assertThat(result.figure(Figure.PROJECT).inIndex()).isFalse();
    }

    @Test
    void rejectsSettingsThatCannotProduceAnIndex() {
        assertThatThrownBy(() -> new ParticipationSettings(Map.of(), 0.5, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParticipationSettings(Map.of(Figure.TRAINING, -1.0), 0.5, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParticipationSettings(Map.of(Figure.TRAINING, 1.0), 1.5, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
