package org.refocus.recovery;

/** The areas of treatment and care preferences; the two crisis areas form the crisis section with its contacts. */
public enum PreferenceArea {
    MEDICATION,
    THERAPIES,
    INVOLVE,
    COMMUNICATION,
    CRISIS_HELPS,
    CRISIS_UNHELPFUL;

    public boolean isCrisis() {
        return this == CRISIS_HELPS || this == CRISIS_UNHELPFUL;
    }
}
