package org.refocus.programme.internal;

/** The figures that make up a team's participation, each computed from records, never typed in. */
public enum Figure {
    /** Team staff who attended enough delivered coaching-skills training, of all team staff. */
    TRAINING("trainingAttendance"),
    /** Sessions delivered against the programme's session activities planned up to this month. */
    SESSIONS("sessionsDelivered"),
    /** People on the caseload with values recorded, of the caseload. */
    VALUES("caseloadWithValues"),
    /** People on the caseload with a strengths assessment, of the caseload. */
    STRENGTHS("caseloadWithStrengths"),
    /** People on the caseload with an active recovery goal, of the caseload. */
    ACTIVE_GOAL("caseloadWithActiveGoal"),
    /** People on the caseload with a goal-striving conversation in the last N months, of the caseload. */
    GOAL_STRIVING("caseloadWithRecentGoalStriving"),
    /** Partnership Project milestones completed, of those planned. */
    PROJECT("partnershipProjectProgress");

    private final String jsonName;

    Figure(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean fromCaseload() {
        return this == VALUES || this == STRENGTHS || this == ACTIVE_GOAL || this == GOAL_STRIVING;
    }
}
