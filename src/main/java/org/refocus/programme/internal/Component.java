package org.refocus.programme.internal;

/** The parts of REFOCUS a programme activity belongs to: five relationship parts, three working practices. */
public enum Component {
    COACHING,
    SHARED_UNDERSTANDING,
    STAFF_VALUES,
    PARTNERSHIP_PROJECT,
    RAISING_EXPECTATIONS,
    VALUES_AND_PREFERENCES,
    STRENGTHS,
    GOAL_STRIVING;

    public boolean workingPractice() {
        return this == VALUES_AND_PREFERENCES || this == STRENGTHS || this == GOAL_STRIVING;
    }
}
