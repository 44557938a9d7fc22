package org.refocus.identity.web;

import java.util.List;

/**
 * What the administrator chooses a service-user account's record from: the records a search found (at
 * most the first few, and whether more matched), or, before any search, the record already chosen.
 */
record LinkChoices(List<LinkChoice> all, boolean more, boolean searched) {

    /** The records that may be chosen: those of people who have no other account. */
    public List<LinkChoice> choosable() {
        return all.stream().filter(LinkChoice::choosable).toList();
    }

    /** The records found that cannot be chosen, because the person already has another account. */
    public List<LinkChoice> taken() {
        return all.stream().filter(c -> !c.choosable()).toList();
    }
}
