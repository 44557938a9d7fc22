package org.refocus.people.web;

import java.util.Comparator;
import java.util.List;
import org.refocus.identity.CurrentUser;
import org.refocus.people.People;
import org.refocus.shared.PersonSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The person's summary page: the door to their recovery plan, measures and contacts. */
@Controller
class PersonController {

    static final String VIEW = "people/person";

    private final People people;
    private final List<PersonSection> sections;

    PersonController(People people, ObjectProvider<PersonSection> sections) {
        this.people = people;
        this.sections = sections.stream().sorted(Comparator.comparingInt(PersonSection::order)).toList();
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("person", people.open(id));
        String role = CurrentUser.required().role().name();
        model.addAttribute("sections", sections.stream().filter(s -> s.roles().contains(role))
                .map(s -> new SectionLink(s.messageKey(), s.descriptionKey(), s.href().replace("{id}", Long.toString(id))))
                .toList());
        return VIEW;
    }

    record SectionLink(String messageKey, String descriptionKey, String href) {
    }
}
