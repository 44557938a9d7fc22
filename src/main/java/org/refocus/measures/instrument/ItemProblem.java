package org.refocus.measures.instrument;

import java.util.Objects;

/**
 * Something wrong with one answer. {@code message} is plain English for staff; {@code kind} lets the
 * web layer choose its own message key. Messages never contain personal data, only item keys and codes.
 */
public record ItemProblem(String itemKey, Kind kind, Integer value, String message) {

    public enum Kind {
        /** The answers name an item this instrument version does not have. */
        UNKNOWN_ITEM,
        /** The answer is not one of the item's response codes. */
        OUT_OF_RANGE,
        /** A rating was given for an item the person said does not matter to them; it was not scored. */
        IGNORED_NOT_APPLICABLE
    }

    public ItemProblem {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
