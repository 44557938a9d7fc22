package org.refocus.identity.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.refocus.identity.PersonSearch;
import org.springframework.validation.Errors;

/**
 * The search, on the account form, for the record a service-user account is for (hazard H-03): a name, an
 * NHS number (spaces allowed), a date of birth in three boxes, a record number, in any combination. Kept
 * as typed, so that the form shows it back.
 */
record PersonSearchForm(String name, String nhsNumber, String bornDay, String bornMonth, String bornYear,
        String recordNumber) {

    static final PersonSearchForm EMPTY = new PersonSearchForm(null, null, null, null, null, null);
    private static final int SHORTEST_NAME = 2;

    boolean isEmpty() {
        return blank(name) && blank(nhsNumber) && blank(bornDay) && blank(bornMonth) && blank(bornYear)
                && blank(recordNumber);
    }

    /**
     * The search, or null after rejecting what it cannot be (the form's fields under {@code path}); not for
     * an empty search, which would list everyone. The NHS
     * number's check digit is checked by whoever searches ({@link org.refocus.identity.LinkablePeople#find}).
     */
    PersonSearch check(Errors errors, String path) {
        String trimmedName = blank(name) ? null : name.trim();
        if (trimmedName != null && trimmedName.length() < SHORTEST_NAME) {
            errors.rejectValue(path + "name", "account.find.name.tooShort");
        }
        String digits = blank(nhsNumber) ? null : nhsNumber.replaceAll("\\s", "");
        LocalDate born = dateOfBirth(errors, path);
        Long record = null;
        if (!blank(recordNumber)) {
            if (recordNumber.trim().matches("\\d{1,18}")) {
                record = Long.valueOf(recordNumber.trim());
            } else {
                errors.rejectValue(path + "recordNumber", "account.find.recordNumber.invalid");
            }
        }
        return errors.hasFieldErrors(path + "*") ? null : new PersonSearch(trimmedName, digits, born, record);
    }

    private LocalDate dateOfBirth(Errors errors, String path) {
        if (blank(bornDay) && blank(bornMonth) && blank(bornYear)) {
            return null;
        }
        String missing = blank(bornDay) ? "bornDay" : blank(bornMonth) ? "bornMonth" : blank(bornYear) ? "bornYear"
                : null;
        if (missing != null) {
            errors.rejectValue(path + missing, "account.find.born.incomplete");
            return null;
        }
        if (!bornYear.trim().matches("\\d{4}")) {
            errors.rejectValue(path + "bornYear", "account.find.born.year");
            return null;
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(bornYear.trim()), number(bornMonth), number(bornDay));
        } catch (DateTimeException | NumberFormatException e) {
            errors.rejectValue(path + "bornDay", "account.find.born.real");
            return null;
        }
        if (!born.isBefore(LocalDate.now(ZoneId.of("Europe/London")))) {
            errors.rejectValue(path + "bornDay", "account.find.born.past");
            return null;
        }
        return born;
    }

    private static int number(String part) {
        String trimmed = part.trim();
        if (!trimmed.matches("\\d{1,2}")) {
            throw new NumberFormatException();
        }
        return Integer.parseInt(trimmed);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
