package org.refocus.recovery;

/** The five recovery processes (Leamy et al., BJP 2011) a goal can be tagged with. */
public enum Chime {
    CONNECTEDNESS,
    HOPE,
    IDENTITY,
    MEANING,
    EMPOWERMENT
}
