package org.refocus.recovery;

import java.time.Instant;

/**
 * Who wrote an item and who last changed it, and when. {@code …ByThePerson} is true when that was the
 * person whose plan it is, signed in themselves; names are display names (staff) or the person's name.
 */
public record Authorship(String createdBy, boolean createdByThePerson, Instant createdAt, String updatedBy,
        boolean updatedByThePerson, Instant updatedAt) {

    /** When it was written, in the United Kingdom's time zone, for showing. */
    public java.time.ZonedDateTime createdLocal() {
        return createdAt == null ? null : createdAt.atZone(java.time.ZoneId.of("Europe/London"));
    }

    public java.time.ZonedDateTime updatedLocal() {
        return updatedAt == null ? null : updatedAt.atZone(java.time.ZoneId.of("Europe/London"));
    }

    /** True when someone changed the item after it was first written. */
    public boolean changed() {
        return updatedAt != null && createdAt != null && updatedAt.isAfter(createdAt.plusSeconds(1));
    }
}
