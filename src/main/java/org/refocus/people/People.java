package org.refocus.people;

import org.refocus.shared.PageOf;

/**
 * People on caseloads, and who may reach them. Reach: practitioners and team leaders reach the people
 * of the teams they are members of; a service user reaches only their own record; nobody else reaches
 * a clinical record through this API. A person out of reach is reported exactly like one that does not
 * exist ({@link org.refocus.shared.NotFoundException}) and the attempt is audited as denied.
 */
public interface People {

    /** The signed-in user's caseload, searched by name or NHS number, sorted by family then given name. */
    PageOf<PersonSummary> caseload(String search, CaseloadScope scope, int page, int size);

    /** Opens a person's record: checks reach and audits the read in the same transaction. */
    PersonSummary open(long personId);

    /**
     * Checks reach for another module that is about to read or change something of this person's; that
     * module audits its own action. Denials are audited here.
     */
    PersonSummary requireReach(long personId);

    /** Whether the signed-in user may reach this person (no audit; for building links). */
    boolean canReach(long personId);

    // Administration (structure and assignment, not the clinical record).

    PageOf<PersonSummary> administer(String search, Long teamId, int page, int size);

    PersonSummary administerOne(long personId);

    long create(PersonDetails person);

    /** Changes details, team and care coordinator together: all or nothing. */
    void update(long personId, PersonDetails details, int version);

    /** Count of people per care coordinator in a team, for the team page (no names). */
    java.util.Map<Long, Long> caseloadSizes(long teamId);

    long teamSize(long teamId);

    class DuplicateNhsNumberException extends RuntimeException {
        public DuplicateNhsNumberException() {
            super("NHS number already recorded");
        }
    }

    class CoordinatorNotInTeamException extends RuntimeException {
        public CoordinatorNotInTeamException() {
            super("care coordinator is not a member of the team");
        }
    }
}
