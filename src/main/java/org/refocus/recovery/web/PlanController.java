package org.refocus.recovery.web;

import org.refocus.measures.Measures;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.RecoveryPlans;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.PageOf;
import org.refocus.shared.Pagination;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The recovery plan page, its PDF and its history. */
@Controller
class PlanController {

    static final String PLAN_VIEW = "recovery/plan";
    static final String HISTORY_VIEW = "recovery/history";
    private static final int HISTORY_PAGE_SIZE = 25;

    private final RecoveryPlans plans;
    private final Pages pages;
    private final PlanPdf pdf;
    private final People people;
    private final Measures measures;

    PlanController(RecoveryPlans plans, Pages pages, PlanPdf pdf, People people, Measures measures) {
        this.plans = plans;
        this.pages = pages;
        this.pdf = pdf;
        this.people = people;
        this.measures = measures;
    }

    @GetMapping("/people/{id}/plan")
    String plan(@PathVariable long id, Model model) {
        pages.plan(model, plans.plan(id), false);
        // Questionnaires feed the plan: support the person said matters but rated low sits beside their goals.
        model.addAttribute("supportGaps", measures.supportGaps(id));
        return PLAN_VIEW;
    }

    @GetMapping("/people/{id}/plan.pdf")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        byte[] document = pdf.render(plans.export(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("recovery-plan.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document);
    }

    /** {@code item} narrows the history to one item, as {@code type-id} (for example {@code recovery_goal-12}). */
    @GetMapping("/people/{id}/plan/history")
    String history(@PathVariable long id, @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page, Model model) {
        RecordType type = null;
        Long recordId = null;
        if (item != null && !item.isBlank()) {
            int dash = item.lastIndexOf('-');
            try {
                type = RecordType.ofCode(item.substring(0, Math.max(dash, 0)));
                recordId = Long.parseLong(item.substring(dash + 1));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new NotFoundException("recovery_history");
            }
            if (plans.personOf(type, recordId) != id) {
                throw new NotFoundException("recovery_history");
            }
        }
        PageOf<RecoveryPlan.Change> changes = plans.history(id, type, recordId, PageOf.clampNumber(page),
                HISTORY_PAGE_SIZE);
        PersonSummary person = people.requireReach(id);
        pages.person(model, person, Pages.isThePerson(person), true);
        model.addAttribute("changes", changes);
        model.addAttribute("item", item);
        String itemParam = item == null || item.isBlank() ? "" : "item=" + item + "&";
        model.addAttribute("pagination", Pagination.of(changes,
                n -> "/people/" + id + "/plan/history?" + itemParam + "page=" + n));
        return HISTORY_VIEW;
    }
}
