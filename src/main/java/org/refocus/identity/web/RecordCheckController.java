package org.refocus.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.LinkablePeople;
import org.refocus.identity.RecordLinkChecks;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hazard H-03: the person signing in with a service-user account sees the name and date of birth on the
 * record it is linked to, and says whether it is theirs, before anything else of it is shown.
 */
@Controller
class RecordCheckController {

    static final String VIEW = "identity/record-check";
    static final String REFUSED_VIEW = "identity/record-check-refused";

    private final RecordLinkChecks checks;
    private final LinkablePeople people;
    private final UserDetailsService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    RecordCheckController(RecordLinkChecks checks, LinkablePeople people, UserDetailsService users) {
        this.checks = checks;
        this.people = people;
        this.users = users;
    }

    @GetMapping("/account/record-check")
    String check(Model model) {
        Long record = CurrentUser.required().recordToCheck();
        if (record == null) {
            return "redirect:/";
        }
        return people.identify(record).map(person -> {
            model.addAttribute("person", person);
            return VIEW;
        }).orElse("redirect:/");
    }

    @PostMapping("/account/record-check")
    String answer(@RequestParam(required = false) String answer, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.required();
        Long record = user.recordToCheck();
        if (record == null || answer == null) {
            return "redirect:/account/record-check";
        }
        if ("mine".equals(answer)) {
            checks.confirm(user.accountId(), record);
            redirect.addFlashAttribute("flash", "recordCheck.confirmed");
        } else if ("notMine".equals(answer)) {
            checks.refuse(user.accountId(), record);
        } else {
            return "redirect:/account/record-check";
        }
        signInAgainAsTheAccountNowIs(user, request, response);
        return "notMine".equals(answer) ? "redirect:/account/record-check/refused" : "redirect:/";
    }

    @GetMapping("/account/record-check/refused")
    String refused() {
        return REFUSED_VIEW;
    }

    /** The session's user is replaced by the account as stored now: with its record, or with none. */
    private void signInAgainAsTheAccountNowIs(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        CurrentUser now = (CurrentUser) users.loadUserByUsername(user.username());
        now.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
