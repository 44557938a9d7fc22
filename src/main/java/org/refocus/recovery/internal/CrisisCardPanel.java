package org.refocus.recovery.internal;

import java.util.Set;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryPlans;
import org.refocus.shared.PersonPanel;
import org.springframework.stereotype.Component;

/**
 * The crisis card (who to contact, and the emergency line) at the top of the person's page, so that
 * whoever opens the person in a crisis sees it without first finding the plan (hazard H-05). Read
 * and audited as the crisis contacts of the plan.
 */
@Component
class CrisisCardPanel implements PersonPanel {

    private final RecoveryPlans plans;

    CrisisCardPanel(RecoveryPlans plans) {
        this.plans = plans;
    }

    @Override
    public Set<String> roles() {
        return Set.of("PRACTITIONER", "TEAM_LEADER", "SERVICE_USER");
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public View view(long personId) {
        return new View("recovery/fragments", "crisisContacts", plans.section(personId, RecordType.CRISIS_CONTACT, null));
    }
}
