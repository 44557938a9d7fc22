package org.refocus.measures.instrument;

import java.util.Objects;

/**
 * One question. {@code key} is stable across versions of the wording and is what answers are stored
 * against; {@code label} is a short neutral label (for example "Support item 3 (Connectedness)"), not
 * the owner's wording.
 *
 * @param scored        whether the item's answer enters a score (a "does this matter to you" filter does not)
 * @param reverseScored whether the scored value is {@code minimum + maximum - answer}
 * @param gate          for an item that is only rated when another answer says so, that condition; else null
 * @param subscaleHint  optional grouping shown to people (for example a CHIME process); may be null
 */
public record Item(String key, int number, String label, ResponseSet responseSet, boolean scored,
                   boolean reverseScored, Gate gate, String subscaleHint) {

    public Item {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(responseSet, "responseSet");
    }

    /** Scored value of a valid answer, after reverse scoring. */
    public int scoredValue(int answer) {
        return reverseScored ? responseSet.minimum() + responseSet.maximum() - answer : answer;
    }

    /**
     * The item is only rated, and only scored, when the answer to {@code itemKey} is {@code includeWhen}
     * (INSPIRE: "does this matter to you?" yes = 1).
     */
    public record Gate(String itemKey, int includeWhen) {
        public Gate {
            Objects.requireNonNull(itemKey, "itemKey");
        }
    }
}
