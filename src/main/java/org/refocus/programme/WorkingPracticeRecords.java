package org.refocus.programme;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Provided by the module that owns values, strengths, goals and contacts, so that participation is
 * computed from records rather than typed in. Implementations must not audit per person: they return
 * counts only.
 */
public interface WorkingPracticeRecords {

    /** Counts for each of the given teams (teams with nobody on the caseload map to zero counts). */
    Map<Long, TeamPracticeCounts> countsFor(Collection<Long> teamIds, LocalDate recentSince);
}
