package org.refocus.audit;

import java.io.IOException;
import java.io.Writer;
import org.refocus.shared.PageOf;

/** The audit module's API. */
public interface AuditTrail {

    /**
     * Records an allowed action in the caller's transaction, so the entry exists exactly when the
     * action took effect. The actor and client address come from the current request.
     *
     * @param personId the person whose record this concerns, or null for structural records
     * @param detail   a short non-identifying note (field names changed, counts), never personal data
     */
    void record(AuditAction action, String recordType, Object recordId, Long personId, String detail);

    /** Records a denied access in a separate transaction, so it survives the caller's rollback. */
    void recordDenied(AuditAction action, String recordType, Object recordId, Long personId);

    /** Records an event for a named actor when there is no signed-in principal (e.g. failed sign-in). */
    void recordFor(String username, Long actorId, AuditAction action, AuditOutcome outcome, String recordType,
            Object recordId, String detail);

    PageOf<AuditEntryView> find(AuditQuery query, int page, int size);

    /** Writes every matching entry as CSV (RFC 4180), oldest first, streaming from the database. */
    void exportCsv(AuditQuery query, Writer out) throws IOException;
}
