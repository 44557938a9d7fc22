package org.refocus.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: implemented by the signed-in principal so that audit needs no knowledge of accounts. */
public interface AuthenticatedActor {
    long accountId();

    String username();

    /** The actor of the current thread's request, or null (start-up, command line, anonymous). */
    static AuthenticatedActor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedActor actor
                ? actor : null;
    }

    /** The account id of the current actor, for created_by / updated_by columns; null when none. */
    static Long currentAccountId() {
        AuthenticatedActor actor = current();
        return actor == null ? null : actor.accountId();
    }
}
