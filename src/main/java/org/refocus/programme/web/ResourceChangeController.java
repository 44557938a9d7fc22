package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.util.List;
import org.refocus.programme.internal.InvalidInputException;
import org.refocus.programme.internal.ResourceKind;
import org.refocus.programme.internal.Resources;
import org.refocus.programme.internal.Resources.ResourceView;
import org.refocus.programme.web.Forms.ResourceChangeForm;
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

/**
 * Looking after the library: changing a resource, retiring it (after a confirmation page) and bringing it
 * back. Team leaders and trainers. When someone else saved first, the page shows their version and
 * nothing is overwritten.
 */
@Controller
class ResourceChangeController {

    static final String FORM_VIEW = "resources/resource-change-form";
    static final String RETIRE_VIEW = "resources/retire";

    private final Resources resources;
    private final Text text;

    ResourceChangeController(Resources resources, Text text) {
        this.resources = resources;
        this.text = text;
    }

    @GetMapping("/resources/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ResourceView resource = resources.resource(id);
        model.addAttribute("resourceChangeForm", new ResourceChangeForm(resource.kind(), resource.title(),
                resource.summary(), resource.url(), resource.version()));
        return form(resource, null, model);
    }

    @PostMapping("/resources/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute ResourceChangeForm resourceChangeForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ResourceView resource = resources.resource(id);
        ResourceView newer = null;
        if (!result.hasErrors()) {
            ResourceChangeForm form = resourceChangeForm;
            try {
                resources.change(id, new Resources.ResourceChange(form.kind(), form.title(), form.summary(),
                        form.url()), form.version());
                redirect.addFlashAttribute("flash", "resource.changed");
                return "redirect:/resources/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ConflictException e) {
                result.reject("resource.conflict");
                newer = resources.resource(id);
            }
        }
        return form(resource, newer, model);
    }

    @GetMapping("/resources/{id}/retire")
    String confirmRetire(@PathVariable long id, Model model) {
        ResourceView resource = resources.resource(id);
        if (!resource.active()) {
            return "redirect:/resources/" + id;
        }
        return retirePage(resource, null, model);
    }

    @PostMapping("/resources/{id}/retire")
    String retire(@PathVariable long id, @RequestParam(required = false) Integer version, Model model,
            RedirectAttributes redirect) {
        resources.resource(id);
        try {
            resources.retire(id, version == null ? -1 : version);
        } catch (ConflictException e) {
            return retirePage(resources.resource(id), "resource.retire.conflict", model);
        }
        redirect.addFlashAttribute("flash", "resource.retired");
        return "redirect:/resources/" + id;
    }

    /** On a conflict the resource's page opens again, showing what someone else saved and the problem. */
    @PostMapping("/resources/{id}/restore")
    String bringBack(@PathVariable long id, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        resources.resource(id);
        try {
            resources.bringBack(id, version == null ? -1 : version);
            redirect.addFlashAttribute("flash", "resource.restored");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "resource.restore.conflict");
        }
        return "redirect:/resources/" + id;
    }

    private String form(ResourceView resource, ResourceView newer, Model model) {
        model.addAttribute("resource", resource);
        model.addAttribute("newer", newer);
        model.addAttribute("kindOptions", text.options(ResourceKind.values(), "resource.kind."));
        model.addAttribute("crumbs", crumbs(resource));
        return FORM_VIEW;
    }

    private String retirePage(ResourceView resource, String problem, Model model) {
        model.addAttribute("resource", resource);
        model.addAttribute("problem", problem);
        model.addAttribute("peopleOfferedTo", resources.peopleOfferedTo(resource.id()));
        model.addAttribute("crumbs", crumbs(resource));
        return RETIRE_VIEW;
    }

    private List<Crumb> crumbs(ResourceView resource) {
        return List.of(new Crumb(text.get("nav.home"), "/"), new Crumb(text.get("resources.title"), "/resources"),
                new Crumb(resource.title(), "/resources/" + resource.id()));
    }
}
