package org.refocus.shared;

import java.util.Set;

/**
 * Something another module shows on the person's own page itself, above the links to the parts of
 * their record, because it may be needed at once (the crisis card). {@code roles} are the role names
 * that see it; {@link #view} reads what it shows, with that module's reach check and audit.
 */
public interface PersonPanel {

    Set<String> roles();

    int order();

    /** The Thymeleaf fragment to show ({@code template :: fragment(model)}) for this person. */
    View view(long personId);

    record View(String template, String fragment, Object model) {
    }
}
