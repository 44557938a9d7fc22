package org.refocus.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.refocus.identity.Role;

/**
 * What an administrator enters to invite or change an account. {@code personId} is the record chosen from
 * the results of the search {@code find}; {@code confirmedPersonId} is set only by the "Yes, link this
 * account" button of the confirmation page, after the administrator has seen whose record that is.
 */
record AccountForm(
        @NotBlank(message = "{account.username.required}")
        @Pattern(regexp = "[a-zA-Z0-9._-]{3,40}", message = "{account.username.pattern}") String username,
        @NotBlank(message = "{account.displayName.required}") @Size(max = 120, message = "{field.tooLong}") String displayName,
        @Email(message = "{account.email.invalid}") @Size(max = 200, message = "{field.tooLong}") String email,
        @NotNull(message = "{account.role.required}") Role role,
        Set<Long> teamIds,
        @Positive(message = "{account.personId.invalid}") Long personId,
        Long confirmedPersonId,
        PersonSearchForm find,
        @NotNull(message = "{form.version.missing}") Integer version) {

    AccountForm {
        find = find == null ? PersonSearchForm.EMPTY : find;
    }

    static AccountForm empty() {
        return new AccountForm("", "", "", null, Set.of(), null, null, PersonSearchForm.EMPTY, 0);
    }

    /** Whether the administrator has confirmed linking this account to exactly the record entered. */
    boolean linkConfirmed() {
        return personId != null && personId.equals(confirmedPersonId);
    }

    /** Service users belong to no team as members: their record's team is what links them to staff. */
    Set<Long> teams() {
        return teamIds == null || role == Role.SERVICE_USER ? Set.of() : teamIds;
    }
}
