package org.refocus.measures.internal;

import java.math.BigDecimal;

/**
 * One score as stored with a response: a value, or why there is none.
 *
 * @param absence {@link org.refocus.measures.instrument.ScoreValue.Absence} name, or null when there is a value
 * @param reason  the scoring rule's plain-English reason for staff, or null when there is a value
 */
public record StoredScore(String key, BigDecimal value, String absence, String reason, int itemsUsed,
        int itemsMissing, boolean prorated) {

    public boolean present() {
        return value != null;
    }
}
