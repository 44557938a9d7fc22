package org.refocus.organisation.web;

import jakarta.validation.Valid;
import org.refocus.organisation.OrganisationView;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.SiteView;
import org.refocus.organisation.TeamView;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NewerVersion;
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

/** Administration of organisations, sites and teams. */
@Controller
class StructureAdminController {

    static final String ADMIN_HOME_VIEW = "organisation/admin-home";
    static final String ORGANISATIONS_VIEW = "organisation/organisations";
    static final String ORGANISATION_VIEW = "organisation/organisation";
    static final String NAME_FORM_VIEW = "organisation/name-form";
    static final String TEAMS_VIEW = "organisation/teams";
    static final String TEAM_FORM_VIEW = "organisation/team-form";

    private final Organisations organisations;

    StructureAdminController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/admin")
    String adminHome() {
        return ADMIN_HOME_VIEW;
    }

    @GetMapping("/admin/organisations")
    String organisations(Model model) {
        model.addAttribute("organisations", organisations.organisations());
        return ORGANISATIONS_VIEW;
    }

    @GetMapping("/admin/organisations/new")
    String newOrganisation(Model model) {
        model.addAttribute("nameForm", new NameForm("", "", 0));
        return nameForm(model, "organisation", "/admin/organisations", null);
    }

    @PostMapping("/admin/organisations")
    String createOrganisation(@Valid @ModelAttribute NameForm nameForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = organisations.createOrganisation(nameForm.name(), nameForm.code());
                redirect.addFlashAttribute("flash", "structure.saved");
                return "redirect:/admin/organisations/" + id;
            } catch (Organisations.DuplicateNameException e) {
                result.rejectValue("name", "structure.name.duplicate");
            }
        }
        return nameForm(model, "organisation", "/admin/organisations", null);
    }

    @GetMapping("/admin/organisations/{id}")
    String organisation(@PathVariable long id, Model model) {
        OrganisationView organisation = organisations.organisation(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("sites", organisations.sites(id));
        model.addAttribute("teams", organisations.teams().stream()
                .filter(t -> t.organisationName().equals(organisation.name())).toList());
        return ORGANISATION_VIEW;
    }

    @GetMapping("/admin/organisations/{id}/edit")
    String editOrganisation(@PathVariable long id, Model model) {
        OrganisationView o = organisations.organisation(id);
        model.addAttribute("nameForm", new NameForm(o.name(), o.code(), o.version()));
        return nameForm(model, "organisation", "/admin/organisations/" + id, o.name());
    }

    @PostMapping("/admin/organisations/{id}")
    String updateOrganisation(@PathVariable long id, @Valid @ModelAttribute NameForm nameForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        OrganisationView o = organisations.organisation(id);
        if (!result.hasErrors()) {
            try {
                organisations.updateOrganisation(id, nameForm.name(), nameForm.code(), nameForm.version());
                redirect.addFlashAttribute("flash", "structure.saved");
                return "redirect:/admin/organisations/" + id;
            } catch (Organisations.DuplicateNameException e) {
                result.rejectValue("name", "structure.name.duplicate");
            } catch (ConflictException e) {
                o = NewerVersion.show(result, "conflict.newer", organisations.organisation(id), model);
            }
        }
        return nameForm(model, "organisation", "/admin/organisations/" + id, o.name());
    }

    @GetMapping("/admin/organisations/{id}/sites/new")
    String newSite(@PathVariable long id, Model model) {
        organisations.organisation(id);
        model.addAttribute("nameForm", new NameForm("", null, 0));
        return nameForm(model, "site", "/admin/organisations/" + id + "/sites", null);
    }

    @PostMapping("/admin/organisations/{id}/sites")
    String createSite(@PathVariable long id, @Valid @ModelAttribute NameForm nameForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        organisations.organisation(id);
        if (!result.hasErrors()) {
            try {
                organisations.createSite(id, nameForm.name());
                redirect.addFlashAttribute("flash", "structure.saved");
                return "redirect:/admin/organisations/" + id;
            } catch (Organisations.DuplicateNameException e) {
                result.rejectValue("name", "structure.name.duplicate");
            }
        }
        return nameForm(model, "site", "/admin/organisations/" + id + "/sites", null);
    }

    @GetMapping("/admin/sites/{id}/edit")
    String editSite(@PathVariable long id, Model model) {
        SiteView site = organisations.site(id);
        model.addAttribute("nameForm", new NameForm(site.name(), null, site.version()));
        return nameForm(model, "site", "/admin/sites/" + id, site.name());
    }

    @PostMapping("/admin/sites/{id}")
    String updateSite(@PathVariable long id, @Valid @ModelAttribute NameForm nameForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        SiteView site = organisations.site(id);
        if (!result.hasErrors()) {
            try {
                organisations.updateSite(id, nameForm.name(), nameForm.version());
                redirect.addFlashAttribute("flash", "structure.saved");
                return "redirect:/admin/organisations/" + site.organisationId();
            } catch (Organisations.DuplicateNameException e) {
                result.rejectValue("name", "structure.name.duplicate");
            } catch (ConflictException e) {
                site = NewerVersion.show(result, "conflict.newer", organisations.site(id), model);
            }
        }
        return nameForm(model, "site", "/admin/sites/" + id, site.name());
    }

    @GetMapping("/admin/teams")
    String teams(Model model) {
        model.addAttribute("teams", organisations.teams());
        return TEAMS_VIEW;
    }

    @GetMapping("/admin/teams/new")
    String newTeam(@RequestParam(required = false) Long site, Model model) {
        model.addAttribute("teamForm", new TeamForm(site, "", "", true, 0));
        return teamForm(model, null);
    }

    @PostMapping("/admin/teams")
    String createTeam(@Valid @ModelAttribute TeamForm teamForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                organisations.createTeam(teamForm.siteId(), teamForm.name(), teamForm.description());
                redirect.addFlashAttribute("flash", "team.created");
                return "redirect:/admin/teams";
            } catch (Organisations.DuplicateNameException e) {
                result.rejectValue("name", "structure.name.duplicate");
            }
        }
        return teamForm(model, null);
    }

    @GetMapping("/admin/teams/{id}")
    String editTeam(@PathVariable long id, Model model) {
        TeamView team = organisations.team(id);
        model.addAttribute("teamForm", new TeamForm(team.siteId(), team.name(), team.description(), team.active(),
                team.version()));
        return teamForm(model, team);
    }

    @PostMapping("/admin/teams/{id}")
    String updateTeam(@PathVariable long id, @Valid @ModelAttribute TeamForm teamForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        TeamView team = organisations.team(id);
        if (!result.hasErrors()) {
            try {
                organisations.updateTeam(id, teamForm.name(), teamForm.description(), Boolean.TRUE.equals(teamForm.active()),
                        teamForm.version());
                redirect.addFlashAttribute("flash", "structure.saved");
                return "redirect:/admin/teams";
            } catch (Organisations.DuplicateNameException e) {
                result.rejectValue("name", "structure.name.duplicate");
            } catch (ConflictException e) {
                team = NewerVersion.show(result, "conflict.newer", organisations.team(id), model);
            }
        }
        return teamForm(model, team);
    }

    private String nameForm(Model model, String kind, String action, String currentName) {
        model.addAttribute("kind", kind);
        model.addAttribute("action", action);
        model.addAttribute("currentName", currentName);
        return NAME_FORM_VIEW;
    }

    private String teamForm(Model model, TeamView team) {
        model.addAttribute("team", team);
        model.addAttribute("siteOptions", Option.of(organisations.allSites(), SiteView::id,
                s -> s.name() + ", " + s.organisationName()));
        return TEAM_FORM_VIEW;
    }
}
