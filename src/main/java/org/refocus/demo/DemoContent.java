package org.refocus.demo;

import java.util.List;

/**
 * Lets a module add its own demo records (a recovery plan, questionnaire responses) when the demo data
 * is first created, without the demo module knowing its tables.
 */
public interface DemoContent {

    /** The demo service user's person id, everyone in the coordinator's team, and the coordinator. */
    record DemoPeople(long serviceUserPersonId, List<Long> coordinatorTeamPeople, long coordinatorAccountId) {
    }

    void addTo(DemoPeople people);
}
