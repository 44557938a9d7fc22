package org.refocus.measures.internal;

import java.time.LocalDate;

/**
 * When a measure is due for a person.
 *
 * @param completion  SELF (the person completes it from their own account) or WITH_STAFF (given in a session)
 * @param everyMonths null for a one-off measure
 * @param nextDueOn   null once done or stopped
 * @param status      ACTIVE, DONE or STOPPED
 */
public record ScheduleView(long id, long personId, String instrumentCode, String completion, LocalDate firstDueOn,
        Integer everyMonths, LocalDate nextDueOn, String status, int version) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean overdueOn(LocalDate today) {
        return active() && nextDueOn.isBefore(today);
    }
}
