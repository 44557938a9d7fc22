package org.refocus.measures.instrument;

import java.util.List;
import java.util.Objects;

/** A named group of items, for example QPR-22 "Interpersonal" or an INSPIRE CHIME process. */
public record Subscale(String key, String label, List<String> itemKeys) {
    public Subscale {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        itemKeys = List.copyOf(itemKeys);
    }
}
