package org.refocus.programme;

/**
 * How much of one team's caseload has each working practice recorded. Every count is of distinct
 * active people on the team's caseload; {@code caseload} is the denominator.
 *
 * @param withRecentGoalStriving people with a contact that used goal-striving or coaching on or after
 *                               the date asked about
 */
public record TeamPracticeCounts(long teamId, int caseload, int withValues, int withStrengths,
        int withActiveGoal, int withRecentGoalStriving) {
}
