package org.refocus.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.refocus.people.PersonDetails;
import org.refocus.people.PersonSummary;
import org.springframework.format.annotation.DateTimeFormat;

/** What an administrator enters about a person and their team and care coordinator. */
record PersonForm(
        @NotBlank(message = "{person.givenName.required}") @Size(max = 100, message = "{field.tooLong}") String givenName,
        @NotBlank(message = "{person.familyName.required}") @Size(max = 100, message = "{field.tooLong}") String familyName,
        @Size(max = 100, message = "{field.tooLong}") String preferredName,
        @Past(message = "{person.dateOfBirth.past}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
        @Size(max = 14, message = "{person.nhsNumber.invalid}") String nhsNumber,
        @NotNull(message = "{person.team.required}") Long teamId,
        Long careCoordinatorId,
        @NotNull(message = "{form.version.missing}") Integer version) {

    static PersonForm empty() {
        return new PersonForm("", "", "", null, "", null, null, 0);
    }

    PersonDetails details() {
        return new PersonDetails(givenName, familyName, preferredName, dateOfBirth, nhsNumber, teamId,
                careCoordinatorId);
    }

    static PersonForm of(PersonSummary p) {
        return new PersonForm(p.givenName(), p.familyName(), p.preferredName(), p.dateOfBirth(), p.nhsNumber(),
                p.teamId(), p.careCoordinatorId(), p.version());
    }
}
