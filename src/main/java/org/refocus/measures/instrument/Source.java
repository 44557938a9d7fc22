package org.refocus.measures.instrument;

import java.util.Objects;

/** Where a fact in a definition comes from, so a reviewer can check it. */
public record Source(String fact, String reference) {
    public Source {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(reference, "reference");
    }
}
