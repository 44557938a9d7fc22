package org.refocus.measures.instrument;

import java.util.Objects;

/**
 * What to do when scored items are missing or invalid. Explicit per instrument.
 *
 * <p>The default is {@link Mode#COMPLETE_ITEMS_ONLY}: no score when any of its items is missing. None of
 * the instruments here publishes a prorating rule we could confirm, so {@link Mode#PRORATE} exists
 * for an organisation that chooses it, and is off in every shipped definition.
 *
 * @param maxMissingItems with {@link Mode#PRORATE}, the most items a score may miss and still be given
 */
public record MissingDataPolicy(Mode mode, int maxMissingItems) {

    public enum Mode {
        /** No score when any item it needs is missing or invalid. */
        COMPLETE_ITEMS_ONLY,
        /** A sum is scaled up by items-expected / items-answered, a mean uses the answered items, when at most k are missing. */
        PRORATE
    }

    public static final MissingDataPolicy COMPLETE_ITEMS_ONLY = new MissingDataPolicy(Mode.COMPLETE_ITEMS_ONLY, 0);

    public MissingDataPolicy {
        Objects.requireNonNull(mode, "mode");
        if (maxMissingItems < 0) {
            throw new IllegalArgumentException("maxMissingItems must not be negative");
        }
        if (mode == Mode.COMPLETE_ITEMS_ONLY && maxMissingItems != 0) {
            throw new IllegalArgumentException("maxMissingItems only applies to PRORATE");
        }
    }

    public static MissingDataPolicy prorateWhenAtMost(int maxMissingItems) {
        return new MissingDataPolicy(Mode.PRORATE, maxMissingItems);
    }
}
