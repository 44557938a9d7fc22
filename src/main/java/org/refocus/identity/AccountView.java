package org.refocus.identity;

import java.util.Set;

/** An account as administrators see it. Never carries the password hash. */
public record AccountView(long id, String username, String displayName, String email, Role role,
        AccountStatus status, Long personId, Set<Long> teamIds, int version) {
}
