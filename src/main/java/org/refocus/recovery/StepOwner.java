package org.refocus.recovery;

/** Who takes an action step: the person, a named member of staff, or someone else (named in words). */
public enum StepOwner {
    PERSON,
    STAFF,
    SOMEONE_ELSE
}
