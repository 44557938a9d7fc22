package org.refocus.web;

import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.organisation.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role lands on a page that says what they can do here today. */
@Controller
class HomeController {

    static final String VIEW = "web/home";

    private final Accounts accounts;
    private final Organisations organisations;

    HomeController(Accounts accounts, Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.required();
        if (user.recordToCheck() != null) {
            return "redirect:/account/record-check"; // hazard H-03: nothing of the record before they say it is theirs
        }
        model.addAttribute("role", user.role());
        if (user.role().isTeamStaff() || user.role() == org.refocus.identity.Role.TRAINER) {
            model.addAttribute("myTeams", organisations.teams(accounts.teamsOf(user.accountId())).values());
        }
        if (user.role() == org.refocus.identity.Role.SERVICE_USER) {
            model.addAttribute("helpNowOnPage", true); // the page says it in full, at the top
        }
        return VIEW;
    }
}
