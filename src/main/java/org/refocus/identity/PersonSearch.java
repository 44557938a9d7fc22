package org.refocus.identity;

import java.time.LocalDate;

/**
 * What an administrator searches by to find the record a service-user account is for (hazard H-03). Each
 * part is null when not searched by; a record matches when it matches every part given. What was searched
 * for is personal data: it is never written to a log or the audit trail.
 *
 * @param name         at least two characters of a given, family or preferred name (or "given family")
 * @param nhsNumber    ten digits as typed, spaces allowed
 * @param dateOfBirth  the exact date of birth
 * @param recordNumber the internal record number shown on the person's page
 */
public record PersonSearch(String name, String nhsNumber, LocalDate dateOfBirth, Long recordNumber) {

    /** Whether nothing is searched by. */
    public boolean isEmpty() {
        return name == null && nhsNumber == null && dateOfBirth == null && recordNumber == null;
    }
}
