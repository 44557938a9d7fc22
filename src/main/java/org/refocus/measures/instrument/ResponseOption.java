package org.refocus.measures.instrument;

import java.util.Objects;

/**
 * One answer an item accepts: the numeric code that is stored and scored, and a short neutral label.
 * The label is not the owner's wording unless the instrument is {@link RightsStatus#FREE}; licensed
 * labels come from {@link InstrumentContent}.
 */
public record ResponseOption(int code, String label) {
    public ResponseOption {
        Objects.requireNonNull(label, "label");
    }
}
