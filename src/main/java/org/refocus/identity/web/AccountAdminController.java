package org.refocus.identity.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.refocus.identity.AccountView;
import org.refocus.identity.Accounts;
import org.refocus.identity.Invitation;
import org.refocus.identity.NewAccount;
import org.refocus.identity.Role;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.shared.Option;
import org.springframework.context.MessageSource;
import org.refocus.shared.ConflictException;
import org.refocus.shared.PageOf;
import org.refocus.shared.Pagination;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    static final String LIST_VIEW = "identity/accounts";
    static final String FORM_VIEW = "identity/account-form";
    static final String DEACTIVATE_VIEW = "identity/account-deactivate";

    private final Accounts accounts;
    private final Organisations organisations;
    private final MessageSource messages;

    AccountAdminController(Accounts accounts, Organisations organisations, MessageSource messages) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        PageOf<AccountView> accountsPage = accounts.find(q, PageOf.clampNumber(page), 25);
        model.addAttribute("accounts", accountsPage);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pagination", Pagination.of(accountsPage, n -> UriComponentsBuilder
                .fromPath("/admin/accounts").queryParamIfPresent("q", java.util.Optional.ofNullable(q)
                        .filter(s -> !s.isBlank())).queryParam("page", n).encode().toUriString()));
        model.addAttribute("teams", organisations.teams(accountsPage.items().stream()
                .flatMap(a -> a.teamIds().stream()).toList()));
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("accountForm", AccountForm.empty());
        return form(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute AccountForm accountForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        checkPersonLink(accountForm, result);
        if (result.hasErrors()) {
            return form(model, null);
        }
        try {
            Invitation invitation = accounts.invite(new NewAccount(accountForm.username(), accountForm.displayName(),
                    accountForm.email(), accountForm.role(), accountForm.teams(), linkedPerson(accountForm)));
            redirect.addFlashAttribute("invitationLink", absolute(invitation.path()));
            redirect.addFlashAttribute("flash", "account.invited");
            return "redirect:/admin/accounts/" + invitation.accountId();
        } catch (Accounts.UsernameTakenException e) {
            result.rejectValue("username", "account.username.taken");
        } catch (DataIntegrityViolationException e) {
            result.rejectValue("personId", "account.personId.unknownOrLinked");
        }
        return form(model, null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        AccountView account = accounts.account(id);
        model.addAttribute("accountForm", new AccountForm(account.username(), account.displayName(), account.email(),
                account.role(), account.teamIds(), account.personId(), account.version()));
        return form(model, account);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute AccountForm accountForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        AccountView account = accounts.account(id);
        checkPersonLink(accountForm, result);
        if (!result.hasErrors()) {
            try {
                accounts.update(id, accountForm.displayName(), accountForm.email(), accountForm.role(),
                        linkedPerson(accountForm), accountForm.version());
                accounts.setTeams(id, accountForm.teams());
                redirect.addFlashAttribute("flash", "account.saved");
                return "redirect:/admin/accounts/" + id;
            } catch (ConflictException e) {
                result.reject("conflict.changedBySomeoneElse");
            } catch (DataIntegrityViolationException e) {
                result.rejectValue("personId", "account.personId.unknownOrLinked");
            }
        }
        return form(model, account);
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
            redirect.addFlashAttribute("flash", "account.cannotDeactivateSelf");
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

    private String form(Model model, AccountView account) {
        model.addAttribute("account", account);
        List<Option> roles = new ArrayList<>();
        roles.add(Option.none(messages));
        roles.addAll(Option.ofEnum(Role.values(), "role.", messages));
        model.addAttribute("roleOptions", roles);
        model.addAttribute("teamOptions", Option.of(organisations.teams(), TeamView::id, TeamView::fullName));
        return FORM_VIEW;
    }

    private static void checkPersonLink(AccountForm form, BindingResult result) {
        if (form.role() == Role.SERVICE_USER && form.personId() == null && !result.hasFieldErrors("personId")) {
            result.rejectValue("personId", "account.personId.requiredForServiceUser");
        }
    }

    private static Long linkedPerson(AccountForm form) {
        return form.role() == Role.SERVICE_USER ? form.personId() : null;
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
