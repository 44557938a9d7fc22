package org.refocus.measures.instrument;

import java.util.Objects;

/**
 * Something wrong with one answer. {@code message} is plain English for staff; {@code kind} lets the
 * web layer choose its own message key. Messages never contain personal data, only item keys and codes.
 * Some kinds say the answer itself is not valid for the instrument ({@link Kind#invalidAnswer()}); the
 * others are valid answers that the instrument's rules leave out of the scores.
 */
public record ItemProblem(String itemKey, Kind kind, Integer value, String message) {

    public enum Kind {
        /** The answers name an item this instrument version does not have. */
        UNKNOWN_ITEM(true),
        /** The answer is not one of the item's response codes. */
        OUT_OF_RANGE(true),
        /** A rating was given for an item the person said does not matter to them; it was not scored. */
        IGNORED_NOT_APPLICABLE(false),
        /**
         * A rating was given, but whether the item matters to the person (its gate) was not answered, so
         * the rating cannot count: only items that matter are scored (INSPIRE).
         */
        GATE_UNANSWERED(false);

        private final boolean invalidAnswer;

        Kind(boolean invalidAnswer) {
            this.invalidAnswer = invalidAnswer;
        }

        /** The answer is not one the instrument accepts (as opposed to a valid answer its rules do not score). */
        public boolean invalidAnswer() {
            return invalidAnswer;
        }
    }

    public ItemProblem {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
