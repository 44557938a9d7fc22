package org.refocus.programme.internal;

/** An entry in a project's budget ledger. Corrections are new entries, never edits. */
public enum BudgetEntryKind {
    ALLOCATION, SPENDING, CORRECTION
}
