package org.refocus.measures.instrument;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One computed score: a value, or the reason there is none.
 *
 * @param value        the score, rounded as its {@link ScoreSpec} says; null when absent
 * @param absence      why there is no value; null when present
 * @param reason       plain-English explanation of the absence, for staff; null when present
 * @param itemsUsed    how many items' answers went into the value
 * @param itemsMissing how many items the score needed but did not have (missing or invalid)
 * @param prorated     true when the value was computed under a prorating {@link MissingDataPolicy}
 */
public record ScoreValue(String key, String label, BigDecimal value, Absence absence, String reason,
                         int itemsUsed, int itemsMissing, boolean prorated) {

    /** Machine-readable reasons, so the web layer can use its own message keys. */
    public enum Absence {
        ITEMS_MISSING,
        TOO_MANY_ITEMS_MISSING,
        NO_ITEM_APPLIES,
        NOT_IN_CONVERSION_TABLE
    }

    public ScoreValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        if ((value == null) == (absence == null)) {
            throw new IllegalArgumentException("a score has either a value or a reason for its absence");
        }
        if (absence != null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an absent score needs a reason");
        }
    }

    static ScoreValue present(ScoreSpec spec, BigDecimal value, int used, int missing, boolean prorated) {
        return new ScoreValue(spec.key(), spec.label(), value, null, null, used, missing, prorated);
    }

    static ScoreValue absent(ScoreSpec spec, Absence absence, String reason, int used, int missing) {
        return new ScoreValue(spec.key(), spec.label(), null, absence, reason, used, missing, false);
    }

    public boolean isPresent() {
        return value != null;
    }

    public Optional<BigDecimal> valueIfPresent() {
        return Optional.ofNullable(value);
    }
}
