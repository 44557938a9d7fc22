package org.refocus.people.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.refocus.identity.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.shared.Option;
import org.springframework.context.MessageSource;
import org.refocus.people.NhsNumber;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NewerVersion;
import org.refocus.shared.PageOf;
import org.refocus.shared.Pagination;
import org.refocus.shared.PostedSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Administrators add people and assign them to a team and a named care coordinator. */
@Controller
@RequestMapping("/admin/people")
class PeopleAdminController {

    static final String LIST_VIEW = "people/admin-people";
    static final String FORM_VIEW = "people/admin-person-form";

    private static final PostedSearch SEARCH = new PostedSearch("refocus.admin.people.search");

    private final People people;
    private final Organisations organisations;
    private final Accounts accounts;
    private final MessageSource messages;

    PeopleAdminController(People people, Organisations organisations, Accounts accounts, MessageSource messages) {
        this.people = people;
        this.organisations = organisations;
        this.accounts = accounts;
        this.messages = messages;
    }

    /**
     * The people list. What is searched for (a name, an NHS number or a date of birth) is never in the address
     * ({@link PostedSearch}).
     */
    @GetMapping
    String list(@RequestParam(required = false) Long team, @RequestParam(required = false) Integer page,
            HttpSession session, Model model) {
        String q = SEARCH.current(session, page);
        PageOf<PersonSummary> result = people.administer(q, team, PageOf.clampNumber(page), 25);
        model.addAttribute("people", result);
        model.addAttribute("q", q);
        model.addAttribute("team", team);
        model.addAttribute("teams", organisations.teams());
        model.addAttribute("pagination", Pagination.of(result, n -> page(team, n)));
        return LIST_VIEW;
    }

    @PostMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Long team,
            HttpSession session) {
        SEARCH.keep(session, q);
        return "redirect:" + page(team, 0);
    }

    private static String page(Long team, int number) {
        return UriComponentsBuilder.fromPath("/admin/people").queryParamIfPresent("team", Optional.ofNullable(team))
                .queryParam("page", number).encode().toUriString();
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long team, Model model) {
        model.addAttribute("personForm", new PersonForm("", "", "", null, "", team, null, 0));
        return form(model, null, team);
    }

    @PostMapping
    String create(@Valid @ModelAttribute PersonForm personForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        checkNhsNumber(personForm, result);
        if (!result.hasErrors()) {
            try {
                long id = people.create(personForm.details());
                redirect.addFlashAttribute("flash", "person.created");
                return "redirect:/admin/people/" + id;
            } catch (People.DuplicateNhsNumberException e) {
                result.rejectValue("nhsNumber", "person.nhsNumber.duplicate");
            } catch (People.CoordinatorNotInTeamException e) {
                result.rejectValue("careCoordinatorId", "person.careCoordinator.notInTeam");
            }
        }
        return form(model, null, personForm.teamId());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        PersonSummary person = people.administerOne(id);
        model.addAttribute("personForm", PersonForm.of(person));
        return form(model, person, person.teamId());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute PersonForm personForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        PersonSummary person = people.administerOne(id);
        checkNhsNumber(personForm, result);
        if (!result.hasErrors()) {
            try {
                people.update(id, personForm.details(), personForm.version());
                redirect.addFlashAttribute("flash", "person.saved");
                return "redirect:/admin/people/" + id;
            } catch (ConflictException e) {
                person = NewerVersion.show(result, "conflict.newer", people.administerOne(id), model);
            } catch (People.DuplicateNhsNumberException e) {
                result.rejectValue("nhsNumber", "person.nhsNumber.duplicate");
            } catch (People.CoordinatorNotInTeamException e) {
                result.rejectValue("careCoordinatorId", "person.careCoordinator.notInTeam");
            }
        }
        return form(model, person, personForm.teamId());
    }

    private String form(Model model, PersonSummary person, Long teamId) {
        model.addAttribute("person", person);
        List<Option> teams = new ArrayList<>(List.of(Option.none(messages)));
        teams.addAll(Option.of(organisations.teams(), TeamView::id, TeamView::fullName));
        List<Option> coordinators = new ArrayList<>(List.of(Option.none(messages)));
        if (teamId != null) {
            coordinators.addAll(Option.of(accounts.staffOfTeam(teamId), StaffMember::accountId,
                    StaffMember::displayName));
        }
        model.addAttribute("teamOptions", teams);
        model.addAttribute("coordinatorOptions", coordinators);
        return FORM_VIEW;
    }

    private static void checkNhsNumber(PersonForm form, BindingResult result) {
        if (form.nhsNumber() != null && !form.nhsNumber().isBlank() && !result.hasFieldErrors("nhsNumber")
                && !NhsNumber.isValid(form.nhsNumber())) {
            result.rejectValue("nhsNumber", "person.nhsNumber.invalid");
        }
    }
}
