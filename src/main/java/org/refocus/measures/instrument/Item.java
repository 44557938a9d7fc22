package org.refocus.measures.instrument;

import java.util.Map;
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
     * Whether the item applies, given the response's answers: always, unless it has a gate whose question
     * was not answered {@link Gate#includeWhen()} (INSPIRE: the person said the thing does not matter, or
     * did not say). A rating given anyway is kept as given, but it is not scored, and FHIR leaves it out
     * of the QuestionnaireResponse (the Questionnaire's {@code enableWhen} disables the item).
     */
    public boolean appliesGiven(Map<String, Integer> answers) {
        return gate == null || Objects.equals(answers.get(gate.itemKey()), gate.includeWhen());
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
