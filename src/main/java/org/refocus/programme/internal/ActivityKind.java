package org.refocus.programme.internal;

/**
 * What counts as delivering a planned activity: a delivered session of that kind (the first five), or a
 * record the team keeps (an agreed recovery statement, a values exercise, a Partnership Project, a
 * resource offered to someone).
 */
public enum ActivityKind {
    COACHING_TRAINING,
    RECOVERY_WORKSHOP,
    REFLECTION_SESSION,
    VALUES_SESSION,
    PRACTICE_TRAINING,
    RECOVERY_STATEMENT,
    VALUES_EXERCISE,
    PARTNERSHIP_PROJECT,
    RESOURCE_OFFERS;

    public boolean session() {
        return ordinal() <= PRACTICE_TRAINING.ordinal();
    }
}
