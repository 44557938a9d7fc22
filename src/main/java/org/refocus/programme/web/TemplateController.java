package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.refocus.organisation.OrganisationView;
import org.refocus.organisation.Organisations;
import org.refocus.programme.internal.ActivityKind;
import org.refocus.programme.internal.Audience;
import org.refocus.programme.internal.Component;
import org.refocus.programme.internal.InvalidInputException;
import org.refocus.programme.internal.ProgrammeTemplates;
import org.refocus.programme.internal.ProgrammeTemplates.ActivityInput;
import org.refocus.programme.internal.ProgrammeTemplates.TemplateActivity;
import org.refocus.programme.internal.ProgrammeTemplates.TemplateSummary;
import org.refocus.programme.web.Forms.ActivityForm;
import org.refocus.programme.web.Forms.TemplateCopyForm;
import org.refocus.programme.web.Forms.TemplateForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.FormAsTyped;
import org.refocus.shared.NewerVersion;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of programme templates: the default is read-only; organisations copy and adapt it. */
@Controller
class TemplateController {

    static final String LIST_VIEW = "programme/templates";
    static final String VIEW = "programme/template";
    static final String COPY_VIEW = "programme/template-copy";
    static final String FORM_VIEW = "programme/template-form";
    static final String ACTIVITY_VIEW = "programme/template-activity-form";

    private final ProgrammeTemplates templates;
    private final Organisations organisations;
    private final Text text;

    TemplateController(ProgrammeTemplates templates, Organisations organisations, Text text) {
        this.templates = templates;
        this.organisations = organisations;
        this.text = text;
    }

    record ActivityRow(long id, int month, String title, String component, String kind, int target, String audience) {
    }

    @GetMapping("/programme/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return LIST_VIEW;
    }

    @GetMapping("/programme/templates/{id}")
    String template(@PathVariable long id, Model model) {
        TemplateSummary template = templates.template(id);
        List<ActivityRow> rows = new ArrayList<>();
        for (TemplateActivity a : templates.activities(id)) {
            rows.add(new ActivityRow(a.id(), a.month(), a.title(), text.get("component." + a.component()),
                    text.get("kind." + a.kind()), a.targetCount(), text.get("audience." + a.audience())));
        }
        model.addAttribute("template", template);
        model.addAttribute("activities", rows);
        model.addAttribute("crumbs", crumbs());
        return VIEW;
    }

    @GetMapping("/programme/templates/{id}/copy")
    String copyForm(@PathVariable long id, Model model) {
        TemplateSummary template = templates.template(id);
        model.addAttribute("templateCopyForm", new TemplateCopyForm(null, text.get("template.copy.defaultName",
                template.name())));
        return copy(template, model);
    }

    @PostMapping("/programme/templates/{id}/copy")
    String copy(@PathVariable long id, @Valid @ModelAttribute("templateCopyForm") TemplateCopyForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        TemplateSummary template = templates.template(id);
        if (!result.hasErrors()) {
            try {
                long copy = templates.copy(id, form.organisationId(), form.name());
                redirect.addFlashAttribute("flash", "template.copied");
                return "redirect:/programme/templates/" + copy;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (NotFoundException e) {
                result.rejectValue("organisationId", "template.organisation.required");
            }
        }
        return copy(template, model);
    }

    @GetMapping("/programme/templates/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        TemplateSummary template = editable(id);
        model.addAttribute("templateForm", new TemplateForm(template.name(), template.description(),
                template.durationMonths(), template.version()));
        return form(template, model);
    }

    @PostMapping("/programme/templates/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("templateForm") TemplateForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        TemplateSummary template = editable(id);
        if (!result.hasErrors()) {
            try {
                templates.update(id, form.name(), form.description(), form.durationMonths(), form.version());
                redirect.addFlashAttribute("flash", "template.saved");
                return "redirect:/programme/templates/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ConflictException e) {
                template = NewerVersion.show(result, "conflict.newer", editable(id), model);
            }
        }
        FormAsTyped.keep(model, "templateForm", form, result);
        return form(template, model);
    }

    @GetMapping("/programme/templates/{id}/activities/new")
    String newActivity(@PathVariable long id, @RequestParam(required = false) Integer month, Model model) {
        TemplateSummary template = editable(id);
        model.addAttribute("activityForm", new ActivityForm(null, null, "", 1, Audience.STAFF, month == null ? 1 : month, 0));
        return activity(template, null, model);
    }

    @PostMapping("/programme/templates/{id}/activities")
    String addActivity(@PathVariable long id, @Valid @ModelAttribute("activityForm") ActivityForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        TemplateSummary template = editable(id);
        if (!result.hasErrors()) {
            try {
                templates.addActivity(id, input(form));
                redirect.addFlashAttribute("flash", "template.saved");
                return "redirect:/programme/templates/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        FormAsTyped.keep(model, "activityForm", form, result);
        return activity(template, null, model);
    }

    @GetMapping("/programme/template-activities/{id}")
    String editActivity(@PathVariable long id, Model model) {
        TemplateActivity a = templates.activity(id);
        TemplateSummary template = editable(a.templateId());
        model.addAttribute("activityForm", new ActivityForm(a.component(), a.kind(), a.title(), a.targetCount(),
                a.audience(), a.month(), a.version()));
        return activity(template, a, model);
    }

    @PostMapping("/programme/template-activities/{id}")
    String updateActivity(@PathVariable long id, @Valid @ModelAttribute("activityForm") ActivityForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        TemplateActivity a = templates.activity(id);
        TemplateSummary template = editable(a.templateId());
        if (!result.hasErrors()) {
            try {
                templates.updateActivity(id, input(form), form.version());
                redirect.addFlashAttribute("flash", "template.saved");
                return "redirect:/programme/templates/" + template.id();
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ConflictException e) {
                a = NewerVersion.show(result, "conflict.newer", templates.activity(id), model);
            }
        }
        FormAsTyped.keep(model, "activityForm", form, result);
        return activity(template, a, model);
    }

    @PostMapping("/programme/template-activities/{id}/remove")
    String removeActivity(@PathVariable long id, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        TemplateActivity a = templates.activity(id);
        editable(a.templateId());
        try {
            templates.removeActivity(id, version == null ? -1 : version);
            redirect.addFlashAttribute("flash", "template.activityRemoved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "template.activityChanged");
        }
        return "redirect:/programme/templates/" + a.templateId();
    }

    private TemplateSummary editable(long id) {
        TemplateSummary template = templates.template(id);
        if (template.isDefault()) {
            throw new NotFoundException("editable programme template");
        }
        return template;
    }

    private static ActivityInput input(ActivityForm f) {
        return new ActivityInput(f.component(), f.kind(), f.title(), f.targetCount(), f.audience(), f.month());
    }

    private String copy(TemplateSummary template, Model model) {
        List<Option> options = new ArrayList<>();
        options.add(text.none());
        options.addAll(Option.of(organisations.organisations(), OrganisationView::id, OrganisationView::name));
        model.addAttribute("template", template);
        model.addAttribute("organisationOptions", options);
        model.addAttribute("crumbs", crumbs(template));
        return COPY_VIEW;
    }

    private String form(TemplateSummary template, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("crumbs", crumbs(template));
        return FORM_VIEW;
    }

    private String activity(TemplateSummary template, TemplateActivity activity, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("activity", activity);
        List<Option> components = new ArrayList<>(List.of(text.none()));
        components.addAll(text.options(Component.values(), "component."));
        List<Option> kinds = new ArrayList<>(List.of(text.none()));
        kinds.addAll(text.options(ActivityKind.values(), "kind."));
        model.addAttribute("componentOptions", components);
        model.addAttribute("kindOptions", kinds);
        model.addAttribute("audienceOptions", text.options(Audience.values(), "audience."));
        model.addAttribute("crumbs", crumbs(template));
        return ACTIVITY_VIEW;
    }

    private List<Crumb> crumbs() {
        return List.of(new Crumb(text.get("admin.title"), "/admin"),
                new Crumb(text.get("templates.title"), "/programme/templates"));
    }

    private List<Crumb> crumbs(TemplateSummary template) {
        List<Crumb> crumbs = new ArrayList<>(crumbs());
        crumbs.add(new Crumb(template.name(), "/programme/templates/" + template.id()));
        return crumbs;
    }
}
