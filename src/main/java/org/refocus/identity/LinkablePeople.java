package org.refocus.identity;

import java.util.Optional;

/**
 * Provided by the module that owns people's records (identity may not depend on it), so that an
 * administrator linking a service-user account sees who that record belongs to before the link is saved.
 */
public interface LinkablePeople {

    /**
     * The person with this record number, whatever their team; the read is audited against their record
     * in the caller's transaction or a new one. Empty when there is no such record.
     */
    Optional<PersonToLink> identify(long personId);
}
