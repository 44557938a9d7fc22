package org.refocus.audit;

/** What was done. Past tense, in the words an auditor would use. */
public enum AuditAction {
    VIEWED,
    LISTED,
    CREATED,
    CHANGED,
    DEACTIVATED,
    REACTIVATED,
    EXPORTED,
    SIGNED_IN,
    SIGN_IN_FAILED,
    SIGNED_OUT,
    PASSWORD_SET,
    INVITED
}
