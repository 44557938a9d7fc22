package org.refocus.recovery;

/** The REFOCUS working practices a contact can use; participation and fidelity are computed from these codes. */
public enum Practice {
    VALUES,
    STRENGTHS,
    GOAL_STRIVING,
    COACHING
}
