package org.refocus.programme.internal;

/** A Partnership Project's stage. */
public enum ProjectStatus {
    PLANNING, RUNNING, COMPLETED
}
