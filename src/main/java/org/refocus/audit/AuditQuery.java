package org.refocus.audit;

import java.time.Instant;

/** Filters for browsing the trail; any may be null. {@code to} is exclusive. */
public record AuditQuery(Long personId, String username, AuditAction action, Instant from, Instant to) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null);
    }
}
