package org.refocus.measures.instrument;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How one reported score is computed from items. A score is a pure function of the answers:
 * aggregate the scored values of its items (sum or mean), optionally rescale linearly, optionally
 * convert through a published table, then round once to {@code decimals} places (half up).
 *
 * @param subscaleKey the subscale whose items make up this score, or null for every scored item
 * @param rescale     linear rescaling of the aggregate (for example a 0–4 mean to 0–100), or null
 * @param conversion  raw integer aggregate to reported value (for example the SWEMWBS Rasch table); empty if none
 * @param minimum     lowest value this score can take, for display and validation
 * @param maximum     highest value this score can take
 * @param thresholds  published interpretation points (cut-offs, meaningful change), as data
 * @param codings     terminology codes for the score (for example SNOMED CT), for interoperability
 */
public record ScoreSpec(String key, String label, String subscaleKey, Aggregation aggregation, Rescale rescale,
                        Map<Integer, BigDecimal> conversion, int decimals, BigDecimal minimum, BigDecimal maximum,
                        List<Threshold> thresholds, List<Coding> codings) {

    public enum Aggregation { SUM, MEAN }

    public ScoreSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        conversion = conversion == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conversion));
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        codings = codings == null ? List.of() : List.copyOf(codings);
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6 for score " + key);
        }
    }

    public boolean hasConversion() {
        return !conversion.isEmpty();
    }

    /**
     * value = toMin + (aggregate − fromMin) × (toMax − toMin) / (fromMax − fromMin). Kept as data so a
     * published formula that we could not confirm can be corrected without a code change.
     */
    public record Rescale(BigDecimal fromMin, BigDecimal fromMax, BigDecimal toMin, BigDecimal toMax) {
        public Rescale {
            Objects.requireNonNull(fromMin, "fromMin");
            Objects.requireNonNull(fromMax, "fromMax");
            Objects.requireNonNull(toMin, "toMin");
            Objects.requireNonNull(toMax, "toMax");
            if (fromMin.compareTo(fromMax) == 0) {
                throw new IllegalArgumentException("rescale range must not be empty");
            }
        }
    }

    /** A published interpretation point, for example Brief INSPIRE-O cut-off 50. */
    public record Threshold(String key, BigDecimal value, String meaning) {
        public Threshold {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    /** A code for this score in a terminology, for example SNOMED CT. */
    public record Coding(String system, String code, String display) {
        public Coding {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(code, "code");
        }
    }
}
