package org.refocus.measures;

import java.util.List;

/**
 * The measures module's API for other modules. Every method checks reach through
 * {@link org.refocus.people.People#requireReach(long)} (a person out of reach is
 * {@link org.refocus.shared.NotFoundException}) and audits the read in the caller's transaction.
 */
public interface Measures {

    /**
     * INSPIRE support items that the person said matter to them and rated at or below the poor-support
     * threshold (setting {@code refocus.measures.support-gap-max-rating}, default 1 on the 0–4 scale),
     * from their latest completed full INSPIRE, in item order. Empty when they have none.
     */
    List<SupportGap> supportGaps(long personId);
}
