package org.refocus.audit;

public enum AuditOutcome {
    ALLOWED,
    DENIED
}
