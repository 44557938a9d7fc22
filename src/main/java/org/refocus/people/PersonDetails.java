package org.refocus.people;

import java.time.LocalDate;

public record PersonDetails(String givenName, String familyName, String preferredName, LocalDate dateOfBirth,
        String nhsNumber, long teamId, Long careCoordinatorId) {
}
