package org.refocus.recovery;

import java.util.List;
import org.refocus.shared.PageOf;

/**
 * Reading a person's recovery plan. Every method checks reach first (a person out of reach is
 * {@link org.refocus.shared.NotFoundException}) and audits the read in the same transaction.
 */
public interface RecoveryPlans {

    /**
     * The plan page: the whole plan plus what others changed since the viewer last looked (for staff,
     * what the person changed; for the person, what staff changed), then records that the viewer has looked.
     */
    RecoveryPlan plan(long personId);

    /** The whole plan, for the API: audited as a read of the plan; does not change "last looked". */
    RecoveryPlan read(long personId);

    /** The whole plan for a page about one part of it; audits a read of {@code type} (and the item, if any). */
    RecoveryPlan section(long personId, RecordType type, Long recordId);

    /** The plan for a copy the person keeps (PDF); audited as an export. */
    RecoveryPlan export(long personId);

    /** The person an item belongs to, once the caller's reach is checked; unknown items are not found. */
    long personOf(RecordType type, long recordId);

    /** Every saved version, newest first, optionally of one item only, with what changed each time. */
    PageOf<RecoveryPlan.Change> history(long personId, RecordType type, Long recordId, int page, int size);

    /** One strengths assessment (an earlier one, or the latest) with its entries. */
    RecoveryPlan.Assessment assessment(long assessmentId);

    /** One domain of a strengths assessment. */
    RecoveryPlan.StrengthEntry strengthEntry(long entryId);

    /** Two of the person's strengths assessments side by side. */
    RecoveryPlan.Comparison compare(long personId, long fromAssessmentId, long toAssessmentId);

    /** The person's contacts, newest first. */
    List<RecoveryPlan.Contact> contacts(long personId);

    RecoveryPlan.Contact contact(long contactId);
}
