package org.refocus.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Organisations, sites and teams. Every change is audited in the same transaction. Updates take the
 * version the caller last saw and fail with {@link org.refocus.shared.ConflictException} when someone
 * saved in between; unknown ids fail with {@link org.refocus.shared.NotFoundException}. Nothing is
 * deleted: teams are made inactive.
 */
public interface Organisations {

    List<OrganisationView> organisations();

    OrganisationView organisation(long id);

    long createOrganisation(String name, String code);

    void updateOrganisation(long id, String name, String code, int version);

    List<SiteView> sites(long organisationId);

    List<SiteView> allSites();

    SiteView site(long id);

    long createSite(long organisationId, String name);

    void updateSite(long id, String name, int version);

    /** Every team, ordered by organisation, site and team name. */
    List<TeamView> teams();

    TeamView team(long id);

    Map<Long, TeamView> teams(Collection<Long> ids);

    long createTeam(long siteId, String name, String description);

    void updateTeam(long id, String name, String description, boolean active, int version);

    /** Thrown when a name is already used where names must be unique; the message key says which. */
    class DuplicateNameException extends RuntimeException {
        public DuplicateNameException() {
            super("name already used");
        }
    }
}
