package org.refocus.recovery;

/** Where a recovery goal stands. Every status other than active carries the person's reason in their words. */
public enum GoalStatus {
    ACTIVE,
    ACHIEVED,
    PAUSED,
    LET_GO
}
