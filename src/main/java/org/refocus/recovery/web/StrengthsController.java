package org.refocus.recovery.web;

import static org.refocus.recovery.web.ValuesController.mayChange;
import static org.refocus.recovery.web.ValuesController.version;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.RecoveryPlans;
import org.refocus.recovery.StrengthsAssessments;
import org.refocus.recovery.web.Forms.EntryForm;
import org.refocus.recovery.web.Forms.StartAssessmentForm;
import org.refocus.recovery.web.Forms.SummaryForm;
import org.refocus.shared.ConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Strengths assessments across life domains: the latest, earlier ones, reassessment and comparison. */
@Controller
class StrengthsController {

    static final String STRENGTHS_VIEW = "recovery/strengths";
    static final String ENTRY_FORM_VIEW = "recovery/strength-entry-form";
    static final String SUMMARY_FORM_VIEW = "recovery/strengths-summary-form";
    static final String COMPARE_VIEW = "recovery/strengths-compare";

    private final RecoveryPlans plans;
    private final StrengthsAssessments strengths;
    private final Pages pages;

    StrengthsController(RecoveryPlans plans, StrengthsAssessments strengths, Pages pages) {
        this.plans = plans;
        this.strengths = strengths;
        this.pages = pages;
    }

    @GetMapping("/people/{id}/strengths")
    String latest(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(id, RecordType.STRENGTHS_ASSESSMENT, null);
        model.addAttribute("startAssessmentForm", new StartAssessmentForm(LocalDate.now(ZoneId.of("Europe/London"))));
        return page(plan, plan.strengths(), model);
    }

    @PostMapping("/people/{id}/strengths")
    String start(@PathVariable long id, @Valid @ModelAttribute StartAssessmentForm startAssessmentForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            RecoveryPlan plan = plans.section(id, RecordType.STRENGTHS_ASSESSMENT, null);
            return page(plan, plan.strengths(), model);
        }
        long assessment = strengths.start(id, startAssessmentForm.assessedOn());
        redirect.addFlashAttribute("flash", "recovery.strengths.started");
        return "redirect:/recovery/strengths/" + assessment;
    }

    @GetMapping("/recovery/strengths/{id}")
    String assessment(@PathVariable long id, Model model) {
        RecoveryPlan.Assessment assessment = plans.assessment(id);
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.STRENGTHS_ASSESSMENT, id),
                RecordType.STRENGTHS_ASSESSMENT, id);
        model.addAttribute("startAssessmentForm", new StartAssessmentForm(LocalDate.now(ZoneId.of("Europe/London"))));
        return page(plan, assessment, model);
    }

    private String page(RecoveryPlan plan, RecoveryPlan.Assessment shown, Model model) {
        pages.plan(model, plan, true);
        model.addAttribute("assessment", shown);
        model.addAttribute("isLatest", shown != null && plan.strengths() != null
                && shown.id() == plan.strengths().id());
        return STRENGTHS_VIEW;
    }

    @GetMapping("/people/{id}/strengths/compare")
    String compare(@PathVariable long id, @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to, Model model) {
        RecoveryPlan plan = plans.section(id, RecordType.STRENGTHS_ASSESSMENT, null);
        if (plan.assessments().size() < 2) {
            return "redirect:/people/" + id + "/strengths";
        }
        long newer = to != null ? to : plan.assessments().get(0).id();
        long older = from != null ? from : plan.assessments().get(1).id();
        model.addAttribute("comparison", plans.compare(id, older, newer));
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.strengths.title"),
                "/people/" + id + "/strengths"));
        return COMPARE_VIEW;
    }

    @GetMapping("/recovery/strength-entries/{id}")
    String editEntry(@PathVariable long id, Model model) {
        RecoveryPlan.StrengthEntry entry = entry(id);
        mayChange(entry.canEdit());
        model.addAttribute("entryForm", EntryForm.of(entry));
        return entryForm(entry, model);
    }

    @PostMapping("/recovery/strength-entries/{id}")
    String changeEntry(@PathVariable long id, @Valid @ModelAttribute EntryForm entryForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                strengths.changeEntry(id, entryForm.details(), version(entryForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                RecoveryPlan.StrengthEntry saved = entry(id);
                return "redirect:/recovery/strengths/" + saved.assessmentId() + "#domain-" + saved.domainId();
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan.StrengthEntry newer = entry(id);
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        return entryForm(newer, model);
    }

    private RecoveryPlan.StrengthEntry entry(long entryId) {
        return plans.strengthEntry(entryId);
    }

    private String entryForm(RecoveryPlan.StrengthEntry entry, Model model) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.STRENGTH_ENTRY, entry.id()),
                RecordType.STRENGTH_ENTRY, entry.id());
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.strengths.title"),
                "/recovery/strengths/" + entry.assessmentId()));
        model.addAttribute("entry", entry);
        return ENTRY_FORM_VIEW;
    }

    @GetMapping("/recovery/strengths/{id}/summary")
    String editSummary(@PathVariable long id, Model model) {
        RecoveryPlan.Assessment assessment = plans.assessment(id);
        model.addAttribute("summaryForm", SummaryForm.of(assessment));
        return summaryForm(assessment, model);
    }

    @PostMapping("/recovery/strengths/{id}/summary")
    String changeSummary(@PathVariable long id, @Valid @ModelAttribute SummaryForm summaryForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                strengths.changeSummary(id, summaryForm.assessedOn(), summaryForm.agreedSummary(),
                        version(summaryForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/recovery/strengths/" + id;
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan.Assessment newer = plans.assessment(id);
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        return summaryForm(newer, model);
    }

    private String summaryForm(RecoveryPlan.Assessment assessment, Model model) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.STRENGTHS_ASSESSMENT, assessment.id()),
                RecordType.STRENGTHS_ASSESSMENT, assessment.id());
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.strengths.title"),
                "/recovery/strengths/" + assessment.id()));
        model.addAttribute("assessment", assessment);
        return SUMMARY_FORM_VIEW;
    }
}
