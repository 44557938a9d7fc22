package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.util.List;
import org.refocus.identity.Role;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.internal.InvalidInputException;
import org.refocus.programme.internal.ProgrammeAccess;
import org.refocus.programme.internal.Sessions;
import org.refocus.programme.internal.Sessions.SessionView;
import org.refocus.programme.internal.TeamProgrammes;
import org.refocus.programme.web.Forms.DeliveryForm;
import org.refocus.programme.web.Forms.ReportForm;
import org.refocus.programme.web.Forms.SessionForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.FormAsTyped;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Planning a session, recording its delivery and attendance, and the trainer's report. */
@Controller
class SessionController {

    static final String VIEW = "programme/session";
    static final String FORM_VIEW = "programme/session-form";
    static final String DELIVERY_VIEW = "programme/delivery-form";
    static final String REPORT_VIEW = "programme/report-form";

    private final Sessions sessions;
    private final TeamProgrammes programmes;
    private final ProgrammeAccess access;
    private final Organisations organisations;
    private final Text text;

    SessionController(Sessions sessions, TeamProgrammes programmes, ProgrammeAccess access,
            Organisations organisations, Text text) {
        this.sessions = sessions;
        this.programmes = programmes;
        this.access = access;
        this.organisations = organisations;
        this.text = text;
    }

    @GetMapping("/programme/teams/{id}/sessions/new")
    String newSession(@PathVariable long id, @RequestParam(required = false) Long activity, Model model) {
        access.requireFacilitator(id);
        programmes.active(id).orElseThrow(() -> new NotFoundException("team programme"));
        model.addAttribute("sessionForm", new SessionForm(activity, "", programmes.today(), "", 0));
        return form(id, null, model);
    }

    @PostMapping("/programme/teams/{id}/sessions")
    String plan(@PathVariable long id, @Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        access.requireFacilitator(id);
        programmes.active(id).orElseThrow(() -> new NotFoundException("team programme"));
        if (!result.hasErrors()) {
            try {
                long session = sessions.plan(id, form.activityId(), form.title(), form.plannedOn(), form.location());
                redirect.addFlashAttribute("flash", "session.planned");
                return "redirect:/programme/sessions/" + session;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), Text.args(e), null);
            }
        }
        return form(id, null, model);
    }

    @GetMapping("/programme/sessions/{id}")
    String session(@PathVariable long id, Model model) {
        SessionView session = sessions.session(id);
        model.addAttribute("programmeSession", session);
        model.addAttribute("team", organisations.team(session.teamId()));
        model.addAttribute("attendees", sessions.attendees(id));
        model.addAttribute("reportBy", session.reportBy() == null ? null
                : sessions.people(List.of(session.reportBy())).get(session.reportBy()));
        model.addAttribute("canFacilitate", access.can(session.teamId(), Role.TEAM_LEADER, Role.TRAINER));
        model.addAttribute("canReport", access.can(session.teamId(), Role.TRAINER));
        model.addAttribute("programmeEndedOn",
                session.programmeEnded() ? Text.day(session.programmeEndedOn()) : null);
        model.addAttribute("crumbs", crumbs(organisations.team(session.teamId())));
        return VIEW;
    }

    @GetMapping("/programme/sessions/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        SessionView session = sessions.session(id);
        access.requireFacilitator(session.teamId());
        if (session.programmeEnded()) {
            return "redirect:/programme/sessions/" + id;
        }
        model.addAttribute("sessionForm", new SessionForm(session.activityId(), session.title(), session.plannedOn(),
                session.location(), session.version()));
        return form(session.teamId(), session, model);
    }

    @PostMapping("/programme/sessions/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        SessionView session = sessions.session(id);
        access.requireFacilitator(session.teamId());
        if (!result.hasErrors()) {
            try {
                sessions.updatePlan(id, form.activityId(), form.title(), form.plannedOn(), form.location(),
                        form.version());
                redirect.addFlashAttribute("flash", "session.saved");
                return "redirect:/programme/sessions/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), Text.args(e), null);
            } catch (ConflictException e) {
                session = NewerVersion.show(result, "session.conflict", sessions.session(id), model);
            }
        }
        return form(session.teamId(), session, model);
    }

    @PostMapping("/programme/sessions/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        SessionView session = sessions.session(id);
        access.requireFacilitator(session.teamId());
        sessions.cancel(id, version == null ? -1 : version);
        redirect.addFlashAttribute("flash", "session.cancelled");
        return "redirect:/programme/sessions/" + id;
    }

    @GetMapping("/programme/sessions/{id}/delivery")
    String deliveryForm(@PathVariable long id, Model model) {
        SessionView session = sessions.session(id);
        access.requireFacilitator(session.teamId());
        List<Long> attended = sessions.attendees(id).stream().map(StaffMember::accountId).toList();
        model.addAttribute("deliveryForm", new DeliveryForm(session.deliveredOn() == null ? programmes.today()
                : session.deliveredOn(), attended, session.serviceUserAttendees(), session.materials(), session.version()));
        return delivery(session, model);
    }

    @PostMapping("/programme/sessions/{id}/delivery")
    String recordDelivery(@PathVariable long id, @Valid @ModelAttribute("deliveryForm") DeliveryForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SessionView session = sessions.session(id);
        access.requireFacilitator(session.teamId());
        if (!result.hasErrors()) {
            try {
                sessions.recordDelivery(id, form.deliveredOn(), TeamProgrammeController.ids(form.attended()),
                        form.serviceUserAttendees(), form.materials(), form.version());
                redirect.addFlashAttribute("flash", "session.delivered");
                return "redirect:/programme/sessions/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), Text.args(e), null);
            } catch (ConflictException e) {
                session = NewerVersion.show(result, "session.conflict", sessions.session(id), model);
            }
        }
        FormAsTyped.keep(model, "deliveryForm", form, result);
        return delivery(session, model);
    }

    @GetMapping("/programme/sessions/{id}/report")
    String reportForm(@PathVariable long id, Model model) {
        SessionView session = sessions.session(id);
        access.requireTrainer(session.teamId());
        model.addAttribute("reportForm", new ReportForm(session.report(), session.ratingEngagement(),
                session.ratingAimsMet(), session.ratingReadiness(), session.version()));
        return report(session, model);
    }

    @PostMapping("/programme/sessions/{id}/report")
    String writeReport(@PathVariable long id, @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SessionView session = sessions.session(id);
        access.requireTrainer(session.teamId());
        if (!result.hasErrors()) {
            try {
                sessions.writeReport(id, new Sessions.Report(form.report(), form.engagement(), form.aimsMet(),
                        form.readiness()), form.version());
                redirect.addFlashAttribute("flash", "session.reportSaved");
                return "redirect:/programme/sessions/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), Text.args(e), null);
            } catch (ConflictException e) {
                session = NewerVersion.show(result, "session.conflict", sessions.session(id), model);
            }
        }
        return report(session, model);
    }

    private String form(long teamId, SessionView session, Model model) {
        TeamView team = organisations.team(teamId);
        List<Option> activities = new java.util.ArrayList<>();
        activities.add(text.none());
        activities.addAll(Option.of(sessions.sessionActivities(teamId), a -> a.id(),
                a -> text.get("session.activity.option", a.title(), a.month())));
        model.addAttribute("team", team);
        model.addAttribute("programmeSession", session);
        model.addAttribute("activityOptions", activities);
        model.addAttribute("crumbs", crumbs(team));
        return FORM_VIEW;
    }

    private String delivery(SessionView session, Model model) {
        TeamView team = organisations.team(session.teamId());
        model.addAttribute("programmeSession", session);
        model.addAttribute("team", team);
        model.addAttribute("staffOptions", Option.of(programmes.teamStaff(session.teamId()), StaffMember::accountId,
                s -> s.displayName() + " (" + text.get("role." + s.role()) + ")"));
        model.addAttribute("crumbs", crumbs(team, session));
        return DELIVERY_VIEW;
    }

    private String report(SessionView session, Model model) {
        TeamView team = organisations.team(session.teamId());
        model.addAttribute("programmeSession", session);
        model.addAttribute("team", team);
        List<Option> scale = java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new Option(Integer.toString(i), text.get("session.rating." + i))).toList();
        model.addAttribute("ratingOptions", scale);
        model.addAttribute("crumbs", crumbs(team, session));
        return REPORT_VIEW;
    }

    private List<Crumb> crumbs(TeamView team) {
        return List.of(new Crumb(text.get("nav.home"), "/"), new Crumb(text.get("programme.index.title"), "/programme"),
                new Crumb(team.name(), "/programme/teams/" + team.id()));
    }

    private List<Crumb> crumbs(TeamView team, SessionView session) {
        List<Crumb> crumbs = new java.util.ArrayList<>(crumbs(team));
        crumbs.add(new Crumb(session.title(), "/programme/sessions/" + session.id()));
        return crumbs;
    }
}
