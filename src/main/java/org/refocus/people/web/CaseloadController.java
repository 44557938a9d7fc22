package org.refocus.people.web;

import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.people.CaseloadScope;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.PageOf;
import org.refocus.shared.Pagination;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class CaseloadController {

    static final String VIEW = "people/caseload";
    static final int PAGE_SIZE = 25;

    private final People people;

    CaseloadController(People people) {
        this.people = people;
    }

    @GetMapping("/caseload")
    String caseload(@RequestParam(required = false) String q, @RequestParam(required = false) CaseloadScope scope,
            @RequestParam(required = false) Integer page, Model model) {
        CaseloadScope effective = scope != null ? scope
                : CurrentUser.required().has(Role.PRACTITIONER) ? CaseloadScope.MINE : CaseloadScope.TEAM;
        String search = q == null ? "" : q.trim();
        PageOf<PersonSummary> result = people.caseload(search, effective, PageOf.clampNumber(page), PAGE_SIZE);
        model.addAttribute("people", result);
        model.addAttribute("q", search);
        model.addAttribute("scope", effective);
        model.addAttribute("scopes", CaseloadScope.values());
        model.addAttribute("pagination", Pagination.of(result, n -> UriComponentsBuilder.fromPath("/caseload")
                .queryParam("scope", effective).queryParamIfPresent("q", java.util.Optional.of(search)
                        .filter(s -> !s.isEmpty()))
                .queryParam("page", n).encode().toUriString()));
        return VIEW;
    }
}
