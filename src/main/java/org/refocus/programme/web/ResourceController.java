package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.programme.internal.InvalidInputException;
import org.refocus.programme.internal.ResourceKind;
import org.refocus.programme.internal.Resources;
import org.refocus.programme.internal.Resources.FileContent;
import org.refocus.programme.internal.Resources.ResourceView;
import org.refocus.programme.internal.TeamProgrammes;
import org.refocus.programme.web.Forms.OfferForm;
import org.refocus.programme.web.Forms.ResourceForm;
import org.refocus.shared.Option;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The resource library, downloads, and each person's page of resources offered to them. Files are always
 * served as attachments with the stored (allow-listed) type and {@code nosniff}, never rendered inline.
 */
@Controller
class ResourceController {

    static final String LIBRARY_VIEW = "resources/index";
    static final String FORM_VIEW = "resources/resource-form";
    static final String VIEW = "resources/resource";
    static final String PERSON_VIEW = "resources/person-resources";

    private final Resources resources;
    private final People people;
    private final TeamProgrammes programmes;
    private final Text text;

    ResourceController(Resources resources, People people, TeamProgrammes programmes, Text text) {
        this.resources = resources;
        this.people = people;
        this.programmes = programmes;
        this.text = text;
    }

    /** The library; {@code ?show=retired} lists the retired resources instead. */
    @GetMapping("/resources")
    String library(@RequestParam(required = false) String show, Model model) {
        boolean retired = "retired".equals(show);
        model.addAttribute("resources", retired ? resources.retired() : resources.library());
        model.addAttribute("showingRetired", retired);
        model.addAttribute("canAdd", resources.canManage());
        model.addAttribute("crumbs", retired ? List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("resources.title"), "/resources")) : List.of());
        return LIBRARY_VIEW;
    }

    @GetMapping("/resources/new")
    String newResource(Model model) {
        model.addAttribute("resourceForm", new ResourceForm(null, null, "", "", "", null));
        return form(resources.organisationsForNew(), model);
    }

    /** When the user's teams belong to more than one organisation, the form asks which one it is for. */
    @PostMapping("/resources")
    String add(@Valid @ModelAttribute("resourceForm") ResourceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) throws IOException {
        Map<Long, String> organisations = resources.organisationsForNew();
        if (organisations.size() > 1 && !organisations.containsKey(form.organisationId())) {
            result.rejectValue("organisationId", "resource.organisation.required");
        }
        if (!result.hasErrors()) {
            try {
                boolean hasFile = form.file() != null && !form.file().isEmpty();
                long id = resources.add(new Resources.NewResource(form.organisationId(), form.kind(), form.title(),
                        form.summary(), form.url(), hasFile ? form.file().getOriginalFilename() : null,
                        hasFile ? form.file().getBytes() : null));
                redirect.addFlashAttribute("flash", "resource.saved");
                return "redirect:/resources/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey(), new Object[] {limit()}, null);
            }
        }
        return form(organisations, model);
    }

    /** A resource; a {@code problem} flash attribute (a message key) shows as an error summary. */
    @GetMapping("/resources/{id}")
    String resource(@PathVariable long id, Model model) {
        ResourceView resource = resources.resource(id);
        model.addAttribute("resource", resource);
        model.addAttribute("canManage", resources.canManage());
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"), resource.active()
                ? new Crumb(text.get("resources.title"), "/resources")
                : new Crumb(text.get("resources.retired.title"), "/resources?show=retired")));
        return VIEW;
    }

    @GetMapping("/resources/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        FileContent file = resources.file(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .contentLength(file.content().length)
                .body(file.content());
    }

    @GetMapping("/people/{id}/resources")
    String personResources(@PathVariable long id, Model model) {
        model.addAttribute("offers", resources.offersTo(id));
        if (CurrentUser.required().role().isTeamStaff()) {
            model.addAttribute("offerForm", new OfferForm(null, programmes.today(), ""));
        }
        return person(id, model);
    }

    @PostMapping("/people/{id}/resources")
    String offer(@PathVariable long id, @Valid @ModelAttribute("offerForm") OfferForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        people.requireReach(id);
        if (!CurrentUser.required().role().isTeamStaff()) {
            throw new org.refocus.shared.NotFoundException("person");
        }
        if (!result.hasErrors()) {
            try {
                resources.offer(id, form.resourceId(), form.offeredOn(), form.note());
                redirect.addFlashAttribute("flash", "offer.saved");
                return "redirect:/people/" + id + "/resources";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("offers", resources.offersTo(id));
        return person(id, model);
    }

    private String person(long id, Model model) {
        PersonSummary person = people.requireReach(id);
        CurrentUser user = CurrentUser.required();
        boolean own = user.role() == Role.SERVICE_USER;
        model.addAttribute("person", person);
        model.addAttribute("own", own);
        if (!own) {
            List<Option> options = new ArrayList<>();
            options.add(text.none());
            // Only what may be offered to this person: the resources in use of their team's organisation.
            options.addAll(Option.of(resources.offerableTo(id), ResourceView::id, ResourceView::title));
            model.addAttribute("resourceOptions", options);
        }
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(own ? text.get("nav.myRecord") : person.fullName(), "/people/" + id)));
        return PERSON_VIEW;
    }

    private String form(Map<Long, String> organisations, Model model) {
        if (organisations.size() > 1) {
            List<Option> options = new ArrayList<>();
            options.add(text.none());
            organisations.forEach((id, name) -> options.add(new Option(Long.toString(id), name)));
            model.addAttribute("organisationOptions", options);
        }
        model.addAttribute("kindOptions", text.options(ResourceKind.values(), "resource.kind."));
        model.addAttribute("limit", limit());
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("resources.title"), "/resources")));
        return FORM_VIEW;
    }

    private String limit() {
        return (resources.maxBytes() / (1024 * 1024)) + " MB";
    }
}
