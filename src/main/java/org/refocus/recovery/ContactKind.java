package org.refocus.recovery;

/** How a contact with the person happened. */
public enum ContactKind {
    FACE_TO_FACE,
    HOME_VISIT,
    PHONE,
    VIDEO,
    GROUP,
    OTHER
}
