package org.refocus.programme.internal;

/** Something to do in a project, or a milestone that marks progress. */
public enum TaskKind {
    TASK, MILESTONE
}
