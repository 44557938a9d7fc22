package org.refocus.recovery;

/** Whose view an item is: the person's own words, or a note written by staff. */
public enum Voice {
    PERSON,
    STAFF
}
