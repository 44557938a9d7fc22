package org.refocus.identity;

/** The roles of the product brief. An account has exactly one. */
public enum Role {
    ADMIN,
    TEAM_LEADER,
    PRACTITIONER,
    TRAINER,
    RESEARCHER,
    STATISTICIAN,
    SERVICE_USER;

    /** The Spring Security authority for this role, e.g. {@code ROLE_TEAM_LEADER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isTeamStaff() {
        return this == TEAM_LEADER || this == PRACTITIONER;
    }

    public String messageKey() {
        return "role." + name();
    }
}
