package org.refocus.programme.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.organisation.OrganisationView;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.internal.Figure;
import org.refocus.programme.internal.ModelService;
import org.refocus.programme.internal.ParticipationCalculator.FigureStatus;
import org.refocus.programme.internal.ParticipationCalculator.FigureValue;
import org.refocus.programme.internal.ParticipationCalculator.Level;
import org.refocus.programme.internal.ParticipationService;
import org.refocus.programme.internal.ParticipationService.TeamRow;
import org.refocus.programme.internal.ParticipationSettings;
import org.refocus.programme.internal.PartnershipProjects;
import org.refocus.programme.internal.ProgrammeAccess;
import org.refocus.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Participation of a team (each figure with its numerator and denominator and a link to the records
 * behind it), the records behind the training figure, and the REFOCUS model view for a team and for the
 * teams of an organisation the caller may see. Researchers and statisticians see the figures but no
 * links to named records.
 */
@Controller
class ParticipationController {

    static final String VIEW = "programme/participation";
    static final String TRAINING_VIEW = "programme/training";
    static final String MODEL_VIEW = "programme/model";

    private final ParticipationService participation;
    private final ModelService modelService;
    private final ProgrammeAccess access;
    private final Organisations organisations;
    private final PartnershipProjects projects;
    private final AuditTrail audit;
    private final Text text;

    ParticipationController(ParticipationService participation, ModelService modelService, ProgrammeAccess access,
            Organisations organisations, PartnershipProjects projects, AuditTrail audit, Text text) {
        this.participation = participation;
        this.modelService = modelService;
        this.access = access;
        this.organisations = organisations;
        this.projects = projects;
        this.audit = audit;
        this.text = text;
    }

    /** A figure as shown: resolved label, numbers, share as a percentage, and where its records are. */
    record FigureRow(String key, String label, String description, int numerator, int denominator, String share,
            String weight, boolean inIndex, String status, String href, boolean available) {
    }

    record ComparisonRow(TeamView team, String start, String index, String level, String levelColour,
            List<String> shares) {
    }

    @GetMapping("/programme/teams/{id}/participation")
    String team(@PathVariable long id, Model model) {
        TeamRow row = participation.forTeam(id);
        boolean named = !access.seesEveryTeamsFigures();
        // The records behind the project figure: the project itself when there is one, else the team's list.
        var teamProjects = named ? projects.forTeam(id) : List.<PartnershipProjects.ProjectSummary>of();
        Long projectId = teamProjects.size() == 1 ? teamProjects.get(0).id() : null;
        List<FigureRow> figures = new ArrayList<>();
        for (FigureValue f : row.participation().figures()) {
            boolean caseloadLink = !f.figure().fromCaseload() || access.user().role().isTeamStaff();
            figures.add(figureRow(f, named && caseloadLink
                    ? href(f.figure(), id, projectId, participation.settings().goalStrivingMonths()) : null));
        }
        model.addAttribute("team", row.team());
        model.addAttribute("row", row);
        model.addAttribute("figures", figures);
        model.addAttribute("index", percent(row.participation().index()));
        model.addAttribute("level", text.get("participation.level." + row.participation().level()));
        model.addAttribute("levelColour", levelColour(row.participation().level()));
        model.addAttribute("settings", settingsSentence(participation.settings()));
        model.addAttribute("practiceAvailable", participation.practiceAvailable());
        model.addAttribute("programmeEndedOn", row.programme() == null || row.programme().endedOn() == null ? null
                : Text.day(row.programme().endedOn()));
        model.addAttribute("crumbs", crumbs(row.team()));
        return VIEW;
    }

    @GetMapping("/programme/teams/{id}/training")
    String training(@PathVariable long id, Model model) {
        model.addAttribute("records", participation.trainingRecords(id));
        model.addAttribute("sessionsNeeded", participation.settings().trainedAfterSessions());
        TeamView team = organisations.team(id);
        model.addAttribute("team", team);
        List<Crumb> crumbs = new ArrayList<>(crumbs(team));
        crumbs.add(new Crumb(text.get("participation.title"), "/programme/teams/" + id + "/participation"));
        model.addAttribute("crumbs", crumbs);
        return TRAINING_VIEW;
    }

    @GetMapping("/programme/teams/{id}/model")
    @Transactional
    String teamModel(@PathVariable long id, Model model) {
        access.requireParticipation(id);
        TeamView team = organisations.team(id);
        List<TeamRow> rows = participation.table(List.of(team));
        model.addAttribute("pageTitle", text.get("model.team.title", team.name()));
        model.addAttribute("caption", team.name());
        model.addAttribute("model", modelService.model(List.of(team), rows));
        model.addAttribute("comparison", null);
        model.addAttribute("figureLabels", List.of());
        model.addAttribute("crumbs", crumbs(team));
        audit.record(AuditAction.VIEWED, "participation", id, null, "model view");
        return MODEL_VIEW;
    }

    @GetMapping("/programme/organisations/{id}")
    @Transactional
    String organisation(@PathVariable long id, Model model) {
        OrganisationView organisation = organisations.organisation(id);
        List<TeamView> teams = access.participationTeams().stream()
                .filter(t -> t.organisationName().equals(organisation.name())).toList();
        if (teams.isEmpty()) {
            audit.recordDenied(AuditAction.VIEWED, "participation", "organisation " + id, null);
            throw new NotFoundException("organisation");
        }
        List<TeamRow> rows = participation.table(teams);
        List<ComparisonRow> comparison = new ArrayList<>();
        for (TeamRow row : rows) {
            List<String> shares = row.participation().figures().stream()
                    .map(f -> f.share() == null ? text.get("participation.share.none") : percent(f.share())).toList();
            comparison.add(new ComparisonRow(row.team(),
                    row.programme() == null ? text.get("participation.noProgramme") : started(row.programme()),
                    percent(row.participation().index()), text.get("participation.level." + row.participation().level()),
                    levelColour(row.participation().level()), shares));
        }
        model.addAttribute("pageTitle", text.get("model.organisation.title", organisation.name()));
        model.addAttribute("caption", organisation.name());
        model.addAttribute("model", modelService.model(teams, rows));
        model.addAttribute("comparison", comparison);
        model.addAttribute("figureLabels", java.util.Arrays.stream(Figure.values())
                .map(f -> text.get("figure.short." + f)).toList());
        model.addAttribute("settings", settingsSentence(participation.settings()));
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("programme.index.title"), "/programme")));
        audit.record(AuditAction.VIEWED, "participation", "organisation " + id, null, "teams=" + teams.size());
        return MODEL_VIEW;
    }

    private String started(ParticipationService.ProgrammeInfo programme) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        return programme.endedOn() == null ? programme.startDate().format(day)
                : text.get("participation.startedAndEnded", programme.startDate().format(day),
                        programme.endedOn().format(day));
    }

    private FigureRow figureRow(FigureValue f, String href) {
        String status = switch (f.status()) {
            case COUNTED -> text.get("participation.status.COUNTED");
            case OVERDUE -> text.get("participation.status.OVERDUE");
            case NOTHING_TO_COUNT -> text.get("participation.status.NOTHING_TO_COUNT." + f.figure());
            case NOT_AVAILABLE_YET -> text.get("participation.status.NOT_AVAILABLE_YET");
        };
        return new FigureRow(f.figure().jsonName(), text.get("figure." + f.figure()),
                text.get("figure." + f.figure() + ".description", participation.settings().goalStrivingMonths(),
                        participation.settings().trainedAfterSessions()),
                f.numerator(), f.denominator(),
                f.share() == null ? text.get("participation.share.none") : percent(f.share()),
                String.format(Locale.UK, "%.1f", f.weight()).replace(".0", ""), f.inIndex(), status,
                f.status() == FigureStatus.NOT_AVAILABLE_YET ? null : href,
                f.status() != FigureStatus.NOT_AVAILABLE_YET);
    }

    private static String href(Figure figure, long teamId, Long projectId, int goalStrivingMonths) {
        return switch (figure) {
            case TRAINING -> "/programme/teams/" + teamId + "/training";
            case SESSIONS -> "/programme/teams/" + teamId;
            case PROJECT -> projectId == null ? "/programme/teams/" + teamId + "#projects" : "/projects/" + projectId;
            // The person-level records are the recovery module's: its coverage list shows who is missing each one.
            case VALUES, STRENGTHS, ACTIVE_GOAL, GOAL_STRIVING -> "/teams/" + teamId + "/working-practices?missing="
                    + figure.name() + "&months=" + goalStrivingMonths;
        };
    }

    private String settingsSentence(ParticipationSettings s) {
        List<String> weights = new ArrayList<>();
        for (Figure f : Figure.values()) {
            weights.add(text.get("figure.short." + f) + " " + String.format(Locale.UK, "%.1f", s.weight(f)).replace(".0", ""));
        }
        return text.get("participation.settings", percent(s.highThreshold()), String.join(", ", weights),
                s.goalStrivingMonths(), s.trainedAfterSessions());
    }

    static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }

    static String levelColour(Level level) {
        return switch (level) {
            case HIGH -> "green";
            case LOW -> "orange";
            case NOT_AVAILABLE -> "grey";
        };
    }

    private List<Crumb> crumbs(TeamView team) {
        List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("programme.index.title"), "/programme")));
        if (!access.seesEveryTeamsFigures()) {
            crumbs.add(new Crumb(team.name(), "/programme/teams/" + team.id()));
        }
        return crumbs;
    }
}
