package org.refocus.programme.internal;

/** Who an activity is for. */
public enum Audience {
    STAFF, SERVICE_USERS, STAFF_AND_SERVICE_USERS
}
