package org.refocus.people;

/** Whose people a caseload list shows. */
public enum CaseloadScope {
    /** People for whom the signed-in practitioner is the named care coordinator. */
    MINE,
    /** Everyone in the signed-in user's teams. */
    TEAM
}
