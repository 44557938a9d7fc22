package org.refocus.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Hazard H-03: before a service-user account opens anything of the record it is linked to, the person
 * signing in is shown the name and date of birth on that record and says whether it is theirs. Until
 * they do, the account reaches no record ({@link CurrentUser#recordToCheck()}). Each answer is audited
 * against the record.
 */
public interface RecordLinkChecks {

    /**
     * The account holder says the record is theirs; from now on the account reaches it. False when the
     * account is no longer linked to that record, or has said so already.
     */
    boolean confirm(long accountId, long personId);

    /**
     * The account holder says the record is not theirs: the link is removed, and the administrator sees
     * when on the account until a record is linked again. False when the account is no longer linked to it.
     */
    boolean refuse(long accountId, long personId);

    /** When the account holder said the record linked was not theirs, if no record has been linked since. */
    Optional<Instant> refusedAt(long accountId);
}
