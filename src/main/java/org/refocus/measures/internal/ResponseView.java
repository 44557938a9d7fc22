package org.refocus.measures.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One stored response: raw answers, scores, the instrument version it was answered on (and scored
 * with), who entered it, in what mode, and when.
 *
 * @param mode   SELF, STAFF_ADMINISTERED or IMPORTED
 * @param status IN_PROGRESS, COMPLETED, or ENTERED_IN_ERROR (completed, then found to be a mistake)
 * @param scores by score key, empty while in progress
 * @param enteredInErrorAt     when it was marked entered in error, with {@code enteredInErrorReason}
 */
public record ResponseView(long id, long personId, long teamId, String instrumentCode, long versionId,
        Long scoringVersionId, Long contentId, Long scheduleId, String mode, String status,
        Map<String, Integer> answers, Map<String, StoredScore> scores, Boolean complete, Instant startedAt,
        Instant completedAt, Long enteredBy, Long importJobId, int version, Instant enteredInErrorAt,
        String enteredInErrorReason) {

    /** Every question was offered and the response finished (including one later marked entered in error). */
    public boolean completed() {
        return "COMPLETED".equals(status) || enteredInError();
    }

    /** Marked entered in error: kept, shown as such, counted nowhere. */
    public boolean enteredInError() {
        return "ENTERED_IN_ERROR".equals(status);
    }
}
