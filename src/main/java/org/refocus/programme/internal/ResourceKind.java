package org.refocus.programme.internal;

/** What a library resource is. */
public enum ResourceKind {
    RECOVERY_STORY, LEAFLET, LINK, DOCUMENT
}
