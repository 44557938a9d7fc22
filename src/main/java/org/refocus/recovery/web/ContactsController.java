package org.refocus.recovery.web;

import static org.refocus.recovery.web.ValuesController.version;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.recovery.ContactKind;
import org.refocus.recovery.Contacts;
import org.refocus.recovery.Practice;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryGoals;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.RecoveryPlans;
import org.refocus.recovery.web.Forms.ContactForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.FormAsTyped;
import org.refocus.shared.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contacts with the person and the working practices each used. */
@Controller
class ContactsController {

    static final String CONTACTS_VIEW = "recovery/contacts";
    static final String CONTACT_FORM_VIEW = "recovery/contact-form";

    private final RecoveryPlans plans;
    private final Contacts contacts;
    private final People people;
    private final Accounts accounts;
    private final Pages pages;

    ContactsController(RecoveryPlans plans, Contacts contacts, People people, Accounts accounts, Pages pages) {
        this.plans = plans;
        this.contacts = contacts;
        this.people = people;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/people/{id}/contacts")
    String list(@PathVariable long id, Model model) {
        List<RecoveryPlan.Contact> list = plans.contacts(id);
        PersonSummary person = people.requireReach(id);
        pages.person(model, person, Pages.isThePerson(person), false);
        model.addAttribute("contacts", list);
        model.addAttribute("minutes", list.stream().mapToInt(c -> c.durationMinutes() == null ? 0 : c.durationMinutes())
                .sum());
        return CONTACTS_VIEW;
    }

    @GetMapping("/people/{id}/contacts/new")
    String newContact(@PathVariable long id, Model model) {
        PersonSummary person = people.open(id);
        List<Long> me = new ArrayList<>(List.of(CurrentUser.required().accountId()));
        model.addAttribute("contactForm", new ContactForm(LocalDate.now(ZoneId.of("Europe/London")), null, null, true,
                me, "", new ArrayList<>(), "", 0));
        return form(person, null, model);
    }

    @PostMapping("/people/{id}/contacts")
    String record(@PathVariable long id, @Valid @ModelAttribute ContactForm contactForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        PersonSummary person = people.requireReach(id);
        if (!result.hasErrors()) {
            try {
                contacts.record(id, contactForm.details());
                redirect.addFlashAttribute("flash", "recovery.contact.added");
                return "redirect:/people/" + id + "/contacts";
            } catch (RecoveryGoals.InvalidLinkException e) {
                result.rejectValue("staffIds", "recovery.contact.staff.invalid");
            }
        }
        FormAsTyped.keep(model, "contactForm", contactForm, result);
        return form(person, null, model);
    }

    @GetMapping("/recovery/contacts/{id}")
    String edit(@PathVariable long id, Model model) {
        RecoveryPlan.Contact contact = plans.contact(id);
        PersonSummary person = people.requireReach(plans.personOf(RecordType.CONTACT, id));
        model.addAttribute("contactForm", ContactForm.of(contact));
        return form(person, contact, model);
    }

    @PostMapping("/recovery/contacts/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute ContactForm contactForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.CONTACT, id);
        if (!result.hasErrors()) {
            try {
                contacts.change(id, contactForm.details(), version(contactForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/people/" + personId + "/contacts";
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            } catch (RecoveryGoals.InvalidLinkException e) {
                result.rejectValue("staffIds", "recovery.contact.staff.invalid");
            }
        }
        RecoveryPlan.Contact newer = plans.contact(id);
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        FormAsTyped.keep(model, "contactForm", contactForm, result);
        return form(people.requireReach(personId), newer, model);
    }

    private String form(PersonSummary person, RecoveryPlan.Contact existing, Model model) {
        pages.person(model, person, false, false, new Pages.Crumb(pages.text("recovery.contacts.title"),
                "/people/" + person.id() + "/contacts"));
        model.addAttribute("existing", existing);
        model.addAttribute("kindOptions", pages.options(ContactKind.values(), "recovery.contact.kind."));
        model.addAttribute("practiceOptions", pages.options(Practice.values(), "recovery.practice.choice."));
        model.addAttribute("withOptions", List.of(new Option("true", pages.text("recovery.boolean.true")),
                new Option("false", pages.text("recovery.boolean.false"))));
        model.addAttribute("staffOptions", Option.of(accounts.staffOfTeam(person.teamId()), s -> s.accountId(),
                s -> s.displayName()));
        return CONTACT_FORM_VIEW;
    }
}
