package org.refocus.shared;

import java.util.Set;

/**
 * One entry in the header navigation, contributed by a module as a bean. {@code href} may contain
 * {@code {personId}}, replaced with the signed-in service user's own record id (entries with it are
 * skipped for anyone without one). {@code roles} are role names such as {@code "TEAM_LEADER"}.
 */
public record NavigationEntry(String messageKey, String href, Set<String> roles, int order) {
}
