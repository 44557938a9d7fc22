package org.refocus.identity.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.refocus.identity.AccountView;
import org.refocus.identity.Accounts;
import org.refocus.identity.Invitation;
import org.refocus.identity.LinkablePeople;
import org.refocus.identity.RecordLinkChecks;
import org.refocus.identity.NewAccount;
import org.refocus.identity.PersonSearch;
import org.refocus.identity.PersonToLink;
import org.refocus.identity.Role;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.shared.Option;
import org.springframework.context.MessageSource;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NewerVersion;
import org.refocus.shared.PageOf;
import org.refocus.shared.Pagination;
import org.refocus.shared.PostedSearch;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    static final String LIST_VIEW = "identity/accounts";
    static final String FORM_VIEW = "identity/account-form";
    static final String DEACTIVATE_VIEW = "identity/account-deactivate";
    static final String CONFIRM_LINK_VIEW = "identity/account-link-confirm";
    /** How many records a search for a service user's record shows at most; more asks for a narrower search. */
    static final int MOST_FOUND = 20;
    private static final PostedSearch SEARCH = new PostedSearch("refocus.admin.accounts.search");
    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.UK);

    private final Accounts accounts;
    private final Organisations organisations;
    private final LinkablePeople people;
    private final MessageSource messages;
    private final RecordLinkChecks checks;

    AccountAdminController(Accounts accounts, Organisations organisations, LinkablePeople people,
            MessageSource messages, RecordLinkChecks checks) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.people = people;
        this.messages = messages;
        this.checks = checks;
    }

    /** The accounts. What is searched for (a person's name or username) is never in the address ({@link PostedSearch}). */
    @GetMapping
    String list(@RequestParam(required = false) Integer page, HttpSession session, Model model) {
        String q = SEARCH.current(session, page);
        PageOf<AccountView> accountsPage = accounts.find(q, PageOf.clampNumber(page), 25);
        model.addAttribute("accounts", accountsPage);
        model.addAttribute("q", q);
        model.addAttribute("pagination", Pagination.of(accountsPage, AccountAdminController::page));
        model.addAttribute("teams", organisations.teams(accountsPage.items().stream()
                .flatMap(a -> a.teamIds().stream()).toList()));
        return LIST_VIEW;
    }

    @PostMapping("/search")
    String search(@RequestParam(required = false) String q, HttpSession session) {
        SEARCH.keep(session, q);
        return "redirect:" + page(0);
    }

    private static String page(int number) {
        return UriComponentsBuilder.fromPath("/admin/accounts").queryParam("page", number).encode().toUriString();
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, null, AccountForm.empty());
    }

    /**
     * Invites someone. The record of a service user is found with the search on the form ({@code search}:
     * the form comes back with what it found to choose from), and the account is saved only once the
     * administrator has confirmed whose record it links to ({@link #CONFIRM_LINK_VIEW}); "No, choose
     * another" ({@code change}) shows the form again.
     */
    @PostMapping
    String create(@Valid @ModelAttribute AccountForm accountForm, BindingResult result,
            @RequestParam(required = false) String change, @RequestParam(required = false) String search,
            Model model, RedirectAttributes redirect) {
        if (change != null) {
            return form(model, null, accountForm, result);
        }
        if (search != null) {
            return search(model, null, accountForm);
        }
        PersonToLink person = newLink(accountForm, null, result);
        if (result.hasErrors()) {
            return form(model, null, accountForm, result);
        }
        if (person != null && !accountForm.linkConfirmed()) {
            return confirmLink(model, null, person);
        }
        try {
            Invitation invitation = accounts.invite(new NewAccount(accountForm.username(), accountForm.displayName(),
                    accountForm.email(), accountForm.role(), accountForm.teams(), linkedPerson(accountForm)));
            redirect.addFlashAttribute("invitationLink", absolute(invitation.path()));
            redirect.addFlashAttribute("flash", "account.invited");
            return "redirect:/admin/accounts/" + invitation.accountId();
        } catch (Accounts.UsernameTakenException e) {
            result.rejectValue("username", "account.username.taken");
        } catch (Accounts.PersonAlreadyLinkedException e) {
            rejectAlreadyLinked(result, person, e.existing());
        } catch (DataIntegrityViolationException e) {
            result.rejectValue("personId", "account.personId.unknownOrLinked");
        }
        return form(model, null, accountForm, result);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        AccountView account = accounts.account(id);
        return form(model, account, new AccountForm(account.username(), account.displayName(), account.email(),
                account.role(), account.teamIds(), account.personId(), null, null, account.version()));
    }

    /**
     * Changes an account; a new or changed link to a person is found, chosen and confirmed as in
     * {@link #create} before it is saved.
     */
    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute AccountForm accountForm, BindingResult result,
            @RequestParam(required = false) String change, @RequestParam(required = false) String search,
            Model model, RedirectAttributes redirect) {
        AccountView account = accounts.account(id);
        if (change != null) {
            return form(model, account, accountForm, result);
        }
        if (search != null) {
            return search(model, account, accountForm);
        }
        PersonToLink person = newLink(accountForm, account, result);
        if (!result.hasErrors() && person != null && !accountForm.linkConfirmed()) {
            return confirmLink(model, account, person);
        }
        if (!result.hasErrors()) {
            try {
                accounts.update(id, accountForm.displayName(), accountForm.email(), accountForm.role(),
                        linkedPerson(accountForm), accountForm.teams(), accountForm.version());
                redirect.addFlashAttribute("flash", "account.saved");
                return "redirect:/admin/accounts/" + id;
            } catch (ConflictException e) {
                account = NewerVersion.show(result, "conflict.newer", accounts.account(id), model);
                model.addAttribute("newerTeams", teamNames(account));
            } catch (Accounts.PersonAlreadyLinkedException e) {
                rejectAlreadyLinked(result, person, e.existing());
            } catch (DataIntegrityViolationException e) {
                result.rejectValue("personId", "account.personId.unknownOrLinked");
            }
        }
        return form(model, account, accountForm, result);
    }

    @GetMapping("/{id}/deactivate")
    String confirmDeactivate(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.account(id));
        return DEACTIVATE_VIEW;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            accounts.deactivate(id);
            redirect.addFlashAttribute("flash", "account.deactivated");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "account.cannotDeactivateSelf");
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        accounts.reactivate(id);
        redirect.addFlashAttribute("flash", "account.reactivated");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/invitation")
    String reinvite(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Invitation invitation = accounts.reinvite(id);
            redirect.addFlashAttribute("invitationLink", absolute(invitation.path()));
            redirect.addFlashAttribute("flash", "account.invited");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", "account.alreadyActive");
        }
        return "redirect:/admin/accounts/" + id;
    }

    /**
     * The form again with what the search found, and nothing else of it checked yet: someone searching
     * before filling in the rest is not told off for the rest.
     */
    private String search(Model model, AccountView account, AccountForm accountForm) {
        BindingResult searchOnly = new BeanPropertyBindingResult(accountForm, "accountForm");
        if (accountForm.find().isEmpty()) {
            searchOnly.rejectValue("find.name", "account.find.nothing");
        }
        return form(model, account, accountForm, searchOnly);
    }

    private String form(Model model, AccountView account, AccountForm accountForm) {
        return form(model, account, accountForm, new BeanPropertyBindingResult(accountForm, "accountForm"));
    }

    private String form(Model model, AccountView account, AccountForm accountForm, BindingResult result) {
        model.addAttribute("accountForm", accountForm);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "accountForm", result);
        model.addAttribute("account", account);
        PersonToLink linked = account == null || account.personId() == null ? null
                : people.identify(account.personId()).orElse(null);
        model.addAttribute("linkedPerson", linked);
        model.addAttribute("found", linkChoices(accountForm, result, account, linked));
        model.addAttribute("mostFound", MOST_FOUND);
        model.addAttribute("refusedOn", account == null ? null : checks.refusedAt(account.id())
                .map(at -> DATE.format(at.atZone(UK))).orElse(null));
        List<Option> roles = new ArrayList<>();
        roles.add(Option.none(messages));
        roles.addAll(Option.ofEnum(Role.values(), "role.", messages));
        model.addAttribute("roleOptions", roles);
        model.addAttribute("teamOptions", Option.of(organisations.teams(), TeamView::id, TeamView::fullName));
        return FORM_VIEW;
    }

    /** The names of the account's teams, for reading, or "none". */
    private String teamNames(AccountView account) {
        List<String> names = organisations.teams(account.teamIds()).values().stream().map(TeamView::name).sorted()
                .toList();
        return names.isEmpty() ? messages.getMessage("conflict.newer.none", null, java.util.Locale.UK)
                : String.join(", ", names);
    }

    /**
     * The records found by the search on the form; before any search, the record already chosen; null when
     * there is nothing to choose from, or the search cannot be made (its fields are told why). Every record
     * shown is audited as read against that person.
     */
    private LinkChoices linkChoices(AccountForm form, Errors errors, AccountView account, PersonToLink linked) {
        if (!form.find().isEmpty()) {
            PersonSearch search = form.find().check(errors, "find.");
            if (search == null) {
                return null;
            }
            try {
                LinkablePeople.Found found = people.find(search, MOST_FOUND);
                return new LinkChoices(found.people().stream().map(p -> choice(p, account)).toList(), found.more(),
                        true);
            } catch (LinkablePeople.InvalidNhsNumberException e) {
                errors.rejectValue("find.nhsNumber", "account.find.nhsNumber.invalid");
                return null;
            }
        }
        if (form.personId() == null) {
            return null;
        }
        return (linked != null && linked.personId() == form.personId() ? java.util.Optional.of(linked)
                : people.identify(form.personId())).map(p -> new LinkChoices(List.of(choice(p, account)), false, false))
                .orElse(null);
    }

    private LinkChoice choice(PersonToLink person, AccountView account) {
        return new LinkChoice(person, accounts.linkedTo(person.personId())
                .filter(other -> account == null || other.id() != account.id()).orElse(null));
    }

    private String confirmLink(Model model, AccountView account, PersonToLink person) {
        model.addAttribute("account", account);
        model.addAttribute("person", person);
        return CONFIRM_LINK_VIEW;
    }

    /**
     * The person a service-user account is about to be newly linked to, for the administrator to confirm;
     * null when the form links nobody or keeps the account's current link. No record chosen, an unknown
     * one, or a person who already has another account, is an error on the chosen record.
     */
    private PersonToLink newLink(AccountForm form, AccountView account, BindingResult result) {
        if (form.role() != Role.SERVICE_USER || result.hasFieldErrors("personId")) {
            return null;
        }
        if (form.personId() == null) {
            result.rejectValue("personId", "account.personId.requiredForServiceUser");
            return null;
        }
        if (account != null && form.personId().equals(account.personId())) {
            return null;
        }
        PersonToLink person = people.identify(form.personId()).orElse(null);
        if (person == null) {
            result.rejectValue("personId", "account.personId.unknown");
            return null;
        }
        var existing = accounts.linkedTo(person.personId()).filter(a -> account == null || a.id() != account.id());
        if (existing.isPresent()) {
            rejectAlreadyLinked(result, person, existing.get());
            return null;
        }
        return person;
    }

    private static void rejectAlreadyLinked(BindingResult result, PersonToLink person, AccountView existing) {
        if (person == null) {
            result.rejectValue("personId", "account.personId.unknownOrLinked");
        } else {
            result.rejectValue("personId", "account.personId.alreadyLinked",
                    new Object[] {person.name(), existing.username()}, null);
        }
    }

    private static Long linkedPerson(AccountForm form) {
        return form.role() == Role.SERVICE_USER ? form.personId() : null;
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
