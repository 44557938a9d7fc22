package org.refocus.web;

import java.util.List;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.organisation.Organisations;
import org.refocus.shared.HomeNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role lands on a page that says what they can do here today. */
@Controller
class HomeController {

    static final String VIEW = "web/home";

    private final Accounts accounts;
    private final Organisations organisations;
    private final List<HomeNotices> notices;

    HomeController(Accounts accounts, Organisations organisations, ObjectProvider<HomeNotices> notices) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.notices = notices.orderedStream().toList();
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
        if (user.role().isTeamStaff()) {
            model.addAttribute("notices", notices.stream().flatMap(n -> n.forSignedInStaff().stream()).toList());
        }
        if (user.role() == org.refocus.identity.Role.SERVICE_USER) {
            model.addAttribute("helpNowOnPage", true); // the page says it in full, at the top
            if (user.personId() != null) {
                model.addAttribute("notices", notices.stream()
                        .flatMap(n -> n.forThePerson(user.personId()).stream()).toList());
            }
        }
        return VIEW;
    }
}
