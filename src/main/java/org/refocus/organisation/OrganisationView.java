package org.refocus.organisation;

public record OrganisationView(long id, String name, String code, int version) {
}
