package org.refocus.recovery.web;

import java.time.LocalDate;
import java.util.List;
import org.refocus.organisation.Organisations;
import org.refocus.recovery.PracticeCoverage;
import org.refocus.recovery.PracticeCoverage.CoveragePractice;
import org.refocus.recovery.PracticeCoverage.PersonPractices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The records behind a team's working-practice figures: who on the caseload has values, strengths, an
 * active goal and a recent goal-striving conversation recorded, optionally only those without one.
 */
@Controller
class CoverageController {

    static final String VIEW = "recovery/coverage";

    private final PracticeCoverage coverage;
    private final Organisations organisations;

    CoverageController(PracticeCoverage coverage, Organisations organisations) {
        this.coverage = coverage;
        this.organisations = organisations;
    }

    @GetMapping("/teams/{id}/working-practices")
    String coverage(@PathVariable long id, @RequestParam(required = false) CoveragePractice missing,
            @RequestParam(required = false) Integer months, Model model) {
        int recentMonths = months == null || months < 1 || months > 60 ? 3 : months;
        List<PersonPractices> people = coverage.forTeam(id, LocalDate.now().minusMonths(recentMonths));
        model.addAttribute("team", organisations.team(id));
        model.addAttribute("months", recentMonths);
        model.addAttribute("missing", missing);
        model.addAttribute("practices", CoveragePractice.values());
        model.addAttribute("caseload", people.size());
        model.addAttribute("people", missing == null ? people
                : people.stream().filter(p -> !p.has(missing)).toList());
        return VIEW;
    }
}
