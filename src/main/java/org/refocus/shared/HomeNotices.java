package org.refocus.shared;

import java.util.List;

/**
 * A module's notices for the home page of the signed-in member of team staff: what needs them today,
 * for people on their own caseload. A module that reads personal data for them audits the read.
 */
public interface HomeNotices {

    List<HomeNotice> forSignedInStaff();
}
