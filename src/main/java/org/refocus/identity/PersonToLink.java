package org.refocus.identity;

import java.time.LocalDate;

/**
 * The person a service-user account would give access to, as an administrator must see them before the
 * link is saved (hazard H-03): enough to tell them apart from someone with a similar record number.
 *
 * @param dateOfBirth null when not recorded
 * @param nhsNumber   ten digits, or null when not recorded
 */
public record PersonToLink(long personId, String name, LocalDate dateOfBirth, String nhsNumber, String teamName) {

    /** The NHS number as it is read and printed, in groups of 3, 3 and 4 (943 476 5919); null when not recorded. */
    public String nhsNumberForDisplay() {
        if (nhsNumber == null || nhsNumber.length() != 10) {
            return nhsNumber;
        }
        return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
    }
}
