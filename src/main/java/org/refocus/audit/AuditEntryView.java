package org.refocus.audit;

import java.time.Instant;

/** One line of the audit trail as administrators see it. */
public record AuditEntryView(
        long id,
        Instant at,
        Long actorId,
        String actorUsername,
        AuditAction action,
        AuditOutcome outcome,
        String recordType,
        String recordId,
        Long personId,
        String clientAddress,
        String detail) {
}
