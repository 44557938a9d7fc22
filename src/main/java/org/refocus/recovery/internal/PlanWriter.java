package org.refocus.recovery.internal;

import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.recovery.RecordType;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What every change to a plan item does: update at the caller's version, keep the new version, audit. */
@Component
class PlanWriter {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Revisions revisions;

    PlanWriter(JdbcClient jdbc, AuditTrail audit, Revisions revisions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.revisions = revisions;
    }

    /**
     * Runs {@code set} ("update table set a = ?, b = ?") on one row at the version the caller saw, or
     * fails with {@link ConflictException}: nothing is silently overwritten.
     */
    void update(String set, RecordType type, long id, int version, Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = AuthenticatedActor.currentAccountId();
        params[values.length + 1] = id;
        params[values.length + 2] = version;
        int rows = jdbc.sql(set + ", updated_at = now(), updated_by = ?, version = version + 1 "
                + "where id = ? and version = ?").params(params).update();
        if (rows != 1) {
            throw new ConflictException(type.code());
        }
    }

    /** Keeps the item's new version in its history and audits the change, in the caller's transaction. */
    void saved(RecordType type, long id, Subject subject, String change, String detail) {
        revisions.record(type, id, subject, change);
        audit.record("CREATED".equals(change) ? AuditAction.CREATED : AuditAction.CHANGED, type.code(), id,
                subject.personId(), "REMOVED".equals(change) ? "removed" : detail);
    }

    /** Keeps a version without auditing (for rows changed as a side effect of an audited change). */
    void versioned(RecordType type, long id, Subject subject) {
        revisions.record(type, id, subject, "CHANGED");
    }
}
