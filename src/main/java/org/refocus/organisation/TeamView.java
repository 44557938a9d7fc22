package org.refocus.organisation;

public record TeamView(long id, long siteId, String siteName, String organisationName, String name,
        String description, boolean active, int version) {

    /** "Team, Site, Organisation", for pick lists where names alone are ambiguous. */
    public String fullName() {
        return name + ", " + siteName + ", " + organisationName;
    }
}
