package org.refocus.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.refocus.programme.internal.Timeline.PlannedActivity;
import org.refocus.programme.internal.Timeline.Progress;
import org.refocus.programme.internal.Timeline.Status;

class TimelineTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 15);

    private static PlannedActivity activity(long id, ActivityKind kind, int target, int month) {
        return new PlannedActivity(id, Component.COACHING, kind, "A" + id, target, Audience.STAFF, month);
    }

    static Stream<Arguments> months() {
        return Stream.of(
                Arguments.of(LocalDate.of(2026, 1, 14), 0),
                Arguments.of(LocalDate.of(2026, 1, 15), 1),
                Arguments.of(LocalDate.of(2026, 2, 14), 1),
                Arguments.of(LocalDate.of(2026, 2, 15), 2),
                Arguments.of(LocalDate.of(2027, 1, 14), 12),
                Arguments.of(LocalDate.of(2027, 1, 15), 13));
    }

    @ParameterizedTest(name = "{0} is month {1}")
    @MethodSource("months")
    void numbersProgrammeMonthsFromTheStartDate(LocalDate date, int month) {
        assertThat(Timeline.monthOf(START, date)).isEqualTo(month);
    }

    @Test
    void anActivityIsDueByTheLastDayOfItsMonth() {
        assertThat(Timeline.dueBy(START, 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(Timeline.dueBy(START, 3)).isEqualTo(LocalDate.of(2026, 4, 14));
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                // delivered, today, expected status (activity: target 2, month 2, due 2026-03-14)
                Arguments.of(2, LocalDate.of(2026, 1, 20), Status.DONE),
                Arguments.of(1, LocalDate.of(2026, 1, 20), Status.UPCOMING),
                Arguments.of(1, LocalDate.of(2026, 2, 20), Status.DUE),
                Arguments.of(1, LocalDate.of(2026, 3, 14), Status.DUE),
                Arguments.of(1, LocalDate.of(2026, 3, 15), Status.LATE),
                Arguments.of(3, LocalDate.of(2026, 6, 1), Status.DONE));
    }

    @ParameterizedTest(name = "{0} delivered on {1}: {2}")
    @MethodSource("statuses")
    void saysWhatIsDoneDueLateOrUpcoming(int delivered, LocalDate today, Status status) {
        List<Progress> progress = Timeline.progress(List.of(activity(1, ActivityKind.COACHING_TRAINING, 2, 2)),
                Map.of(1L, delivered), Map.of(), START, today);
        assertThat(progress.get(0).status()).isEqualTo(status);
        assertThat(progress.get(0).counted()).isEqualTo(Math.min(delivered, 2));
    }

    static Stream<Arguments> endedStatuses() {
        return Stream.of(
                // delivered, ended on, expected status (activity: target 2, month 2, due 2026-03-14); today is later
                Arguments.of(2, LocalDate.of(2026, 2, 1), Status.DONE),
                Arguments.of(1, LocalDate.of(2026, 2, 1), Status.NOT_DELIVERED),
                Arguments.of(1, LocalDate.of(2026, 3, 1), Status.NOT_DELIVERED),
                Arguments.of(0, LocalDate.of(2026, 6, 1), Status.NOT_DELIVERED));
    }

    @ParameterizedTest(name = "{0} delivered, ended on {1}: {2}")
    @MethodSource("endedStatuses")
    void anEndedProgrammeIsFrozenWhatWasNotDoneIsNotDeliveredNeverLateDueOrPlanned(int delivered, LocalDate endedOn,
            Status status) {
        List<Progress> progress = Timeline.progress(List.of(activity(1, ActivityKind.COACHING_TRAINING, 2, 2)),
                Map.of(1L, delivered), Map.of(), START, LocalDate.of(2026, 9, 1), endedOn);
        assertThat(progress.get(0).status()).isEqualTo(status);
        assertThat(progress.get(0).counted()).isEqualTo(Math.min(delivered, 2));
    }

    @Test
    void recordsFillActivitiesOfTheirKindInMonthOrderAndTheLastTakesTheRest() {
        List<PlannedActivity> plan = List.of(
                activity(3, ActivityKind.RECOVERY_STATEMENT, 1, 12),
                activity(1, ActivityKind.RECOVERY_STATEMENT, 1, 3),
                activity(2, ActivityKind.RESOURCE_OFFERS, 10, 6));
        List<Progress> progress = Timeline.progress(plan, Map.of(),
                Map.of(ActivityKind.RECOVERY_STATEMENT, 3, ActivityKind.RESOURCE_OFFERS, 4), START,
                LocalDate.of(2026, 8, 1));
        assertThat(progress).extracting(p -> p.activity().id()).containsExactly(1L, 2L, 3L);
        assertThat(progress).extracting(Progress::delivered).containsExactly(1, 4, 2);
        assertThat(progress).extracting(Progress::counted).containsExactly(1, 4, 1);
        assertThat(progress).extracting(Progress::status).containsExactly(Status.DONE, Status.LATE, Status.DONE);
    }

    @Test
    void sessionsSoFarCountOnlySessionActivitiesPlannedUpToThisMonthCappedAtTarget() {
        List<PlannedActivity> plan = List.of(
                activity(1, ActivityKind.COACHING_TRAINING, 2, 1),
                activity(2, ActivityKind.RECOVERY_WORKSHOP, 2, 2),
                activity(3, ActivityKind.RECOVERY_STATEMENT, 1, 2),
                activity(4, ActivityKind.REFLECTION_SESSION, 4, 6));
        LocalDate today = LocalDate.of(2026, 3, 1); // month 2
        List<Progress> progress = Timeline.progress(plan, Map.of(1L, 5, 2L, 1, 4L, 3), Map.of(), START, today);
        assertThat(Timeline.sessionsSoFar(progress, START, today)).isEqualTo(new Timeline.Tally(3, 4));
        assertThat(Timeline.due(plan, ActivityKind.RECOVERY_STATEMENT, START, today)).isTrue();
        assertThat(Timeline.due(plan, ActivityKind.REFLECTION_SESSION, START, today)).isFalse();
    }
}
