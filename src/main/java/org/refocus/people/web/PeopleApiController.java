package org.refocus.people.web;

import java.time.LocalDate;
import java.util.List;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.people.CaseloadScope;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People the caller may reach, as JSON, under exactly the rules of the pages. */
@RestController
@RequestMapping("/api/v1/people")
class PeopleApiController {

    private final People people;

    PeopleApiController(People people) {
        this.people = people;
    }

    @GetMapping
    PageJson list(@RequestParam(required = false) String q, @RequestParam(required = false) CaseloadScope scope,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        CaseloadScope effective = scope != null ? scope
                : CurrentUser.required().has(Role.PRACTITIONER) ? CaseloadScope.MINE : CaseloadScope.TEAM;
        PageOf<PersonSummary> result = people.caseload(q, effective, PageOf.clampNumber(page),
                PageOf.clampSize(size, 25, 200));
        return new PageJson(result.items().stream().map(PersonJson::of).toList(), result.number(), result.size(),
                result.totalItems(), result.totalPages());
    }

    @GetMapping("/{id}")
    PersonJson one(@PathVariable long id) {
        return PersonJson.of(people.open(id));
    }

    record PageJson(List<PersonJson> items, int page, int size, long totalItems, int totalPages) {
    }

    record PersonJson(long id, String givenName, String familyName, String preferredName, LocalDate dateOfBirth,
            String nhsNumber, Team team, CareCoordinator careCoordinator) {

        static PersonJson of(PersonSummary p) {
            return new PersonJson(p.id(), p.givenName(), p.familyName(), p.preferredName(), p.dateOfBirth(),
                    p.nhsNumber(), new Team(p.teamId(), p.teamName()),
                    p.careCoordinatorId() == null ? null
                            : new CareCoordinator(p.careCoordinatorId(), p.careCoordinatorName()));
        }
    }

    record Team(long id, String name) {
    }

    record CareCoordinator(long id, String name) {
    }
}
