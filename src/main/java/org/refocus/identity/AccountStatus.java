package org.refocus.identity;

public enum AccountStatus {
    /** Created by an administrator; the person has not yet set a password. */
    INVITED,
    ACTIVE,
    /** Cannot sign in; sessions ended; kept for the audit trail. */
    DEACTIVATED
}
