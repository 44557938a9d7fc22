package org.refocus.people.web;

import org.refocus.people.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The person's summary page: the door to their recovery plan, measures and contacts. */
@Controller
class PersonController {

    static final String VIEW = "people/person";

    private final People people;

    PersonController(People people) {
        this.people = people;
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("person", people.open(id));
        return VIEW;
    }
}
