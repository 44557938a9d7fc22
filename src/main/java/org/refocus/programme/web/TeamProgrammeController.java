package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.internal.InvalidInputException;
import org.refocus.programme.internal.PartnershipProjects;
import org.refocus.programme.internal.ProgrammeAccess;
import org.refocus.programme.internal.ProgrammeTemplates;
import org.refocus.programme.internal.Sessions;
import org.refocus.programme.internal.TeamProgrammes;
import org.refocus.programme.internal.TeamProgrammes.ProgrammeView;
import org.refocus.programme.internal.Timeline;
import org.refocus.programme.web.Forms.ProgrammeForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NewerVersion;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme landing page, a team's programme and timeline, and starting or changing it. The team page
 * shows the team's current programme: the running one, or else the one it ended last, frozen.
 */
@Controller
class TeamProgrammeController {

    static final String INDEX_VIEW = "programme/index";
    static final String TEAM_VIEW = "programme/team";
    static final String FORM_VIEW = "programme/programme-form";

    private final ProgrammeAccess access;
    private final Organisations organisations;
    private final TeamProgrammes programmes;
    private final ProgrammeTemplates templates;
    private final Sessions sessions;
    private final PartnershipProjects projects;
    private final Text text;

    TeamProgrammeController(ProgrammeAccess access, Organisations organisations, TeamProgrammes programmes,
            ProgrammeTemplates templates, Sessions sessions, PartnershipProjects projects, Text text) {
        this.access = access;
        this.organisations = organisations;
        this.programmes = programmes;
        this.templates = templates;
        this.sessions = sessions;
        this.projects = projects;
        this.text = text;
    }

    record OrganisationLink(long id, String name) {
    }

    record ActivityRow(String title, String component, String kind, int month, LocalDate dueBy, int delivered,
            int target, String status, String colour, boolean session) {
    }

    @GetMapping("/programme")
    String index(Model model) {
        List<TeamView> teams = access.participationTeams();
        List<OrganisationLink> organisationLinks = new ArrayList<>();
        for (var organisation : organisations.organisations()) {
            if (teams.stream().anyMatch(t -> t.organisationName().equals(organisation.name()))) {
                organisationLinks.add(new OrganisationLink(organisation.id(), organisation.name()));
            }
        }
        model.addAttribute("teams", access.seesEveryTeamsFigures() ? List.of() : teams);
        model.addAttribute("organisations", organisationLinks);
        model.addAttribute("researcher", access.seesEveryTeamsFigures());
        return INDEX_VIEW;
    }

    @GetMapping("/programme/teams/{id}")
    String team(@PathVariable long id, Model model) {
        Optional<ProgrammeView> programme = programmes.current(id);
        boolean running = programme.isPresent() && !programme.get().ended();
        TeamView team = organisations.team(id);
        model.addAttribute("team", team);
        model.addAttribute("programme", programme.orElse(null));
        model.addAttribute("canLead", access.can(id, Role.TEAM_LEADER));
        model.addAttribute("canStart", access.can(id, Role.TEAM_LEADER) && !running);
        model.addAttribute("canChange", access.can(id, Role.TEAM_LEADER) && running);
        model.addAttribute("canEnd", access.can(id, Role.TEAM_LEADER) && running
                && programme.get().startedBy(programmes.today()));
        model.addAttribute("canFacilitate", access.can(id, Role.TEAM_LEADER, Role.TRAINER) && running);
        model.addAttribute("projects", projects.forTeam(id));
        if (programme.isPresent()) {
            List<ActivityRow> rows = new ArrayList<>();
            for (Timeline.Progress p : programmes.timeline(programme.get())) {
                rows.add(new ActivityRow(p.activity().title(),
                        text.get("component." + p.activity().component()), text.get("kind." + p.activity().kind()),
                        p.activity().month(), p.dueBy(), p.delivered(), p.activity().target(),
                        text.get("timeline.status." + p.status()), colour(p.status()), p.activity().kind().session()));
            }
            model.addAttribute("timeline", rows);
            model.addAttribute("sessions", sessions.forTeam(id));
            model.addAttribute("endedOn", programme.get().ended() ? Text.day(programme.get().endedOn()) : null);
        }
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("programme.index.title"), "/programme")));
        return TEAM_VIEW;
    }

    @GetMapping("/programme/teams/{id}/start")
    String startForm(@PathVariable long id, Model model) {
        access.requireLeader(id);
        Optional<ProgrammeView> current = programmes.current(id);
        if (current.isPresent() && !current.get().ended()) {
            return "redirect:/programme/teams/" + id;
        }
        // A new programme starts after the last one ended.
        LocalDate start = current.map(p -> p.endedOn().plusDays(1)).filter(d -> d.isAfter(programmes.today()))
                .orElse(programmes.today());
        model.addAttribute("programmeForm", new ProgrammeForm(null, start, List.of(), 0));
        return form(id, null, model);
    }

    @PostMapping("/programme/teams/{id}/start")
    String start(@PathVariable long id, @Valid @ModelAttribute("programmeForm") ProgrammeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        access.requireLeader(id);
        if (form.templateId() == null) {
            result.rejectValue("templateId", "programme.template.required");
        }
        if (!result.hasErrors()) {
            try {
                programmes.start(id, form.templateId(), form.startDate(), ids(form.facilitatorIds()));
                redirect.addFlashAttribute("flash", "programme.started");
                return "redirect:/programme/teams/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), Text.args(e), null);
            } catch (ConflictException e) {
                // Someone else started one first: the form becomes the one for theirs, keeping these choices.
                ProgrammeView theirs = programmes.active(id).orElse(null);
                if (theirs == null) {
                    return "redirect:/programme/teams/" + id;
                }
                return form(id, NewerVersion.show(result, "programme.start.conflict", theirs, model), model);
            }
        }
        return form(id, null, model);
    }

    @GetMapping("/programme/teams/{id}/details")
    String detailsForm(@PathVariable long id, Model model) {
        access.requireLeader(id);
        ProgrammeView programme = programmes.active(id).orElseThrow(() -> new NotFoundException("team programme"));
        model.addAttribute("programmeForm", new ProgrammeForm(programme.templateId(), programme.startDate(),
                programme.facilitators().stream().map(f -> f.accountId()).toList(), programme.version()));
        return form(id, programme, model);
    }

    @PostMapping("/programme/teams/{id}/details")
    String details(@PathVariable long id, @Valid @ModelAttribute("programmeForm") ProgrammeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        access.requireLeader(id);
        ProgrammeView programme = programmes.active(id).orElse(null);
        if (programme == null) {
            // Ended by someone else after this form was opened (or never started): nothing to change.
            programmes.current(id).orElseThrow(() -> new NotFoundException("team programme"));
            redirect.addFlashAttribute("problem", "programme.details.endedMeanwhile");
            return "redirect:/programme/teams/" + id;
        }
        if (!result.hasErrors()) {
            try {
                programmes.updateDetails(id, form.startDate(), ids(form.facilitatorIds()), form.version());
                redirect.addFlashAttribute("flash", "programme.saved");
                return "redirect:/programme/teams/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), Text.args(e), null);
            } catch (ConflictException e) {
                ProgrammeView now = programmes.active(id).orElse(null);
                if (now == null) {
                    redirect.addFlashAttribute("problem", "programme.details.endedMeanwhile");
                    return "redirect:/programme/teams/" + id;
                }
                programme = NewerVersion.show(result, "conflict.newer", now, model);
            }
        }
        return form(id, programme, model);
    }

    private String form(long teamId, ProgrammeView programme, Model model) {
        TeamView team = organisations.team(teamId);
        model.addAttribute("team", team);
        model.addAttribute("programme", programme);
        model.addAttribute("templateOptions", Option.of(templates.forTeam(teamId), ProgrammeTemplates.TemplateSummary::id,
                t -> text.get("programme.template.option", t.name(), t.durationMonths())));
        model.addAttribute("trainerOptions", Option.of(programmes.trainersOf(teamId), s -> s.accountId(),
                s -> s.displayName()));
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("programme.index.title"), "/programme"),
                new Crumb(team.name(), "/programme/teams/" + teamId)));
        return FORM_VIEW;
    }

    static java.util.Set<Long> ids(List<Long> ids) {
        return ids == null ? java.util.Set.of() : new HashSet<>(ids.stream().filter(java.util.Objects::nonNull).toList());
    }

    static String colour(Timeline.Status status) {
        return switch (status) {
            case DONE -> "green";
            case LATE -> "red";
            case DUE -> "yellow";
            case UPCOMING -> "grey";
            case NOT_DELIVERED -> "orange";
        };
    }

    static boolean isTrainer() {
        return CurrentUser.required().role() == Role.TRAINER;
    }
}
