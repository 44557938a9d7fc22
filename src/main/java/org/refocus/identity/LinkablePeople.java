package org.refocus.identity;

import java.util.List;
import java.util.Optional;

/**
 * Provided by the module that owns people's records (identity may not depend on it), so that an
 * administrator linking a service-user account finds the person by what they know of them, and sees who
 * that record belongs to before the link is saved (hazard H-03).
 */
public interface LinkablePeople {

    /**
     * The person with this record number, whatever their team; the read is audited against their record
     * in the caller's transaction or a new one. Empty when there is no such record.
     */
    Optional<PersonToLink> identify(long personId);

    /**
     * The records, of any team, that match every part of the search, by family then given name: at most
     * {@code limit}, and whether more match. Each record returned is audited as read against that person,
     * as {@link #identify} does; the search itself is audited with which parts were searched by and how
     * many matched, never with what was searched for.
     *
     * @throws InvalidNhsNumberException when the NHS number searched by is not ten digits whose last is
     *                                   the modulus 11 check digit of the others (nothing is searched)
     */
    Found find(PersonSearch search, int limit);

    /** The first records that matched a search, and whether there are more than those. */
    record Found(List<PersonToLink> people, boolean more) {
    }

    class InvalidNhsNumberException extends RuntimeException {
        public InvalidNhsNumberException() {
            super("not a valid NHS number");
        }
    }
}
