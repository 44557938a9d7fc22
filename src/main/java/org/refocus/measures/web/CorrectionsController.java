package org.refocus.measures.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.MeasureResponses;
import org.refocus.measures.internal.ResponseCorrections;
import org.refocus.measures.internal.ResponseImports;
import org.refocus.measures.internal.ResponseView;
import org.refocus.people.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff putting right a response that should not count (one response, or a whole import), after a
 * page that says what will happen and asks why. Nothing is deleted: see {@link ResponseCorrections}.
 */
@Controller
class CorrectionsController {

    static final String RESPONSE_VIEW = "measures/entered-in-error";
    static final String IMPORT_VIEW = "measures/import-withdraw";

    private final ResponseCorrections corrections;
    private final MeasureResponses responses;
    private final ResponseImports imports;
    private final InstrumentLibrary library;
    private final People people;

    CorrectionsController(ResponseCorrections corrections, MeasureResponses responses, ResponseImports imports,
            InstrumentLibrary library, People people) {
        this.corrections = corrections;
        this.responses = responses;
        this.imports = imports;
        this.library = library;
        this.people = people;
    }

    record CorrectionForm(@NotBlank(message = "{measures.correction.reason.required}")
            @Size(max = 500, message = "{field.tooLong}") String reason, Integer version) {
    }

    @GetMapping("/measures/responses/{id}/entered-in-error")
    String confirmResponse(@PathVariable long id, Model model) {
        ResponseView response = responses.open(id);
        model.addAttribute("correctionForm", new CorrectionForm(null, response.version()));
        return responsePage(response, model);
    }

    @PostMapping("/measures/responses/{id}/entered-in-error")
    String markResponse(@PathVariable long id, @Valid @ModelAttribute("correctionForm") CorrectionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors() || form.version() == null) {
            return responsePage(responses.find(id), model);
        }
        corrections.markEnteredInError(id, form.version(), form.reason());
        redirect.addFlashAttribute("flash", "measures.correction.responseDone");
        return "redirect:/measures/responses/" + id;
    }

    @GetMapping("/measures/imports/{id}/withdraw")
    String confirmWithdrawal(@PathVariable long id, Model model) {
        model.addAttribute("correctionForm", new CorrectionForm(null, null));
        return importPage(id, model);
    }

    @PostMapping("/measures/imports/{id}/withdraw")
    String withdraw(@PathVariable long id, @Valid @ModelAttribute("correctionForm") CorrectionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return importPage(id, model);
        }
        corrections.withdrawImport(id, form.reason());
        redirect.addFlashAttribute("flash", "measures.correction.importDone");
        return "redirect:/measures/imports/" + id;
    }

    private String responsePage(ResponseView response, Model model) {
        if (!response.status().equals("COMPLETED")) {
            return "redirect:/measures/responses/" + response.id();
        }
        model.addAttribute("response", response);
        model.addAttribute("person", people.requireReach(response.personId()));
        model.addAttribute("instrument", library.version(response.versionId()).definition());
        model.addAttribute("completedAt", MeasureTexts.dayTime(response.completedAt()));
        return RESPONSE_VIEW;
    }

    private String importPage(long id, Model model) {
        ResponseImports.JobView job = imports.job(id);
        if (!job.status().equals("SUCCEEDED")) {
            return "redirect:/measures/imports/" + id;
        }
        model.addAttribute("job", job);
        return IMPORT_VIEW;
    }
}
