package org.refocus.identity;

import java.util.Set;

/** What an administrator supplies to invite someone. {@code personId} only for service users. */
public record NewAccount(String username, String displayName, String email, Role role, Set<Long> teamIds,
        Long personId) {
}
