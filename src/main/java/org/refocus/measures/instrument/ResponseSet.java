package org.refocus.measures.instrument;

import java.util.List;
import java.util.Objects;

/** A named list of response options shared by several items, for example a 0–4 agreement scale. */
public record ResponseSet(String id, List<ResponseOption> options) {

    public ResponseSet {
        Objects.requireNonNull(id, "id");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("response set " + id + " has no options");
        }
    }

    /** Whether {@code code} is one of this set's option codes (not merely between minimum and maximum). */
    public boolean accepts(int code) {
        for (ResponseOption option : options) {
            if (option.code() == code) {
                return true;
            }
        }
        return false;
    }

    public int minimum() {
        int min = Integer.MAX_VALUE;
        for (ResponseOption option : options) {
            min = Math.min(min, option.code());
        }
        return min;
    }

    public int maximum() {
        int max = Integer.MIN_VALUE;
        for (ResponseOption option : options) {
            max = Math.max(max, option.code());
        }
        return max;
    }
}
