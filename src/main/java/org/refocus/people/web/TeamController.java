package org.refocus.people.web;

import java.util.Map;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.organisation.Organisations;
import org.refocus.people.People;
import org.refocus.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A team's page for its own staff: who is in the team and how caseloads are shared. */
@Controller
class TeamController {

    static final String VIEW = "people/team";

    private final Organisations organisations;
    private final Accounts accounts;
    private final People people;
    private final AuditTrail audit;

    TeamController(Organisations organisations, Accounts accounts, People people, AuditTrail audit) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/teams/{id}")
    @Transactional
    String team(@PathVariable long id, Model model) {
        if (!accounts.teamsOf(CurrentUser.required().accountId()).contains(id)) {
            audit.recordDenied(AuditAction.VIEWED, "team", id, null);
            throw new NotFoundException("team");
        }
        Map<Long, Long> sizes = people.caseloadSizes(id);
        model.addAttribute("team", organisations.team(id));
        model.addAttribute("staff", accounts.staffOfTeam(id));
        model.addAttribute("caseloadSizes", sizes);
        model.addAttribute("teamSize", people.teamSize(id));
        audit.record(AuditAction.VIEWED, "team", id, null, null);
        return VIEW;
    }
}
