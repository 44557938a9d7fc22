package org.refocus.measures.internal;

import java.time.LocalDate;

/**
 * When a repeating questionnaire is next due. Its due days are counted from the first one (the 31st
 * stays the last day of each month rather than drifting to the 28th), and a response that counts
 * towards a due day, early or late, moves the schedule on to the first due day after both.
 */
final class Recurrence {

    private Recurrence() {
    }

    /**
     * @param firstDueOn  the schedule's first due day
     * @param everyMonths months between due days
     * @param dueOn       the due day the response counted towards
     * @param completedOn the day it was completed
     * @return the first due day after {@code dueOn} and after {@code completedOn}
     */
    static LocalDate nextDueOn(LocalDate firstDueOn, int everyMonths, LocalDate dueOn, LocalDate completedOn) {
        // A due day off the schedule's own days (moved by an earlier release, which let month ends drift)
        // counts as the schedule's start from now on, so the next one is a whole interval later, not days.
        LocalDate from = isDueDay(firstDueOn, everyMonths, dueOn) ? firstDueOn : dueOn;
        LocalDate next;
        long k = 0;
        do {
            k++;
            next = from.plusMonths(k * everyMonths);
        } while (!next.isAfter(dueOn) || !next.isAfter(completedOn));
        return next;
    }

    private static boolean isDueDay(LocalDate firstDueOn, int everyMonths, LocalDate day) {
        LocalDate due = firstDueOn;
        for (long k = 1; due.isBefore(day); k++) {
            due = firstDueOn.plusMonths(k * everyMonths);
        }
        return due.equals(day);
    }
}
