package org.refocus.programme.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.SiteView;
import org.refocus.organisation.TeamView;
import org.refocus.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a team's programme. URL rules (ProgrammeRoutes) already restrict each route to
 * roles; these are the object-level checks: staff act only for teams they are members of (trainers are
 * members of the teams they are assigned to). A refusal is reported exactly like a team that does not
 * exist (404) and audited as denied.
 *
 * <ul>
 *   <li>see a team's programme, sessions, statement, values exercises and projects: its team leaders,
 *       practitioners and trainers;</li>
 *   <li>start the programme, change its details, end it, manage projects and their members: its team
 *       leaders;</li>
 *   <li>plan sessions and record delivery and attendance: its team leaders and trainers;</li>
 *   <li>write a session's trainer report: its trainers;</li>
 *   <li>see participation: its staff and trainers, and researchers and statisticians (team-level figures
 *       for every team, without the links to named records).</li>
 * </ul>
 */
@Component
public class ProgrammeAccess {

    private final Accounts accounts;
    private final Organisations organisations;
    private final AuditTrail audit;

    ProgrammeAccess(Accounts accounts, Organisations organisations, AuditTrail audit) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.audit = audit;
    }

    public CurrentUser user() {
        return CurrentUser.required();
    }

    public boolean isStaffRole(Role role) {
        return role == Role.TEAM_LEADER || role == Role.PRACTITIONER || role == Role.TRAINER;
    }

    /** Teams the signed-in member of staff or trainer belongs to; empty for everyone else. */
    public Set<Long> myTeams() {
        CurrentUser user = user();
        return isStaffRole(user.role()) ? accounts.teamsOf(user.accountId()) : Set.of();
    }

    /**
     * The organisations of the teams the signed-in member of staff or trainer belongs to, id to name,
     * ordered by name; empty for everyone else. Resources in the library belong to one of these.
     */
    public Map<Long, String> myOrganisations() {
        Set<Long> teams = myTeams();
        Map<Long, String> mine = new LinkedHashMap<>();
        if (teams.isEmpty()) {
            return mine;
        }
        organisations.teams(teams).values().stream().map(TeamView::siteId).distinct().map(organisations::site)
                .sorted(Comparator.comparing(SiteView::organisationName).thenComparing(SiteView::organisationId))
                .forEach(site -> mine.putIfAbsent(site.organisationId(), site.organisationName()));
        return mine;
    }

    /** The organisation a team belongs to (through its site). */
    public long organisationOf(long teamId) {
        return organisations.site(organisations.team(teamId).siteId()).organisationId();
    }

    public boolean isMember(long teamId) {
        return myTeams().contains(teamId);
    }

    /** Researchers and statisticians see team-level participation of every team, and nothing named. */
    public boolean seesEveryTeamsFigures() {
        Role role = user().role();
        return role == Role.RESEARCHER || role == Role.STATISTICIAN;
    }

    public boolean can(long teamId, Role... roles) {
        CurrentUser user = user();
        return List.of(roles).contains(user.role()) && isMember(teamId);
    }

    public void requireStaff(long teamId) {
        require(teamId, Role.TEAM_LEADER, Role.PRACTITIONER, Role.TRAINER);
    }

    public void requireLeader(long teamId) {
        require(teamId, Role.TEAM_LEADER);
    }

    public void requireFacilitator(long teamId) {
        require(teamId, Role.TEAM_LEADER, Role.TRAINER);
    }

    public void requireTrainer(long teamId) {
        require(teamId, Role.TRAINER);
    }

    /** Participation of a team: its staff and trainers, or a researcher or statistician. */
    public void requireParticipation(long teamId) {
        if (seesEveryTeamsFigures()) {
            organisations.team(teamId);
            return;
        }
        requireStaff(teamId);
    }

    /** The teams whose participation the caller may see. */
    public List<TeamView> participationTeams() {
        if (seesEveryTeamsFigures()) {
            return organisations.teams();
        }
        Set<Long> mine = myTeams();
        return organisations.teams().stream().filter(t -> mine.contains(t.id())).toList();
    }

    private void require(long teamId, Role... roles) {
        if (!can(teamId, roles)) {
            audit.recordDenied(AuditAction.VIEWED, "team_programme", teamId, null);
            throw new NotFoundException("team");
        }
    }
}
