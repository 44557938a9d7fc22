package org.refocus.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Contacts with the person and the working practices each used. Staff record them; the person sees
 * them. Team participation and fidelity are computed from these records.
 */
public interface Contacts {

    long record(long personId, ContactDetails contact);

    void change(long contactId, ContactDetails contact, int version);

    /** {@code staffIds}: staff of the person's team who were there. */
    record ContactDetails(LocalDate contactOn, ContactKind kind, Integer durationMinutes, boolean withThePerson,
            List<Long> staffIds, String othersPresent, Set<Practice> practices, String notes) {
    }
}
