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
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

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

    /**
     * Puts a form back on the page as it was typed when a field could not be read (a word where a number
     * goes). Spring then builds the form with that field empty, but leaves the errors bound to no form at
     * all, so the page had nothing to show and everything typed was lost to a server error.
     */
    static void keepTyped(Model model, String name, Object form, BindingResult result) {
        if (result.getTarget() == null && form != null) {
            BeanPropertyBindingResult typed = new BeanPropertyBindingResult(form, name);
            typed.addAllErrors(result);
            model.addAllAttributes(typed.getModel());
        }
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
