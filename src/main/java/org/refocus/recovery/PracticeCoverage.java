package org.refocus.recovery;

import java.time.LocalDate;
import java.util.List;

/**
 * The people behind a team's working-practice figures: for each active person on the team's caseload,
 * which practices are recorded, by the same definitions as the participation counts. For the team's
 * own staff only; anyone else gets {@link org.refocus.shared.NotFoundException}. One audit entry per
 * listing.
 */
public interface PracticeCoverage {

    List<PersonPractices> forTeam(long teamId, LocalDate recentSince);

    /** One person and whether each practice is recorded for them. */
    record PersonPractices(long personId, String givenName, String familyName, boolean values, boolean strengths,
            boolean activeGoal, boolean recentGoalStriving) {

        public boolean has(CoveragePractice practice) {
            return switch (practice) {
                case VALUES -> values;
                case STRENGTHS -> strengths;
                case ACTIVE_GOAL -> activeGoal;
                case GOAL_STRIVING -> recentGoalStriving;
            };
        }
    }

    /** The four practices a team's caseload coverage is measured on. */
    enum CoveragePractice {
        VALUES,
        STRENGTHS,
        ACTIVE_GOAL,
        GOAL_STRIVING
    }
}
