package org.refocus.programme.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.organisation.OrganisationView;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.internal.ParticipationCalculator.FigureValue;
import org.refocus.programme.internal.ParticipationService;
import org.refocus.programme.internal.ParticipationService.TeamRow;
import org.refocus.programme.internal.PartnershipProjects;
import org.refocus.programme.internal.ProgrammeAccess;
import org.refocus.programme.internal.Sessions;
import org.refocus.programme.internal.TeamProgrammes;
import org.refocus.programme.internal.Timeline;
import org.refocus.shared.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme as JSON, under exactly the rules of the pages: the teams the caller may see, a team's
 * programme and sessions (its staff and trainers), its projects (its staff and trainers; a person who
 * uses the service sees only the projects they belong to), and participation (its staff and trainers,
 * researchers and statisticians; each figure with its numerator and denominator).
 */
@RestController
@RequestMapping("/api/v1")
class ProgrammeApiController {

    private final ProgrammeAccess access;
    private final Organisations organisations;
    private final TeamProgrammes programmes;
    private final Sessions sessions;
    private final PartnershipProjects projects;
    private final ParticipationService participation;
    private final AuditTrail audit;
    private final Text text;

    ProgrammeApiController(ProgrammeAccess access, Organisations organisations, TeamProgrammes programmes,
            Sessions sessions, PartnershipProjects projects, ParticipationService participation, AuditTrail audit,
            Text text) {
        this.access = access;
        this.organisations = organisations;
        this.programmes = programmes;
        this.sessions = sessions;
        this.projects = projects;
        this.participation = participation;
        this.audit = audit;
        this.text = text;
    }

    record TeamJson(long id, String name, String site, String organisation) {
        static TeamJson of(TeamView t) {
            return new TeamJson(t.id(), t.name(), t.siteName(), t.organisationName());
        }
    }

    record PersonJson(long id, String name) {
    }

    record ActivityJson(long id, String component, String kind, String title, int target, String audience, int month,
            LocalDate dueBy, int delivered, String status) {
    }

    /** endDate is the planned last day; endedOn the day the team ended it (null while it runs). */
    record ProgrammeJson(long id, String template, int durationMonths, LocalDate startDate, LocalDate endDate,
            int currentMonth, String status, LocalDate endedOn, List<PersonJson> facilitators,
            List<ActivityJson> activities) {
    }

    record TeamProgrammeJson(long teamId, ProgrammeJson programme) {
    }

    record RatingsJson(Integer engagement, Integer aimsMet, Integer readiness) {
    }

    record SessionJson(long id, long activityId, String kind, String title, LocalDate plannedOn, String status,
            LocalDate deliveredOn, int staffAttended, Integer serviceUserAttendees, boolean reportWritten,
            RatingsJson ratings) {
    }

    record ProjectJson(long id, long teamId, String title, String status, int members, int milestonesDone,
            int milestonesPlanned) {
    }

    record FigureJson(String name, String label, int numerator, int denominator, Double share, double weight,
            boolean inIndex, String status) {
    }

    record ParticipationJson(long teamId, String teamName, LocalDate asOf, LocalDate programmeStart,
            LocalDate programmeEndedOn, Double index,
            String level, double highThreshold, int goalStrivingMonths, int trainedAfterSessions,
            boolean workingPracticeRecordsAvailable, List<FigureJson> figures) {
    }

    record OrganisationParticipationJson(long organisationId, String organisationName, List<ParticipationJson> teams) {
    }

    @GetMapping("/teams")
    @Transactional
    List<TeamJson> teams() {
        CurrentUser user = CurrentUser.required();
        List<TeamView> teams;
        if (user.role() == Role.SERVICE_USER) {
            Set<Long> ids = Set.copyOf(projects.teamsOfMyProjects());
            teams = organisations.teams().stream().filter(t -> ids.contains(t.id())).toList();
        } else {
            teams = access.participationTeams();
        }
        audit.record(AuditAction.LISTED, "team", null, null, "programme api results=" + teams.size());
        return teams.stream().map(TeamJson::of).toList();
    }

    @GetMapping("/teams/{id}/programme")
    TeamProgrammeJson programme(@PathVariable long id) {
        return new TeamProgrammeJson(id, programmes.current(id).map(p -> {
            List<ActivityJson> activities = new ArrayList<>();
            for (Timeline.Progress progress : programmes.timeline(p)) {
                var a = progress.activity();
                activities.add(new ActivityJson(a.id(), a.component().name(), a.kind().name(), a.title(), a.target(),
                        a.audience().name(), a.month(), progress.dueBy(), progress.delivered(),
                        progress.status().name()));
            }
            return new ProgrammeJson(p.id(), p.templateName(), p.durationMonths(), p.startDate(), p.endDate(),
                    p.currentMonth(), p.ended() ? "ENDED" : "ACTIVE", p.endedOn(), p.facilitators().stream().map(f -> new PersonJson(f.accountId(), f.displayName()))
                            .toList(), activities);
        }).orElse(null));
    }

    @GetMapping("/teams/{id}/sessions")
    List<SessionJson> sessions(@PathVariable long id) {
        return sessions.forTeam(id).stream().map(s -> new SessionJson(s.id(), s.activityId(), s.kind().name(),
                s.title(), s.plannedOn(), s.status().name(), s.deliveredOn(), s.staffAttended(),
                s.serviceUserAttendees(), s.hasReport(), s.hasReport()
                        ? new RatingsJson(s.ratingEngagement(), s.ratingAimsMet(), s.ratingReadiness()) : null))
                .toList();
    }

    @GetMapping("/teams/{id}/projects")
    List<ProjectJson> projects(@PathVariable long id) {
        List<PartnershipProjects.ProjectSummary> list = projects.forTeam(id);
        if (CurrentUser.required().role() == Role.SERVICE_USER && list.isEmpty()) {
            throw new NotFoundException("team");
        }
        return list.stream().map(p -> new ProjectJson(p.id(), p.teamId(), p.title(), p.status().name(), p.members(),
                p.milestonesDone(), p.milestonesPlanned())).toList();
    }

    @GetMapping("/teams/{id}/participation")
    ParticipationJson participation(@PathVariable long id) {
        return json(participation.forTeam(id));
    }

    @GetMapping("/organisations/{id}/participation")
    @Transactional
    OrganisationParticipationJson organisationParticipation(@PathVariable long id) {
        OrganisationView organisation = organisations.organisation(id);
        List<TeamView> teams = access.participationTeams().stream()
                .filter(t -> t.organisationName().equals(organisation.name())).toList();
        if (teams.isEmpty()) {
            throw new NotFoundException("organisation");
        }
        audit.record(AuditAction.VIEWED, "participation", "organisation " + id, null, "api teams=" + teams.size());
        return new OrganisationParticipationJson(id, organisation.name(),
                participation.table(teams).stream().map(this::json).toList());
    }

    private ParticipationJson json(TeamRow row) {
        var settings = participation.settings();
        List<FigureJson> figures = new ArrayList<>();
        for (FigureValue f : row.participation().figures()) {
            figures.add(new FigureJson(f.figure().jsonName(), text.get("figure." + f.figure()), f.numerator(),
                    f.denominator(), f.share(), f.weight(), f.inIndex(), f.status().name()));
        }
        return new ParticipationJson(row.team().id(), row.team().name(), programmes.today(),
                row.programme() == null ? null : row.programme().startDate(),
                row.programme() == null ? null : row.programme().endedOn(), row.participation().index(),
                row.participation().level().name(), settings.highThreshold(), settings.goalStrivingMonths(),
                settings.trainedAfterSessions(), participation.practiceAvailable(), figures);
    }

}
