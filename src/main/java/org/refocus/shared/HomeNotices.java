package org.refocus.shared;

import java.util.List;

/**
 * A module's notices for the home page of the signed-in member of team staff: what needs them today,
 * for people on their own caseload. A module that reads personal data for them audits the read.
 */
public interface HomeNotices {

    List<HomeNotice> forSignedInStaff();

    /**
     * Notices for the home page of a person who uses the service, about their own record (what is waiting
     * for them), in their words. None unless a module has something for them.
     */
    default List<HomeNotice> forThePerson(long personId) {
        return List.of();
    }
}
