package org.refocus.recovery.web;

import jakarta.validation.Valid;
import org.refocus.recovery.PreferenceArea;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.RecoveryPlans;
import org.refocus.recovery.ValuesAndPreferences;
import org.refocus.recovery.Voice;
import org.refocus.recovery.web.Forms.CrisisContactForm;
import org.refocus.recovery.web.Forms.CrisisPlanForm;
import org.refocus.recovery.web.Forms.PreferenceForm;
import org.refocus.recovery.web.Forms.ValueForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What matters to the person (values), their treatment and care preferences, and the crisis section. */
@Controller
class ValuesController {

    static final String VALUES_VIEW = "recovery/values";
    static final String VALUE_FORM_VIEW = "recovery/value-form";
    static final String PREFERENCES_VIEW = "recovery/preferences";
    static final String PREFERENCE_FORM_VIEW = "recovery/preference-form";
    static final String CRISIS_CONTACT_FORM_VIEW = "recovery/crisis-contact-form";
    static final String CRISIS_PLAN_FORM_VIEW = "recovery/crisis-plan-form";

    private final RecoveryPlans plans;
    private final ValuesAndPreferences values;
    private final Pages pages;

    ValuesController(RecoveryPlans plans, ValuesAndPreferences values, Pages pages) {
        this.plans = plans;
        this.values = values;
        this.pages = pages;
    }

    // Values

    @GetMapping("/people/{id}/values")
    String values(@PathVariable long id, Model model) {
        model.addAttribute("valueForm", ValueForm.empty());
        return valuesPage(id, model);
    }

    @PostMapping("/people/{id}/values")
    String addValue(@PathVariable long id, @Valid @ModelAttribute ValueForm valueForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return valuesPage(id, model);
        }
        values.addValue(id, valueForm.words());
        redirect.addFlashAttribute("flash", "recovery.value.added");
        return "redirect:/people/" + id + "/values";
    }

    @GetMapping("/recovery/values/{id}")
    String editValue(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.VALUE, id), RecordType.VALUE, id);
        model.addAttribute("valueForm", ValueForm.of(found(plan.value(id))));
        return valueForm(plan, id, model);
    }

    @PostMapping("/recovery/values/{id}")
    String changeValue(@PathVariable long id, @Valid @ModelAttribute ValueForm valueForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.VALUE, id);
        if (!result.hasErrors()) {
            try {
                values.changeValue(id, valueForm.words(), version(valueForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/people/" + personId + "/values";
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan plan = plans.section(personId, RecordType.VALUE, id);
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", found(plan.value(id)));
        }
        return valueForm(plan, id, model);
    }

    @PostMapping("/recovery/values/{id}/move")
    String moveValue(@PathVariable long id, @RequestParam String direction, @RequestParam int version,
            RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.VALUE, id);
        try {
            values.moveValue(id, "up".equals(direction), version);
            redirect.addFlashAttribute("flash", "recovery.value.moved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "recovery.value.moveConflict");
        }
        return "redirect:/people/" + personId + "/values";
    }

    @PostMapping("/recovery/values/{id}/remove")
    String removeValue(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.VALUE, id);
        return removed(() -> values.removeValue(id, version), "recovery.value.removed", redirect,
                "/people/" + personId + "/values", new RemovedItem("/recovery/values/" + id + "/restore", version + 1));
    }

    @PostMapping("/recovery/values/{id}/restore")
    String restoreValue(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.VALUE, id);
        return restored(() -> values.restoreValue(id, version), redirect, "/people/" + personId + "/values");
    }

    private String valuesPage(long personId, Model model) {
        pages.plan(model, plans.section(personId, RecordType.VALUE, null), true);
        return VALUES_VIEW;
    }

    private String valueForm(RecoveryPlan plan, long valueId, Model model) {
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.values.title"),
                "/people/" + plan.person().id() + "/values"));
        model.addAttribute("valueId", valueId);
        return VALUE_FORM_VIEW;
    }

    // Preferences

    @GetMapping("/people/{id}/preferences")
    String preferences(@PathVariable long id, Model model) {
        pages.plan(model, plans.section(id, RecordType.PREFERENCE, null), true);
        return PREFERENCES_VIEW;
    }

    @GetMapping("/people/{id}/preferences/new")
    String newPreference(@PathVariable long id, @RequestParam(required = false) PreferenceArea area, Model model) {
        RecoveryPlan plan = plans.section(id, RecordType.PREFERENCE, null);
        model.addAttribute("preferenceForm", new PreferenceForm(area, "", Voice.PERSON, 0));
        return preferenceForm(plan, null, model);
    }

    @PostMapping("/people/{id}/preferences")
    String addPreference(@PathVariable long id, @Valid @ModelAttribute PreferenceForm preferenceForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return preferenceForm(plans.section(id, RecordType.PREFERENCE, null), null, model);
        }
        values.addPreference(id, preferenceForm.area(), preferenceForm.words(), preferenceForm.voice());
        redirect.addFlashAttribute("flash", "recovery.saved");
        return "redirect:/people/" + id + "/preferences";
    }

    @GetMapping("/recovery/preferences/{id}")
    String editPreference(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.PREFERENCE, id), RecordType.PREFERENCE, id);
        RecoveryPlan.Preference preference = found(preference(plan, id));
        mayChange(preference.canEdit());
        model.addAttribute("preferenceForm", PreferenceForm.of(preference));
        return preferenceForm(plan, preference, model);
    }

    @PostMapping("/recovery/preferences/{id}")
    String changePreference(@PathVariable long id, @Valid @ModelAttribute PreferenceForm preferenceForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.PREFERENCE, id);
        if (!result.hasErrors()) {
            try {
                values.changePreference(id, preferenceForm.area(), preferenceForm.words(),
                        preferenceForm.voice() == null ? Voice.PERSON : preferenceForm.voice(),
                        version(preferenceForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/people/" + personId + "/preferences";
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan plan = plans.section(personId, RecordType.PREFERENCE, id);
        RecoveryPlan.Preference newer = found(preference(plan, id));
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        return preferenceForm(plan, newer, model);
    }

    @PostMapping("/recovery/preferences/{id}/remove")
    String removePreference(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.PREFERENCE, id);
        return removed(() -> values.removePreference(id, version), "recovery.preference.removed", redirect,
                "/people/" + personId + "/preferences",
                new RemovedItem("/recovery/preferences/" + id + "/restore", version + 1));
    }

    @PostMapping("/recovery/preferences/{id}/restore")
    String restorePreference(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.PREFERENCE, id);
        return restored(() -> values.restorePreference(id, version), redirect, "/people/" + personId + "/preferences");
    }

    private String preferenceForm(RecoveryPlan plan, RecoveryPlan.Preference existing, Model model) {
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.preferences.title"),
                "/people/" + plan.person().id() + "/preferences"));
        model.addAttribute("existing", existing);
        model.addAttribute("areaOptions", pages.options(PreferenceArea.values(), "recovery.preference.area."));
        model.addAttribute("voiceOptions", pages.options(Voice.values(), "recovery.voice.choice."));
        return PREFERENCE_FORM_VIEW;
    }

    private static RecoveryPlan.Preference preference(RecoveryPlan plan, long id) {
        return plan.preferences().stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    // Crisis contacts and the crisis plan

    @GetMapping("/people/{id}/crisis-contacts/new")
    String newCrisisContact(@PathVariable long id, Model model) {
        model.addAttribute("crisisContactForm", CrisisContactForm.empty());
        return crisisContactForm(plans.section(id, RecordType.CRISIS_CONTACT, null), null, model);
    }

    @PostMapping("/people/{id}/crisis-contacts")
    String addCrisisContact(@PathVariable long id, @Valid @ModelAttribute CrisisContactForm crisisContactForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return crisisContactForm(plans.section(id, RecordType.CRISIS_CONTACT, null), null, model);
        }
        values.addCrisisContact(id, crisisContactForm.details());
        redirect.addFlashAttribute("flash", "recovery.saved");
        return "redirect:/people/" + id + "/preferences#crisis";
    }

    @GetMapping("/recovery/crisis-contacts/{id}")
    String editCrisisContact(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.CRISIS_CONTACT, id), RecordType.CRISIS_CONTACT,
                id);
        RecoveryPlan.CrisisContact contact = found(crisisContact(plan, id));
        model.addAttribute("crisisContactForm", CrisisContactForm.of(contact));
        return crisisContactForm(plan, contact, model);
    }

    @PostMapping("/recovery/crisis-contacts/{id}")
    String changeCrisisContact(@PathVariable long id, @Valid @ModelAttribute CrisisContactForm crisisContactForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.CRISIS_CONTACT, id);
        if (!result.hasErrors()) {
            try {
                values.changeCrisisContact(id, crisisContactForm.details(), version(crisisContactForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/people/" + personId + "/preferences#crisis";
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan plan = plans.section(personId, RecordType.CRISIS_CONTACT, id);
        RecoveryPlan.CrisisContact newer = found(crisisContact(plan, id));
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        return crisisContactForm(plan, newer, model);
    }

    @PostMapping("/recovery/crisis-contacts/{id}/remove")
    String removeCrisisContact(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.CRISIS_CONTACT, id);
        // To the top of the page, not #crisis: the "Contact removed" banner and its "Undo" are there, in view.
        return removed(() -> values.removeCrisisContact(id, version), "recovery.crisisContact.removed", redirect,
                "/people/" + personId + "/preferences",
                new RemovedItem("/recovery/crisis-contacts/" + id + "/restore", version + 1));
    }

    @PostMapping("/recovery/crisis-contacts/{id}/restore")
    String restoreCrisisContact(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.CRISIS_CONTACT, id);
        return restored(() -> values.restoreCrisisContact(id, version), redirect,
                "/people/" + personId + "/preferences#crisis");
    }

    private String crisisContactForm(RecoveryPlan plan, RecoveryPlan.CrisisContact existing, Model model) {
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.preferences.title"),
                "/people/" + plan.person().id() + "/preferences"));
        model.addAttribute("existing", existing);
        return CRISIS_CONTACT_FORM_VIEW;
    }

    private static RecoveryPlan.CrisisContact crisisContact(RecoveryPlan plan, long id) {
        return plan.crisisContacts().stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    @GetMapping("/people/{id}/crisis-plan")
    String crisisPlan(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(id, RecordType.CRISIS_PLAN, null);
        model.addAttribute("crisisPlanForm", CrisisPlanForm.of(plan.crisisPlan()));
        return crisisPlanForm(plan, model);
    }

    @PostMapping("/people/{id}/crisis-plan")
    String saveCrisisPlan(@PathVariable long id, @Valid @ModelAttribute CrisisPlanForm crisisPlanForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (Boolean.TRUE.equals(crisisPlanForm.advanceStatement()) && crisisPlanForm.madeOn() == null
                && !result.hasFieldErrors("madeOn")) {
            result.rejectValue("madeOn", "recovery.crisisPlan.madeOn.required");
        }
        if (!result.hasErrors()) {
            try {
                values.saveCrisisPlan(id, crisisPlanForm.advanceStatement(), crisisPlanForm.madeOn(),
                        crisisPlanForm.anythingElse(), crisisPlanForm.version());
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/people/" + id + "/preferences#crisis";
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan plan = plans.section(id, RecordType.CRISIS_PLAN, null);
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", plan.crisisPlan());
        }
        return crisisPlanForm(plan, model);
    }

    private String crisisPlanForm(RecoveryPlan plan, Model model) {
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.preferences.title"),
                "/people/" + plan.person().id() + "/preferences"));
        model.addAttribute("yesNoOptions", java.util.List.of(
                new org.refocus.shared.Option("true", pages.text("recovery.boolean.true")),
                new org.refocus.shared.Option("false", pages.text("recovery.boolean.false"))));
        return CRISIS_PLAN_FORM_VIEW;
    }

    static <T> T found(T item) {
        if (item == null) {
            throw new NotFoundException("recovery item");
        }
        return item;
    }

    /** Editing forms are shown only to those who may save them. */
    static void mayChange(boolean canEdit) {
        if (!canEdit) {
            throw new org.springframework.security.access.AccessDeniedException("not the viewer's to change");
        }
    }

    /** A form without a version is out of date: treat it as a conflict rather than guess. */
    static int version(Integer version) {
        if (version == null) {
            throw new ConflictException("form");
        }
        return version;
    }

    /**
     * Removes an item (never deletes: it is marked removed) and says so, offering to put it back at once
     * (removing is one tap: it must be undoable), or says someone changed it first.
     */
    private static String removed(Runnable remove, String doneKey, RedirectAttributes redirect, String back,
            RemovedItem undo) {
        try {
            remove.run();
            redirect.addFlashAttribute("flash", doneKey);
            redirect.addFlashAttribute("removedItem", undo);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "recovery.removeConflict");
        }
        return "redirect:" + back;
    }

    /** Puts a just-removed item back, or says it was changed since and so was not put back. */
    private static String restored(Runnable restore, RedirectAttributes redirect, String back) {
        try {
            restore.run();
            redirect.addFlashAttribute("flash", "recovery.restored");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "recovery.restoreConflict");
        }
        return "redirect:" + back;
    }

    /** An item just removed, which the next page offers to put back: where to send it, at which version. */
    record RemovedItem(String restorePath, int version) implements java.io.Serializable {
    }
}
