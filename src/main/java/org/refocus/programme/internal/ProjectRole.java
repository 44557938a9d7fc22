package org.refocus.programme.internal;

/** A member's role in a Partnership Project; people who use the service can be co-leads. */
public enum ProjectRole {
    CO_LEAD, MEMBER
}
