package org.refocus.recovery.web;

import static org.refocus.recovery.web.ValuesController.version;

import jakarta.validation.Valid;
import java.util.List;
import org.refocus.recovery.LifeDomains;
import org.refocus.recovery.web.Forms.LifeDomainForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.FormAsTyped;
import org.refocus.shared.NewerVersion;
import org.refocus.shared.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the life domains of strengths assessments. */
@Controller
@RequestMapping("/admin/life-domains")
class LifeDomainAdminController {

    static final String LIST_VIEW = "recovery/admin-life-domains";
    static final String FORM_VIEW = "recovery/admin-life-domain-form";

    private final LifeDomains domains;
    private final Pages pages;

    LifeDomainAdminController(LifeDomains domains, Pages pages) {
        this.domains = domains;
        this.pages = pages;
    }

    @ModelAttribute("activeOptions")
    List<Option> activeOptions() {
        return List.of(new Option("true", pages.text("recovery.domain.active")),
                new Option("false", pages.text("recovery.domain.retired")));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("domains", domains.all());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newDomain(Model model) {
        model.addAttribute("lifeDomainForm", new LifeDomainForm("", "", null, true, 0));
        model.addAttribute("domainId", null);
        return FORM_VIEW;
    }

    @PostMapping
    String add(@Valid @ModelAttribute LifeDomainForm lifeDomainForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                domains.add(lifeDomainForm.name(), lifeDomainForm.prompt());
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/admin/life-domains";
            } catch (LifeDomains.DuplicateNameException e) {
                result.rejectValue("name", "recovery.domain.name.duplicate");
            }
        }
        FormAsTyped.keep(model, "lifeDomainForm", lifeDomainForm, result);
        model.addAttribute("domainId", null);
        return FORM_VIEW;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("lifeDomainForm", LifeDomainForm.of(domains.domain(id)));
        model.addAttribute("domainId", id);
        return FORM_VIEW;
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute LifeDomainForm lifeDomainForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        domains.domain(id);
        if (lifeDomainForm.position() == null && !result.hasFieldErrors("position")) {
            result.rejectValue("position", "recovery.domain.position.range");
        }
        if (!result.hasErrors()) {
            try {
                domains.change(id, lifeDomainForm.name(), lifeDomainForm.prompt(), lifeDomainForm.position(),
                        !Boolean.FALSE.equals(lifeDomainForm.active()), version(lifeDomainForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/admin/life-domains";
            } catch (LifeDomains.DuplicateNameException e) {
                result.rejectValue("name", "recovery.domain.name.duplicate");
            } catch (ConflictException e) {
                NewerVersion.show(result, "conflict.newer", domains.domain(id), model);
            }
        }
        FormAsTyped.keep(model, "lifeDomainForm", lifeDomainForm, result);
        model.addAttribute("domainId", id);
        return FORM_VIEW;
    }
}
