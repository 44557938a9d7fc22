package org.refocus.demo;

import java.util.List;

/**
 * Lets a module add its own demo records (a recovery plan, questionnaire responses) when the demo data
 * is first created, and to people made by the synthetic generator, without the demo module knowing its
 * tables.
 */
public interface DemoContent {

    /**
     * The demo service user's person id, everyone in the coordinator's team, and the coordinator; and
     * everyone in the demo team leader's team (another team), with that team's practitioner.
     */
    record DemoPeople(long serviceUserPersonId, List<Long> coordinatorTeamPeople, long coordinatorAccountId,
            List<Long> teamLeaderTeamPeople, long teamLeaderTeamPractitionerAccountId) {
    }

    /**
     * People the {@code generate} command has just written: one batch (a few thousand), inside its
     * transaction, with the run's seed so that what a module adds is deterministic too.
     */
    record GeneratedPeople(List<Long> personIds, long seed) {
    }

    void addTo(DemoPeople people);

    /**
     * Adds records for a share of generated people. Called once per batch; it must write in bulk (set-based
     * SQL or COPY), because 100,000 people are generated in well under a minute. Does nothing by default.
     */
    default void addToGenerated(GeneratedPeople people) {
    }
}
