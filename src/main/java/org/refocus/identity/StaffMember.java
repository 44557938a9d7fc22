package org.refocus.identity;

/** A member of staff, as shown in pick lists and on team pages. */
public record StaffMember(long accountId, String displayName, Role role) {
}
