package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecurrenceTest {

    @ParameterizedTest(name = "first {0}, every {1} months, due {2}, completed {3}: next {4}")
    @CsvSource({
        // Completed early, within the days that count towards the due day: moves on one interval.
        "2026-12-01, 3, 2026-12-01, 2026-11-26, 2027-03-01",
        // Completed on the day.
        "2026-12-01, 3, 2026-12-01, 2026-12-01, 2027-03-01",
        // Completed late, before the next due day.
        "2026-12-01, 3, 2026-12-01, 2027-01-15, 2027-03-01",
        // Completed so late that due days were missed: the first due day after completion.
        "2026-12-01, 3, 2026-12-01, 2027-06-10, 2027-09-01",
        // Month ends do not drift: the 31st, then the last day of shorter months, then the 31st again.
        "2027-01-31, 1, 2027-01-31, 2027-01-31, 2027-02-28",
        "2027-01-31, 1, 2027-02-28, 2027-02-28, 2027-03-31",
        "2027-01-31, 1, 2027-03-31, 2027-03-30, 2027-04-30",
        "2028-01-31, 1, 2028-01-31, 2028-01-31, 2028-02-29",
        "2026-08-31, 6, 2026-08-31, 2026-08-20, 2027-02-28",
        "2026-08-31, 6, 2027-02-28, 2027-02-28, 2027-08-31",
        // A due day that drifted under an earlier release (the 28th of a schedule first due on the 31st) moves
        // on a whole interval, not to the 30th of the same month.
        "2026-01-31, 1, 2026-11-28, 2026-11-28, 2026-12-28",
        "2026-01-31, 3, 2026-10-28, 2026-10-20, 2027-01-28",
        // A due day before the first one (never stored, but harmless) is its own start.
        "2026-12-01, 3, 2026-11-01, 2026-11-01, 2027-02-01",
    })
    void aResponseMovesTheScheduleOnToTheFirstDueDayAfterTheOneItCountedTowardsAndAfterItWasCompleted(
            LocalDate first, int every, LocalDate due, LocalDate completed, LocalDate next) {
        assertThat(Recurrence.nextDueOn(first, every, due, completed)).isEqualTo(next);
    }
}
