package org.refocus.measures.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.identity.Accounts;
import org.refocus.identity.StaffMember;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.internal.ContentImports;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.PendingContentImports;
import org.refocus.measures.internal.Rescoring;
import org.refocus.shared.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instrument library for administrators: every stored version with its rights and wording status,
 * importing wording (a REFOCUS content file or a FHIR Questionnaire), checked against the definition
 * and then previewed before it is used ({@link ContentPreviewController}), and re-scoring stored responses after a corrected scoring rule.
 */
@Controller
class InstrumentAdminController {

    static final String LIST_VIEW = "measures/admin-instruments";
    static final String ONE_VIEW = "measures/admin-instrument";
    static final String IMPORT_VIEW = "measures/admin-content-import";

    private final InstrumentLibrary library;
    private final ContentImports contentImports;
    private final PendingContentImports pendingImports;
    private final Rescoring rescoring;
    private final Accounts accounts;
    private final MeasureTexts texts;

    InstrumentAdminController(InstrumentLibrary library, ContentImports contentImports,
            PendingContentImports pendingImports, Rescoring rescoring, Accounts accounts, MeasureTexts texts) {
        this.library = library;
        this.contentImports = contentImports;
        this.pendingImports = pendingImports;
        this.rescoring = rescoring;
        this.accounts = accounts;
        this.texts = texts;
    }

    record VersionRow(long id, String code, String version, String shortName, String title, boolean superseded,
            String rights, String wording, String wordingColour, String copyright) {
    }

    record ItemRow(int number, String key, String text) {
    }

    record ContentRow(long id, String source, String origin, String at, String by, boolean current, boolean demo) {
    }

    /** Wording the administrator uploaded that still waits for them to check it. */
    record WaitingRow(String href, String label) {
    }

    @GetMapping("/admin/instruments")
    String list(Model model) {
        Map<Long, InstrumentLibrary.StoredContent> wording = library.currentContents();
        List<VersionRow> rows = new ArrayList<>();
        for (InstrumentLibrary.StoredVersion v : library.all()) {
            InstrumentDefinition d = v.definition();
            Optional<InstrumentLibrary.StoredContent> content = Optional.ofNullable(wording.get(v.id()));
            String status = content.map(c -> c.content().demo() ? "DEMO" : c.sourceFormat().equals("SHIPPED")
                    ? "SHIPPED" : "IMPORTED").orElse("MISSING");
            rows.add(new VersionRow(v.id(), d.code(), d.version(), d.shortName(), d.title(), d.superseded(),
                    texts.text("measures.rights." + d.rights().name()), texts.text("measures.wording." + status),
                    switch (status) {
                        case "MISSING" -> "red";
                        case "DEMO" -> "orange";
                        default -> "green";
                    }, content.map(c -> c.content().copyright()).orElse(d.copyright())));
        }
        model.addAttribute("rows", rows);
        return LIST_VIEW;
    }

    @GetMapping("/admin/instruments/{id}")
    String one(@PathVariable long id, Model model) {
        InstrumentLibrary.StoredVersion version = library.version(id);
        InstrumentDefinition d = version.definition();
        Optional<InstrumentLibrary.StoredContent> current = library.currentContent(id);
        Optional<InstrumentContent> wording = current.map(InstrumentLibrary.StoredContent::content);
        List<ItemRow> items = new ArrayList<>();
        for (Item item : d.items()) {
            items.add(new ItemRow(item.number(), item.key(), wording.flatMap(w -> w.itemText(item.key()))
                    .orElse(item.label())));
        }
        List<InstrumentLibrary.StoredContent> history = library.contentHistory(id);
        Map<Long, StaffMember> names = accounts.staff(history.stream().map(InstrumentLibrary.StoredContent::createdBy)
                .filter(java.util.Objects::nonNull).toList());
        model.addAttribute("version", version);
        model.addAttribute("definition", d);
        model.addAttribute("wording", wording.orElse(null));
        model.addAttribute("carriedFrom", current.flatMap(this::carriedFrom).orElse(null));
        model.addAttribute("notCarried", current.isPresent() ? null : library.notCarriedOver(id).map(n ->
                texts.text("measures.admin.notCarried", n.version(), String.join("; ", n.problems()))).orElse(null));
        model.addAttribute("items", items);
        InstrumentDefinition scoredWith = library.scoringVersion(id).definition();
        model.addAttribute("scoredWith", scoredWith.version().equals(d.version()) ? null
                : texts.text("measures.admin.scoredWith", scoredWith.reference(), d.version()));
        model.addAttribute("policy", texts.text("measures.policy." + d.missingDataPolicy().mode().name(),
                d.missingDataPolicy().maxMissingItems()));
        model.addAttribute("history", history.stream().map(c -> new ContentRow(c.id(),
                texts.text("measures.source." + c.sourceFormat()) + carriedFrom(c).map(v -> " "
                        + texts.text("measures.admin.carriedSuffix", v)).orElse(""),
                c.content().origin(), MeasureTexts.dayTime(c.createdAt()),
                by(c, names, texts), c.current(), c.content().demo())).toList());
        model.addAttribute("scoringOptions", library.all().stream()
                .filter(v -> v.definition().code().equals(d.code()))
                .map(v -> new Option(Long.toString(v.id()), v.definition().reference()
                        + (v.definition().superseded() ? "" : " " + texts.text("measures.admin.currentSuffix"))))
                .toList());
        return ONE_VIEW;
    }

    @GetMapping("/admin/instruments/content")
    String importForm(Model model) {
        return importPage(model, List.of(), null);
    }

    @PostMapping("/admin/instruments/content")
    String importContent(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String instrument, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            return importPage(model, List.of(texts.text("measures.content.file.required")), instrument);
        }
        ContentImports.Result result = contentImports.upload(file.getBytes(), file.getOriginalFilename(), instrument);
        if (!result.ok()) {
            return importPage(model, result.problems(), instrument);
        }
        // Nothing is used yet: the administrator checks a preview of each instrument's wording first (H-09).
        return "redirect:" + ContentPreviewController.PATH + result.waiting().get(0);
    }

    @PostMapping("/admin/instruments/{id}/rescore")
    String rescore(@PathVariable long id, @RequestParam(required = false) Long scoringVersionId,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        library.version(id);
        if (scoringVersionId == null || reason == null || reason.isBlank()) {
            model.addAttribute("rescoreProblem", texts.text("measures.rescore.required"));
            return one(id, model);
        }
        try {
            Rescoring.Outcome outcome = rescoring.rescore(id, scoringVersionId, reason);
            redirect.addFlashAttribute("rescoreOutcome", texts.text("measures.rescore.outcome", outcome.examined(),
                    outcome.rescored(), outcome.valuesChanged()));
            redirect.addFlashAttribute("flash", "measures.rescore.done");
        } catch (Rescoring.IncompatibleVersionsException e) {
            model.addAttribute("rescoreProblem", texts.text("measures.rescore.incompatible", e.getMessage()));
            return one(id, model);
        }
        return "redirect:/admin/instruments/" + id;
    }

    /** Who stored this wording: the administrator's name, or REFOCUS for shipped and demo wording. */
    static String by(InstrumentLibrary.StoredContent c, Map<Long, StaffMember> names, MeasureTexts texts) {
        return c.createdBy() == null ? texts.text("measures.source.system")
                : Optional.ofNullable(names.get(c.createdBy())).map(StaffMember::displayName).orElse("");
    }

    /** The version that this wording was carried over from, if it was. */
    private Optional<String> carriedFrom(InstrumentLibrary.StoredContent content) {
        return Optional.ofNullable(content.carriedFromId()).flatMap(library::content)
                .map(from -> library.version(from.versionId()).definition().version());
    }

    private String importPage(Model model, List<String> problems, String instrument) {
        model.addAttribute("problems", problems);
        model.addAttribute("waiting", pendingImports.waiting().stream().map(p -> new WaitingRow(
                ContentPreviewController.PATH + p.id(), texts.text("measures.content.waitingItem",
                        p.definition().reference(), p.fileName(), MeasureTexts.dayTime(p.createdAt())))).toList());
        model.addAttribute("instrument", instrument);
        List<Option> options = new ArrayList<>();
        options.add(new Option("", texts.text("measures.content.instrument.fromFile")));
        library.current().forEach(d -> options.add(new Option(d.code(), d.shortName() + " – " + d.title())));
        model.addAttribute("instrumentOptions", options);
        return IMPORT_VIEW;
    }
}
