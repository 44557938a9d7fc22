package org.refocus.people.web;

import jakarta.servlet.http.HttpSession;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.people.CaseloadScope;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.PageOf;
import org.refocus.shared.Pagination;
import org.refocus.shared.PostedSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class CaseloadController {

    static final String VIEW = "people/caseload";
    static final int PAGE_SIZE = 25;
    private static final PostedSearch SEARCH = new PostedSearch("refocus.caseload.search");

    private final People people;

    CaseloadController(People people) {
        this.people = people;
    }

    /**
     * Shows the caseload. A search (a name or an NHS number) is never in the address ({@link PostedSearch}).
     */
    @GetMapping("/caseload")
    String caseload(@RequestParam(required = false) CaseloadScope scope, @RequestParam(required = false) Integer page,
            HttpSession session, Model model) {
        CaseloadScope effective = effective(scope);
        String search = SEARCH.current(session, page);
        PageOf<PersonSummary> result = people.caseload(search, effective, PageOf.clampNumber(page), PAGE_SIZE);
        model.addAttribute("people", result);
        model.addAttribute("q", search);
        model.addAttribute("scope", effective);
        model.addAttribute("scopes", CaseloadScope.values());
        model.addAttribute("pagination", Pagination.of(result, n -> page(effective, n)));
        return VIEW;
    }

    @PostMapping("/caseload")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) CaseloadScope scope,
            HttpSession session) {
        SEARCH.keep(session, q);
        return "redirect:" + page(effective(scope), 0);
    }

    private static CaseloadScope effective(CaseloadScope scope) {
        return scope != null ? scope
                : CurrentUser.required().has(Role.PRACTITIONER) ? CaseloadScope.MINE : CaseloadScope.TEAM;
    }

    private static String page(CaseloadScope scope, int number) {
        return UriComponentsBuilder.fromPath("/caseload").queryParam("scope", scope).queryParam("page", number)
                .encode().toUriString();
    }
}
