package org.refocus.people.web;

import java.util.Comparator;
import java.util.List;
import org.refocus.identity.CurrentUser;
import org.refocus.people.People;
import org.refocus.shared.PersonPanel;
import org.refocus.shared.PersonSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The person's summary page: who they are, what may be needed at once (the crisis card, from the
 * recovery module), and the door to their recovery plan, measures and contacts.
 */
@Controller
class PersonController {

    static final String VIEW = "people/person";

    private final People people;
    private final List<PersonSection> sections;
    private final List<PersonPanel> panels;

    PersonController(People people, ObjectProvider<PersonSection> sections, ObjectProvider<PersonPanel> panels) {
        this.people = people;
        this.sections = sections.stream().sorted(Comparator.comparingInt(PersonSection::order)).toList();
        this.panels = panels.stream().sorted(Comparator.comparingInt(PersonPanel::order)).toList();
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("person", people.open(id));
        CurrentUser user = CurrentUser.required();
        String role = user.role().name();
        // The person reads about their own record as "you"; staff read about "the person".
        boolean self = user.personId() != null && user.personId() == id;
        model.addAttribute("panels", panels.stream().filter(p -> p.roles().contains(role)).map(p -> p.view(id)).toList());
        model.addAttribute("sections", sections.stream().filter(s -> s.roles().contains(role))
                .map(s -> new SectionLink(s.messageKey(), self ? s.descriptionKey() + ".own" : s.descriptionKey(),
                        s.href().replace("{id}", Long.toString(id))))
                .toList());
        return VIEW;
    }

    record SectionLink(String messageKey, String descriptionKey, String href) {
    }
}
