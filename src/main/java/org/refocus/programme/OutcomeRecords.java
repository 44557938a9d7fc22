package org.refocus.programme;

import java.util.Collection;
import java.util.List;

/**
 * Provided by the module that owns questionnaire responses: team-level means over time for the REFOCUS
 * model view (staff support = INSPIRE, recovery = QPR). Aggregates only, never individual responses.
 */
public interface OutcomeRecords {

    /** Monthly means of one score (e.g. instrument {@code inspire}, score {@code support}) per team, oldest first. */
    List<TeamScore> monthlyMeans(Collection<Long> teamIds, String instrumentCode, String scoreKey);
}
