package org.refocus.shared;

import java.util.Set;

/**
 * A part of a person's record that another module provides (recovery plan, measures, contacts),
 * linked from the person's page. {@code href} contains {@code {id}}, replaced by the person's id.
 * {@code roles} are the role names that see the link. If SERVICE_USER is one, the message
 * {@code descriptionKey + ".own"} describes the section to the person themselves ("your").
 */
public record PersonSection(String messageKey, String descriptionKey, String href, Set<String> roles, int order) {
}
