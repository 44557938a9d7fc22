package org.refocus.organisation;

public record SiteView(long id, long organisationId, String organisationName, String name, int version) {
}
