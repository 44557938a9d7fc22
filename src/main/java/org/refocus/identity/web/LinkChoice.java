package org.refocus.identity.web;

import org.refocus.identity.AccountView;
import org.refocus.identity.PersonToLink;

/**
 * A record the administrator may link a service-user account to (hazard H-03). One person, one account: a
 * person who already has another account, whatever its status, is shown but cannot be chosen.
 *
 * @param otherAccount the other account linked to this person's record, or null
 */
record LinkChoice(PersonToLink person, AccountView otherAccount) {

    public boolean choosable() {
        return otherAccount == null;
    }
}
