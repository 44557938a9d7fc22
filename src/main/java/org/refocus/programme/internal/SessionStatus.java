package org.refocus.programme.internal;

/** Where a session is: planned, delivered (with attendance) or cancelled. */
public enum SessionStatus {
    PLANNED, DELIVERED, CANCELLED
}
