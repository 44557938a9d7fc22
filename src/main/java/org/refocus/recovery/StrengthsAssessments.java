package org.refocus.recovery;

import java.time.LocalDate;

/**
 * Strengths assessments across life domains. A reassessment starts a new assessment (copying what the
 * last one said, as the starting point of the conversation), so earlier ones are kept. Staff start
 * assessments and write the agreed summary; the person may change what they want in each domain.
 */
public interface StrengthsAssessments {

    /** Starts an assessment with one entry per active life domain; returns its id. Staff only. */
    long start(long personId, LocalDate assessedOn);

    /** The person themselves changes only {@code wants}; other fields they send are ignored. */
    void changeEntry(long entryId, EntryDetails entry, int version);

    /** Staff only. */
    void changeSummary(long assessmentId, LocalDate assessedOn, String agreedSummary, int version);

    record EntryDetails(String currentStatus, String wants, String personalResources, String socialResources,
            String communityResources) {
    }
}
