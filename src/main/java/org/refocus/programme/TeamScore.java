package org.refocus.programme;

import java.time.YearMonth;

/** The mean of one score over a team's completed responses in one calendar month. */
public record TeamScore(long teamId, String instrumentCode, String scoreKey, YearMonth month, double mean,
        int responses) {
}
