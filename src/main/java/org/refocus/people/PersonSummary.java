package org.refocus.people;

import java.time.LocalDate;

/** A person as staff and the person themselves see them. */
public record PersonSummary(long id, String givenName, String familyName, String preferredName,
        LocalDate dateOfBirth, String nhsNumber, long teamId, String teamName, Long careCoordinatorId,
        String careCoordinatorName, boolean active, int version) {

    /** The name to greet them by: their preferred name when they have given one. */
    public String knownAs() {
        return preferredName == null || preferredName.isBlank() ? givenName : preferredName;
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** The NHS number in three groups (943 476 5919), as the NHS writes it; null when not recorded. */
    public String nhsNumberForDisplay() {
        return NhsNumber.forDisplay(nhsNumber);
    }
}
