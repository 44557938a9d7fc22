package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.util.List;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.internal.InvalidInputException;
import org.refocus.programme.internal.ProgrammeAccess;
import org.refocus.programme.internal.TeamProgrammes;
import org.refocus.programme.internal.TeamProgrammes.ProgrammeView;
import org.refocus.programme.web.Forms.EndForm;
import org.refocus.shared.ConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ending a team's programme: the day it ended and an optional note, on a page that says what ending does
 * and asks for it with a warning button. Team leaders of the team. If someone changed the programme in
 * the meantime, the page shows it as it is now and nothing is ended.
 */
@Controller
class ProgrammeEndController {

    static final String VIEW = "programme/end-form";

    private final ProgrammeAccess access;
    private final TeamProgrammes programmes;
    private final Organisations organisations;
    private final Text text;

    ProgrammeEndController(ProgrammeAccess access, TeamProgrammes programmes, Organisations organisations, Text text) {
        this.access = access;
        this.programmes = programmes;
        this.organisations = organisations;
        this.text = text;
    }

    @GetMapping("/programme/teams/{id}/end")
    String confirm(@PathVariable long id, Model model) {
        access.requireLeader(id);
        ProgrammeView programme = programmes.active(id).orElse(null);
        if (programme == null) {
            return "redirect:/programme/teams/" + id;
        }
        model.addAttribute("endForm", new EndForm(programmes.today(), "", programme.id(), programme.version()));
        return page(id, programme, model);
    }

    @PostMapping("/programme/teams/{id}/end")
    String end(@PathVariable long id, @Valid @ModelAttribute EndForm endForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        access.requireLeader(id);
        if (!result.hasErrors()) {
            try {
                programmes.end(id, endForm.programmeId(), endForm.endedOn(), endForm.note(), endForm.version());
                redirect.addFlashAttribute("flash", "programme.ended");
                return "redirect:/programme/teams/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), Text.args(e), null);
            } catch (ConflictException e) {
                result.reject("programme.end.conflict");
            }
        }
        ProgrammeView programme = programmes.active(id).orElse(null);
        if (programme == null) {
            // Someone else ended it first: the team page shows it ended.
            redirect.addFlashAttribute("flash", "programme.end.alreadyEnded");
            return "redirect:/programme/teams/" + id;
        }
        if (result.getGlobalErrorCount() > 0) {
            // The page shows the programme as it is now, and ending it again refers to that version.
            model.addAttribute("newer", programme);
        }
        return page(id, programme, model);
    }

    private String page(long teamId, ProgrammeView programme, Model model) {
        TeamView team = organisations.team(teamId);
        model.addAttribute("team", team);
        model.addAttribute("programme", programme);
        model.addAttribute("startedOn", Text.day(programme.startDate()));
        model.addAttribute("today", Text.day(programmes.today()));
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("programme.index.title"), "/programme"),
                new Crumb(team.name(), "/programme/teams/" + teamId)));
        return VIEW;
    }
}
