package org.refocus.measures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.refocus.identity.Accounts;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ResponseOption;
import org.refocus.measures.instrument.WordingChanges;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.PendingContentImports;
import org.refocus.measures.internal.PendingContentImports.Decision;
import org.refocus.measures.internal.PendingContentImports.Pending;
import org.refocus.measures.internal.PendingContentImports.Status;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hazard H-09: uploaded wording that passed every check is shown to the administrator who uploaded it, one
 * instrument version at a time, before anyone is asked it: the copyright line, the instructions and every
 * question in order with its key, its text and each answer's code beside its label, what it replaces and
 * which questions change. Then they make it live or cancel it. A preview that is no longer right (the
 * wording in use changed meanwhile) is shown again, against the wording now in use, instead of being used.
 */
@Controller
class ContentPreviewController {

    static final String VIEW = "measures/admin-content-preview";
    static final String PATH = "/admin/instruments/content/previews/";

    private final PendingContentImports pending;
    private final InstrumentLibrary library;
    private final Accounts accounts;
    private final MeasureTexts texts;

    ContentPreviewController(PendingContentImports pending, InstrumentLibrary library, Accounts accounts,
            MeasureTexts texts) {
        this.pending = pending;
        this.library = library;
        this.accounts = accounts;
        this.texts = texts;
    }

    /** One answer as the person will see it: the code that is scored, and its label. */
    record AnswerRow(int code, String label, String definitionLabel, boolean fromDefinition) {
    }

    record QuestionRow(int number, String key, String text, boolean reverseScored, boolean changed,
            List<AnswerRow> answers) {
    }

    record ChangeRow(String key, String text) {
    }

    record FileRow(long id, String instrument, String status, boolean current) {
    }

    @GetMapping(PATH + "{id}")
    String preview(@PathVariable long id, Model model) {
        return page(pending.find(id), model);
    }

    @PostMapping(PATH + "{id}")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) Long replacing, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Decision done = switch (decision == null ? "" : decision) {
            case "live" -> pending.makeLive(id, replacing);
            case "cancel" -> pending.cancel(id);
            default -> null;
        };
        if (done == null) {
            return page(pending.find(id), model);
        }
        switch (done.outcome()) {
            case MADE_LIVE, CANCELLED -> {
                boolean live = done.outcome() == PendingContentImports.Outcome.MADE_LIVE;
                Optional<Pending> next = pending.sameFile(done.pending()).stream()
                        .filter(p -> p.status() == Status.WAITING).findFirst();
                redirect.addFlashAttribute("flash", "measures.preview." + (live ? "madeLive" : "cancelled")
                        + (next.isPresent() ? "Next" : ""));
                return "redirect:" + next.map(p -> PATH + p.id())
                        .orElse(live ? "/admin/instruments/" + done.pending().versionId() : "/admin/instruments/content");
            }
            case WORDING_CHANGED -> {
                // As any form saved over a newer version: shown again, now against the wording in use.
                Pending again = pending.find(id);
                model.addAttribute("problem", texts.text("measures.preview.problem.changed",
                        again.definition().reference(), library.currentContent(again.versionId())
                                .map(this::describe).orElse(texts.text("measures.preview.replacesNone"))));
                return page(again, model);
            }
            default -> {
                // Made live or cancelled already (another tab, a second click), or expired: nothing changes.
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("problem", texts.text("measures.preview.problem.settled"));
                return page(pending.find(id), model);
            }
        }
    }

    private String page(Pending p, Model model) {
        InstrumentDefinition d = p.definition();
        model.addAttribute("pending", p);
        model.addAttribute("definition", d);
        model.addAttribute("uploaded", MeasureTexts.dayTime(p.createdAt()));
        model.addAttribute("source", texts.text("measures.source." + p.sourceFormat()));
        model.addAttribute("sha256", groups(p.fileSha256()));
        model.addAttribute("others", pending.sameFile(p).stream().map(o -> new FileRow(o.id(),
                o.definition().reference(), texts.text("measures.preview.status." + o.status()), o.id() == p.id()))
                .toList());
        if (p.status() != Status.WAITING) {
            model.addAttribute("settled", texts.text("measures.preview.settled." + p.status(),
                    p.decidedAt() == null ? MeasureTexts.dayTime(p.expiresAt()) : MeasureTexts.dayTime(p.decidedAt()),
                    PendingContentImports.KEPT_FOR));
            return VIEW;
        }
        Optional<InstrumentLibrary.StoredContent> inUse = library.currentContent(p.versionId());
        InstrumentContent wording = p.content();
        WordingChanges changes = WordingChanges.between(d, inUse.map(InstrumentLibrary.StoredContent::content)
                .orElse(null), wording);
        model.addAttribute("replacing", inUse.map(InstrumentLibrary.StoredContent::id).orElse(null));
        model.addAttribute("replaces", inUse.map(c -> texts.text("measures.preview.replacesValue", describe(c)))
                .orElse(texts.text("measures.preview.replacesNone")));
        model.addAttribute("changes", changes);
        model.addAttribute("changeSummary", !changes.live() ? texts.text("measures.preview.changesFirst")
                : changes.none() ? texts.text("measures.preview.changesNone")
                : texts.text("measures.preview.changesCount", changes.items().size(), d.items().size()));
        model.addAttribute("changedItems", changes.items().stream().map(c -> new ChangeRow(c.item().key(),
                texts.text("measures.preview.changedItem", c.item().number(), c.item().key(), what(c)))).toList());
        List<String> beyondQuestions = new ArrayList<>();
        if (changes.title()) {
            beyondQuestions.add(texts.text("measures.preview.changesTitle"));
        }
        if (changes.instructions()) {
            beyondQuestions.add(texts.text("measures.preview.changesInstructions"));
        }
        if (changes.copyright()) {
            beyondQuestions.add(texts.text("measures.preview.changesCopyright"));
        }
        model.addAttribute("changedBeyondQuestions", beyondQuestions);
        List<String> changedKeys = changes.items().stream().map(c -> c.item().key()).toList();
        List<QuestionRow> questions = new ArrayList<>();
        for (Item item : d.items()) {
            List<AnswerRow> answers = new ArrayList<>();
            for (ResponseOption option : item.responseSet().options()) {
                String label = WordingChanges.label(wording, item, option);
                answers.add(new AnswerRow(option.code(), label, label.equals(option.label()) ? null : option.label(),
                        wording.optionLabel(item, option.code()).isEmpty()));
            }
            questions.add(new QuestionRow(item.number(), item.key(), wording.itemText(item.key()).orElse(""),
                    item.reverseScored(), changedKeys.contains(item.key()), answers));
        }
        model.addAttribute("wording", wording);
        model.addAttribute("questions", questions);
        model.addAttribute("expires", MeasureTexts.dayTime(p.expiresAt()));
        return VIEW;
    }

    /** "question text; answer labels for codes 1, 5" */
    private String what(WordingChanges.ChangedItem change) {
        List<String> parts = new ArrayList<>();
        if (change.text()) {
            parts.add(texts.text("measures.preview.changedText"));
        }
        if (!change.answerCodes().isEmpty()) {
            parts.add(texts.text("measures.preview.changedAnswers", change.answerCodes().size(),
                    change.answerCodes().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        return String.join("; ", parts);
    }

    /** The wording in use, as the wording history names it: where from, which file, when and by whom. */
    private String describe(InstrumentLibrary.StoredContent c) {
        return texts.text("measures.preview.wordingInUse", texts.text("measures.source." + c.sourceFormat()),
                c.content().origin(), MeasureTexts.dayTime(c.createdAt()),
                InstrumentAdminController.by(c, accounts.staff(c.createdBy() == null ? List.of() : List.of(c.createdBy())),
                        texts), c.id());
    }

    /** A SHA-256 in eight groups of eight, so that it wraps on a phone and can be read out and compared. */
    static String groups(String sha256) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < sha256.length(); i += 8) {
            grouped.append(i == 0 ? "" : " ").append(sha256, i, Math.min(sha256.length(), i + 8));
        }
        return grouped.toString();
    }
}
