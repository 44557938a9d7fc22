package org.refocus.recovery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refocus.identity.CurrentUser;
import org.refocus.people.PersonSummary;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.shared.Option;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every recovery page needs: the plan, breadcrumbs back to it, and labelled choices. */
@Component
class Pages {

    private final MessageSource messages;

    Pages(MessageSource messages) {
        this.messages = messages;
    }

    record Crumb(String label, String href) {
    }

    /** Puts the plan on the page with breadcrumbs down to the plan ({@code toPlan}) or to the person's page. */
    void plan(Model model, RecoveryPlan plan, boolean toPlan, Crumb... more) {
        model.addAttribute("plan", plan);
        person(model, plan.person(), plan.viewerIsThePerson(), toPlan, more);
    }

    /** For pages that show something other than the plan itself. */
    void person(Model model, PersonSummary person, boolean viewerIsThePerson, boolean toPlan, Crumb... more) {
        model.addAttribute("person", person);
        model.addAttribute("viewerIsThePerson", viewerIsThePerson);
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(text("nav.home"), "/"));
        if (!viewerIsThePerson) {
            crumbs.add(new Crumb(text("caseload.title"), "/caseload"));
        }
        crumbs.add(new Crumb(person.fullName(), "/people/" + person.id()));
        if (toPlan) {
            crumbs.add(new Crumb(text("recovery.plan.title"), "/people/" + person.id() + "/plan"));
        }
        crumbs.addAll(List.of(more));
        model.addAttribute("crumbs", crumbs);
    }

    static boolean isThePerson(PersonSummary person) {
        CurrentUser user = CurrentUser.required();
        return user.personId() != null && user.personId() == person.id();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.UK);
    }

    <E extends Enum<E>> List<Option> options(E[] values, String prefix) {
        return Option.ofEnum(values, prefix, messages);
    }
}
