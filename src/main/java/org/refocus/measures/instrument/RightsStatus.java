package org.refocus.measures.instrument;

/** What the owner's terms allow us to ship with the code. Structure and scoring are always ours to ship. */
public enum RightsStatus {
    /** Wording may be shipped and shown without permission. */
    FREE,
    /**
     * Free to use under conditions that each deploying organisation must meet itself (unchanged wording,
     * registering with the licensor, telling the developers), so the wording is not shipped: the
     * organisation imports it as content once it has met them.
     */
    FREE_WITH_CONDITIONS,
    /** Wording must come from a content file the deploying organisation supplies under its own licence. */
    LICENSED_CONTENT_REQUIRED
}
