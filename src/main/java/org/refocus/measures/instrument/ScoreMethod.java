package org.refocus.measures.instrument;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How one score of one instrument version is worked out from the answers, so that two versions can be
 * compared: when both versions' methods for a score are equal, a value from one means what a value from
 * the other means, and both can be read on one chart and subtracted for "change since the first time".
 *
 * <p>Left out, because they do not change what a value means: the score's label, published cut-offs,
 * terminology codes, rounding, and the missing-data policy (which decides whether there is a value, not
 * what a value is). Numbers are compared by value, so {@code 60} and {@code 60.0} are the same.
 *
 * @param items each item the score is worked out from, by key
 */
public record ScoreMethod(ScoreSpec.Aggregation aggregation, ScoreSpec.Rescale rescale,
                          Map<Integer, BigDecimal> conversion, BigDecimal minimum, BigDecimal maximum,
                          Map<String, ScoredItem> items) {

    /** What of one item changes the score: reverse scoring, the codes it accepts, and when it counts at all. */
    public record ScoredItem(boolean reverseScored, Set<Integer> codes, Item.Gate gate) {
    }

    /** How {@code definition} works out the score {@code scoreKey}; empty when it has no such score. */
    public static Optional<ScoreMethod> of(InstrumentDefinition definition, String scoreKey) {
        return definition.score(scoreKey).map(spec -> {
            Map<String, ScoredItem> items = new TreeMap<>();
            for (String key : Scoring.itemKeysOf(definition, spec)) {
                definition.item(key).filter(Item::scored).ifPresent(item -> items.put(key,
                        new ScoredItem(item.reverseScored(), codes(item.responseSet()), item.gate())));
            }
            Map<Integer, BigDecimal> conversion = new TreeMap<>();
            spec.conversion().forEach((raw, value) -> conversion.put(raw, plain(value)));
            ScoreSpec.Rescale r = spec.rescale();
            return new ScoreMethod(spec.aggregation(), r == null ? null : new ScoreSpec.Rescale(plain(r.fromMin()),
                    plain(r.fromMax()), plain(r.toMin()), plain(r.toMax())), Collections.unmodifiableMap(conversion), plain(spec.minimum()),
                    plain(spec.maximum()), Collections.unmodifiableMap(items));
        });
    }

    private static Set<Integer> codes(ResponseSet set) {
        Set<Integer> codes = new TreeSet<>();
        set.options().forEach(o -> codes.add(o.code()));
        return codes;
    }

    /** The same number in one spelling, so that equal values are equal records. */
    private static BigDecimal plain(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
