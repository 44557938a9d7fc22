package org.refocus.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.StaffMember;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.MissingDataPolicy;
import org.refocus.measures.instrument.ResponseOption;
import org.refocus.measures.instrument.ScoreSpec;
import org.refocus.measures.internal.AnsweredPage;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.MeasureResponses;
import org.refocus.measures.internal.MeasureSchedules;
import org.refocus.measures.internal.PageSave;
import org.refocus.measures.internal.Rescoring;
import org.refocus.measures.internal.ResponseView;
import org.refocus.measures.internal.StoredScore;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
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
 * Answering a questionnaire a few questions at a time (every question can be skipped; saving part-way
 * and coming back later keeps the answers), and one response in full: its scores with what they mean,
 * each answer, the instrument version, who entered it, how and when, and any re-scoring.
 *
 * <p>The answers form is read from request parameters named {@code answers[<item key>]} rather than
 * bound to a Form record, because its fields are the items of whichever instrument is being answered.
 */
@Controller
class ResponseController {

    static final String QUESTIONS_VIEW = "measures/questions";
    static final String RESPONSE_VIEW = "measures/response";
    static final int GROUPS_PER_PAGE = 8;
    /** Going back to the questions once staff have said that the person agrees, saving nothing. */
    private static final String RESUME = "resume";

    private final MeasureResponses responses;
    private final InstrumentLibrary library;
    private final Rescoring rescoring;
    private final People people;
    private final Accounts accounts;
    private final MeasureTexts texts;
    private final MeasureSchedules schedules;

    ResponseController(MeasureResponses responses, InstrumentLibrary library, Rescoring rescoring, People people,
            Accounts accounts, MeasureTexts texts, MeasureSchedules schedules) {
        this.responses = responses;
        this.library = library;
        this.rescoring = rescoring;
        this.people = people;
        this.accounts = accounts;
        this.texts = texts;
        this.schedules = schedules;
    }

    record Choice(String id, String value, String label, boolean checked) {
    }

    /**
     * @param shown     the stored answer the page shows, sent back with the page so that a save merges
     * @param storedNow for a question changed here and elsewhere meanwhile: what is stored now; else null
     */
    record Question(String key, String id, int number, String text, String hint, List<Choice> choices,
            boolean error, String shown, String storedNow) {
    }

    record AnswerRow(int number, String text, String answer) {
    }

    record RescoreRow(String at, String from, String to, String before, String after, String reason) {
    }

    @GetMapping("/measures/responses/{id}/questions")
    String questions(@PathVariable long id, @RequestParam(defaultValue = "1") int page, HttpServletRequest request,
            Model model) {
        ResponseView response = responses.open(id);
        if (!responses.mayAnswer(response)) {
            return "redirect:/measures/responses/" + id;
        }
        Optional<MeasureSchedules.PausedPerson> pause = responses.agreementNeeded(response);
        if (pause.isPresent()) {
            Map<String, String> going = new LinkedHashMap<>();
            going.put("page", Integer.toString(page));
            going.put("action", RESUME);
            return agreementPage(response, pause.get(), going, new PauseAgreementPage.PauseAgreementForm(null, null),
                    null, model);
        }
        if (CurrentUser.required().role().isTeamStaff()) {
            // Given in a session: from now on the device shows the person only these questions.
            Handover.begin(request, id);
        }
        return questionPage(response, page, null, Map.of(), Map.of(), model);
    }

    /**
     * Saves a page of answers. Staff going on with a response begun before the person paused
     * questionnaires first say that the person agrees (H-13); what they sent rides through that page
     * in hidden fields, so no answer is lost. Answers saved meanwhile, from another tab or by a double
     * submit, are merged question by question with what the page showed ({@code shown[<item key>]}); a
     * question changed in both places to different answers shows the page again, with the person's answers
     * still chosen, naming what is stored now (H-06).
     */
    @PostMapping("/measures/responses/{id}/questions")
    String saveQuestions(@PathVariable long id, @RequestParam Map<String, String> params,
            @ModelAttribute("pauseAgreementForm") PauseAgreementPage.PauseAgreementForm agreement,
            BindingResult agreementResult, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ResponseView response = responses.find(id);
        if (!responses.mayAnswer(response)) {
            if (response.completed() && answersDifferFromStored(params, response)) {
                // Submitted meanwhile (another tab, or someone else): a completed response is never edited.
                redirect.addFlashAttribute("problem", "measures.questions.alreadySubmitted");
            }
            return "redirect:/measures/responses/" + id;
        }
        Optional<MeasureSchedules.PausedPerson> pause = responses.agreementNeeded(response);
        if (pause.isPresent() && !agreement.agrees()) {
            Map<String, String> going = new LinkedHashMap<>(params);
            going.keySet().removeAll(List.of("_csrf", "personAgrees", "asked"));
            return agreementPage(response, pause.get(), going, agreement, agreementResult, model);
        }
        if (pause.isPresent()) {
            responses.agreeDespitePause(response);
        }
        InstrumentDefinition definition = library.version(response.versionId()).definition();
        List<List<Item>> pages = pages(definition);
        int page = clamp(parse(params.get("page"), 1), pages.size());
        int version = parse(params.get("version"), -1);
        String action = params.getOrDefault("action", "next");
        if (action.equals(RESUME)) {
            return "redirect:/measures/responses/" + id + "/questions?page=" + page;
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (Item item : pages.get(page - 1)) {
            String value = params.get("answers[" + item.key() + "]");
            String shownValue = params.get("shown[" + item.key() + "]");
            Integer shownCode = shownValue == null ? null : tryParse(shownValue);
            if (shownValue != null && (shownValue.isBlank() || shownCode != null)) {
                shown.put(item.key(), shownCode);
            }
            if (value == null || value.isBlank()) {
                answers.put(item.key(), null);
                continue;
            }
            Integer code = tryParse(value);
            if (code == null || !item.responseSet().accepts(code)) {
                return questionPage(response, page, item.key(), Map.of(), Map.of(), model);
            }
            answers.put(item.key(), code);
        }
        PageSave saved = responses.savePage(id, new AnsweredPage(answers, shown, version), action.equals("submit"));
        if (saved.outcome() == PageSave.Outcome.COMPLETED_MEANWHILE) {
            return "redirect:/measures/responses/" + id;
        }
        if (saved.outcome() == PageSave.Outcome.CHANGED_ELSEWHERE) {
            // The page again, with everything sent still chosen, naming what changed meanwhile.
            return questionPage(saved.response(), page, null, answers, saved.changedElsewhere(), model);
        }
        if ((action.equals("later") || action.equals("submit")) && Long.valueOf(id).equals(Handover.handedOver(request))) {
            return "redirect:" + Handover.handBackPage(id);
        }
        switch (action) {
            case "later" -> {
                redirect.addFlashAttribute("flash", "measures.questions.saved");
                return "redirect:/people/" + response.personId() + "/measures";
            }
            case "previous" -> {
                return "redirect:/measures/responses/" + id + "/questions?page=" + Math.max(1, page - 1);
            }
            case "submit" -> {
                redirect.addFlashAttribute("flash", "measures.questions.submitted");
                return "redirect:/measures/responses/" + id;
            }
            default -> {
                return "redirect:/measures/responses/" + id + "/questions?page=" + Math.min(pages.size(), page + 1);
            }
        }
    }

    @GetMapping("/measures/responses/{id}")
    String response(@PathVariable long id, Model model) {
        ResponseView response = responses.open(id);
        PersonSummary person = people.requireReach(response.personId());
        InstrumentDefinition answeredOn = library.version(response.versionId()).definition();
        InstrumentDefinition scoredWith = response.scoringVersionId() == null ? answeredOn
                : library.version(response.scoringVersionId()).definition();
        Optional<InstrumentContent> wording = response.contentId() == null ? Optional.empty()
                : library.content(response.contentId()).map(InstrumentLibrary.StoredContent::content);
        boolean staffView = CurrentUser.required().role().isTeamStaff();

        List<ScoreLine> scores = new ArrayList<>();
        for (ScoreSpec spec : scoredWith.scores()) {
            StoredScore score = response.scores().get(spec.key());
            if (score == null) {
                continue;
            }
            String value = score.present() ? MeasureTexts.plain(score.value()) : null;
            scores.add(new ScoreLine(spec.key(), spec.label(), value,
                    texts.text("measures.range", MeasureTexts.plain(spec.minimum()), MeasureTexts.plain(spec.maximum())),
                    score.present() ? texts.meaning(answeredOn.code(), spec.key(), score.value(), spec.minimum(),
                            spec.maximum(), !staffView) : null,
                    texts.notMeaning(answeredOn.code(), spec.key(), !staffView),
                    score.present() ? null : texts.absent(score), staffView && !score.present() ? score.reason() : null,
                    score.prorated() ? texts.text("measures.prorated", score.itemsMissing()) : null, null, List.of(),
                    List.of()));
        }
        List<AnswerRow> answers = new ArrayList<>();
        for (Item item : answeredOn.items()) {
            Integer code = response.answers().get(item.key());
            String text = wording.flatMap(w -> w.itemText(item.key())).orElse(item.label());
            String answer = code == null ? texts.text(response.completed() ? "measures.answer.skipped"
                    : "measures.answer.notYet") : optionLabel(item, code, wording);
            if (code != null && !item.appliesGiven(response.answers())) {
                answer = texts.text(response.answers().get(item.gate().itemKey()) == null
                        ? "measures.answer.notCountedUnanswered" : "measures.answer.notCounted", answer);
            }
            answers.add(new AnswerRow(item.number(), text, answer));
        }
        Map<Long, StaffMember> names = response.enteredBy() == null ? Map.of()
                : accounts.staff(List.of(response.enteredBy()));
        List<RescoreRow> history = rescoring.history(id).stream().map(h -> new RescoreRow(MeasureTexts.dayTime(h.at()),
                library.version(h.fromVersionId()).definition().reference(),
                library.version(h.toVersionId()).definition().reference(), summary(h.before()), summary(h.after()),
                h.reason())).toList();

        model.addAttribute("response", response);
        model.addAttribute("person", person);
        model.addAttribute("instrument", answeredOn);
        model.addAttribute("scoredWith", scoredWith);
        model.addAttribute("modeText", texts.mode(response.mode(), !staffView));
        model.addAttribute("enteredBy", Optional.ofNullable(response.enteredBy()).map(names::get)
                .map(StaffMember::displayName).orElse(null));
        model.addAttribute("startedAt", MeasureTexts.dayTime(response.startedAt()));
        model.addAttribute("completedAt", MeasureTexts.dayTime(response.completedAt()));
        model.addAttribute("enteredInErrorAt", response.enteredInErrorAt() == null ? null
                : MeasureTexts.dayTime(response.enteredInErrorAt()));
        model.addAttribute("scores", scores);
        model.addAttribute("answers", answers);
        model.addAttribute("copyright", wording.map(InstrumentContent::copyright).orElse(answeredOn.copyright()));
        model.addAttribute("demoWording", wording.map(InstrumentContent::demo).orElse(false));
        model.addAttribute("mayAnswer", responses.mayAnswer(response));
        model.addAttribute("history", history);
        model.addAttribute("staffView", staffView);
        return RESPONSE_VIEW;
    }

    /** Whether the page sent an answer that is not the one stored (a second click of Submit sends the same). */
    private static boolean answersDifferFromStored(Map<String, String> params, ResponseView response) {
        return params.entrySet().stream()
                .filter(p -> p.getKey().startsWith("answers[") && p.getKey().endsWith("]") && !p.getValue().isBlank())
                .anyMatch(p -> !java.util.Objects.equals(tryParse(p.getValue()),
                        response.answers().get(p.getKey().substring("answers[".length(), p.getKey().length() - 1))));
    }

    private String agreementPage(ResponseView response, MeasureSchedules.PausedPerson pause, Map<String, String> going,
            PauseAgreementPage.PauseAgreementForm agreement, BindingResult result, Model model) {
        PersonSummary person = people.requireReach(response.personId());
        String name = library.version(response.versionId()).definition().shortName();
        model.addAttribute("pauseAgreementForm", agreement);
        return PauseAgreementPage.show(model, person, pause, new PauseAgreementPage.Going(
                "/measures/responses/" + response.id() + "/questions", going,
                texts.text("measures.pauseAgreement.continue", name, MeasureTexts.day(response.startedAt()),
                        person.knownAs()),
                texts.text("measures.pauseAgreement.give.agrees", person.knownAs()),
                texts.text("measures.pauseAgreement.continue.button", name)), agreement, result);
    }

    /**
     * The questions of one page, showing the stored answers, except those in {@code sent} (what the person
     * chose, shown again when some of them were changed elsewhere meanwhile, {@code changedElsewhere}). The
     * page carries what it shows as stored ({@code shown[...]}) and the version, so that a save merges.
     */
    private String questionPage(ResponseView response, int requestedPage, String errorItem,
            Map<String, Integer> sent, Map<String, Integer> changedElsewhere, Model model) {
        InstrumentDefinition definition = library.version(response.versionId()).definition();
        InstrumentContent wording = library.content(response.contentId())
                .map(InstrumentLibrary.StoredContent::content).orElseThrow();
        List<List<Item>> pages = pages(definition);
        int page = clamp(requestedPage, pages.size());
        List<Question> questions = new ArrayList<>();
        List<Question> changed = new ArrayList<>();
        for (Item item : pages.get(page - 1)) {
            String id = "answers-" + item.key();
            Integer stored = response.answers().get(item.key());
            boolean chosenHere = changedElsewhere.containsKey(item.key());
            Integer answer = chosenHere ? sent.get(item.key()) : stored;
            List<Choice> choices = new ArrayList<>();
            int n = 0;
            for (ResponseOption option : item.responseSet().options()) {
                n++;
                choices.add(new Choice(n == 1 ? id : id + "-" + n, Integer.toString(option.code()),
                        wording.optionLabel(item, option.code()).orElse(option.label()),
                        answer != null && answer == option.code()));
            }
            choices.add(new Choice(id + "-skip", "", texts.text("measures.questions.skip"),
                    chosenHere && answer == null));
            String hint = item.gate() != null ? texts.text("measures.questions.gatedHint") : null;
            String storedNow = !chosenHere ? null : stored == null
                    ? texts.text("measures.questions.changedElsewhere.cleared")
                    : texts.text("measures.questions.changedElsewhere.to",
                            optionLabel(item, stored, Optional.of(wording)));
            Question question = new Question(item.key(), id, item.number(),
                    wording.itemText(item.key()).orElse(item.label()), hint, choices, item.key().equals(errorItem),
                    stored == null ? "" : Integer.toString(stored), storedNow);
            questions.add(question);
            if (chosenHere) {
                changed.add(question);
            }
        }
        PersonSummary person = people.requireReach(response.personId());
        boolean self = CurrentUser.required().personId() != null
                && CurrentUser.required().personId() == response.personId();
        model.addAttribute("response", response);
        model.addAttribute("person", person);
        model.addAttribute("self", self);
        // Staff giving a questionnaire in a session see that the person paused them (H-13).
        MeasureSchedules.PausedPerson pause = self ? null : schedules.pauseOf(response.personId()).orElse(null);
        PersonMeasuresController.addPause(model, pause);
        model.addAttribute("definition", definition);
        model.addAttribute("wording", wording);
        model.addAttribute("questions", questions);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages.size());
        model.addAttribute("lastPage", page == pages.size());
        model.addAttribute("errorItem", errorItem);
        model.addAttribute("changedElsewhere", changed);
        // The rule that will score it: a corrected version's, once this version's responses were re-scored with it.
        MissingDataPolicy policy = library.scoringVersion(response.versionId()).definition().missingDataPolicy();
        boolean gated = definition.items().stream().anyMatch(i -> i.gate() != null);
        // With "does this matter?" questions, a rating of something that does not matter is meant to be skipped.
        model.addAttribute("policyText", texts.text(policy.mode() == MissingDataPolicy.Mode.COMPLETE_ITEMS_ONLY
                ? (gated ? "measures.questions.policy.completeGated" : "measures.questions.policy.complete")
                : "measures.questions.policy.prorate", policy.maxMissingItems()));
        model.addAttribute("gated", gated);
        // Begun on an earlier day, perhaps weeks ago: its answers are shown, and may no longer fit the recall period.
        boolean startedEarlier = response.startedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()
                .isBefore(schedules.today()) && response.answers().values().stream().anyMatch(a -> a != null);
        model.addAttribute("startedEarlier", startedEarlier ? texts.text(self ? "measures.questions.startedEarlier.own"
                : "measures.questions.startedEarlier", MeasureTexts.day(response.startedAt())) : null);
        return QUESTIONS_VIEW;
    }

    /** Items in pages of a few questions; a rating stays on the same page as its "does this matter?" question. */
    static List<List<Item>> pages(InstrumentDefinition definition) {
        List<List<Item>> groups = new ArrayList<>();
        Map<String, List<Item>> groupOf = new HashMap<>();
        for (Item item : definition.items()) {
            List<Item> group = item.gate() == null ? null : groupOf.get(item.gate().itemKey());
            if (group == null) {
                group = new ArrayList<>();
                groups.add(group);
            }
            group.add(item);
            groupOf.put(item.key(), group);
        }
        List<List<Item>> pages = new ArrayList<>();
        for (int i = 0; i < groups.size(); i += GROUPS_PER_PAGE) {
            List<Item> page = new ArrayList<>();
            groups.subList(i, Math.min(groups.size(), i + GROUPS_PER_PAGE)).forEach(page::addAll);
            pages.add(page);
        }
        return pages;
    }

    private static String optionLabel(Item item, int code, Optional<InstrumentContent> wording) {
        return wording.flatMap(w -> w.optionLabel(item, code)).orElseGet(() -> item.responseSet().options().stream()
                .filter(o -> o.code() == code).map(ResponseOption::label).findFirst().orElse(Integer.toString(code)));
    }

    private String summary(Map<String, StoredScore> scores) {
        List<String> parts = new ArrayList<>();
        scores.values().forEach(s -> parts.add(s.key() + " " + (s.present() ? MeasureTexts.plain(s.value())
                : texts.text("measures.notScored"))));
        return String.join(", ", parts);
    }

    private static int clamp(int page, int pages) {
        return Math.max(1, Math.min(pages, page));
    }

    private static int parse(String text, int fallback) {
        Integer value = text == null ? null : tryParse(text);
        return value == null ? fallback : value;
    }

    private static Integer tryParse(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
