package org.refocus.measures.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.measures.SupportGap;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.MeasureResponses;
import org.refocus.measures.internal.MeasureResults;
import org.refocus.measures.internal.MeasureSchedules;
import org.refocus.measures.internal.ScheduleView;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.ConflictException;
import org.refocus.shared.Option;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * A person's measures page (for their practitioners and for the person): what is due, what is under
 * way, each measure over time with change since the first result, and the INSPIRE items that matter to
 * them but are poorly supported. Staff assign measures and give them in a session; the person completes
 * their own and can pause measurement, after which staff must say that they have talked with the person
 * and the person agrees before giving or assigning one ({@link PauseAgreementPage}).
 */
@Controller
class PersonMeasuresController {

    static final String VIEW = "measures/person";
    static final String ASSIGN_VIEW = "measures/assign";
    static final String STOP_VIEW = "measures/schedule-stop";

    private final People people;
    private final InstrumentLibrary library;
    private final MeasureResponses responses;
    private final MeasureSchedules schedules;
    private final MeasureResults results;
    private final MeasureTexts texts;

    PersonMeasuresController(People people, InstrumentLibrary library, MeasureResponses responses,
            MeasureSchedules schedules, MeasureResults results, MeasureTexts texts) {
        this.people = people;
        this.library = library;
        this.responses = responses;
        this.schedules = schedules;
        this.results = results;
        this.texts = texts;
    }

    record ScheduleRow(long id, int version, String instrumentCode, String instrumentName, String due, boolean overdue,
            String repeat, String completion, boolean canStart, boolean canStop) {
    }

    record InProgressRow(long id, String instrumentName, String started, String mode, boolean canContinue) {
    }

    /** One instrument's results; {@code unconfirmed} lists, for staff, what of it could not be confirmed. */
    record InstrumentBlock(String code, String name, String title, long latestResponseId, List<ScoreLine> scores,
            List<String> unconfirmed) {
    }

    record AssignForm(@NotBlank(message = "{measures.assign.instrument.required}") String instrument,
            @NotBlank(message = "{measures.assign.completion.required}") String completion,
            @NotNull(message = "{measures.assign.firstDue.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDueOn,
            @NotBlank(message = "{measures.assign.repeat.required}") String repeat) {
    }

    record PauseForm(@Size(max = 500, message = "{measures.pause.reason.tooLong}") String reason) {
    }

    @GetMapping("/people/{id}/measures")
    String overview(@PathVariable long id, Model model) {
        PersonSummary person = people.requireReach(id);
        CurrentUser user = CurrentUser.required();
        boolean self = user.role() == Role.SERVICE_USER;
        boolean staff = user.role().isTeamStaff();
        LocalDate today = schedules.today();

        List<MeasureResults.InstrumentResults> measured = results.results(id);
        MeasureSchedules.PausedPerson pause = schedules.pauseOf(id).orElse(null);
        List<ScheduleRow> due = new ArrayList<>();
        for (ScheduleView s : schedules.of(id)) {
            if (!s.active()) {
                continue;
            }
            boolean canStart = staff || (self && s.completion().equals("SELF"));
            due.add(new ScheduleRow(s.id(), s.version(), s.instrumentCode(), name(s.instrumentCode()),
                    MeasureTexts.DAY.format(s.nextDueOn()), pause == null && s.overdueOn(today),
                    s.everyMonths() == null ? texts.text("measures.repeat.once")
                            : texts.text("measures.repeat.every", s.everyMonths()),
                    texts.completion(s.completion(), self), canStart, staff));
        }
        List<InProgressRow> underWay = responses.inProgressOf(id).stream()
                .map(r -> new InProgressRow(r.id(), name(r.instrumentCode()), MeasureTexts.day(r.startedAt()),
                        texts.mode(r.mode(), self), responses.mayAnswer(r))).toList();
        List<InstrumentBlock> blocks = measured.stream().map(r -> block(r, staff)).toList();
        List<SupportGap> gaps = results.supportGaps(id);

        model.addAttribute("person", person);
        model.addAttribute("self", self);
        model.addAttribute("staff", staff);
        addPause(model, pause);
        model.addAttribute("due", due);
        model.addAttribute("inProgress", underWay);
        model.addAttribute("blocks", blocks);
        model.addAttribute("gaps", gaps);
        model.addAttribute("gapCopyrights", gaps.stream().map(SupportGap::copyright).distinct().toList());
        model.addAttribute("gapsDemo", gaps.stream().anyMatch(SupportGap::demoWording));
        model.addAttribute("availableInstruments", availableInstruments());
        if (!model.containsAttribute("pauseForm")) {
            model.addAttribute("pauseForm", new PauseForm(null));
        }
        return VIEW;
    }

    @PostMapping("/people/{id}/measures/start")
    String start(@PathVariable long id, @RequestParam(required = false) String instrument,
            @RequestParam(required = false) Long scheduleId,
            @ModelAttribute("pauseAgreementForm") PauseAgreementPage.PauseAgreementForm agreement,
            BindingResult agreementResult, Model model, RedirectAttributes redirect) {
        if (instrument == null || instrument.isBlank()) {
            redirect.addFlashAttribute("problem", "measures.start.chooseInstrument");
            return "redirect:/people/" + id + "/measures";
        }
        try {
            long responseId = responses.start(id, instrument, scheduleId, agreement.agrees());
            return "redirect:/measures/responses/" + responseId + "/questions";
        } catch (MeasureResponses.WordingMissingException e) {
            redirect.addFlashAttribute("problem", "measures.start.noWording");
            return "redirect:/people/" + id + "/measures";
        } catch (MeasureSchedules.PausedException e) {
            PersonSummary person = people.open(id);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("instrument", instrument);
            if (scheduleId != null) {
                fields.put("scheduleId", scheduleId.toString());
            }
            return PauseAgreementPage.show(model, person, e.pause(), new PauseAgreementPage.Going(
                    "/people/" + id + "/measures/start", fields,
                    texts.text("measures.pauseAgreement.give", name(instrument)),
                    texts.text("measures.pauseAgreement.give.agrees", person.knownAs()),
                    texts.text("measures.pauseAgreement.give.button", name(instrument))), agreement, agreementResult);
        }
    }

    @PostMapping("/people/{id}/measures/pause")
    String pause(@PathVariable long id, @Valid @ModelAttribute("pauseForm") PauseForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return overview(id, model);
        }
        schedules.setPaused(id, true, form.reason());
        redirect.addFlashAttribute("flash", "measures.pause.done");
        return "redirect:/people/" + id + "/measures";
    }

    @PostMapping("/people/{id}/measures/resume")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        schedules.setPaused(id, false, null);
        redirect.addFlashAttribute("flash", "measures.resume.done");
        return "redirect:/people/" + id + "/measures";
    }

    @GetMapping("/people/{id}/measures/assign")
    @PreAuthorize("hasAnyRole('PRACTITIONER','TEAM_LEADER')")
    String assignForm(@PathVariable long id, Model model) {
        model.addAttribute("assignForm", new AssignForm(null, "SELF", schedules.today(), "ONCE"));
        return assignPage(id, model);
    }

    @PostMapping("/people/{id}/measures/assign")
    @PreAuthorize("hasAnyRole('PRACTITIONER','TEAM_LEADER')")
    String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult result,
            @ModelAttribute("pauseAgreementForm") PauseAgreementPage.PauseAgreementForm agreement,
            BindingResult agreementResult, Model model, RedirectAttributes redirect) {
        people.requireReach(id);
        if (form.instrument() != null && !form.instrument().isBlank()
                && availableInstruments().stream().noneMatch(o -> o.value().equals(form.instrument()))) {
            result.rejectValue("instrument", "measures.assign.instrument.required");
        }
        if (form.completion() != null && !Set.of("SELF", "WITH_STAFF").contains(form.completion())) {
            result.rejectValue("completion", "measures.assign.completion.required");
        }
        if (form.repeat() != null && !Set.of("ONCE", "1", "3", "6", "12").contains(form.repeat())) {
            result.rejectValue("repeat", "measures.assign.repeat.required");
        }
        if (form.firstDueOn() != null && form.firstDueOn().isBefore(schedules.today().minusDays(1))) {
            result.rejectValue("firstDueOn", "measures.assign.firstDue.past");
        }
        if (result.hasErrors()) {
            return assignPage(id, model);
        }
        Integer everyMonths = form.repeat().equals("ONCE") ? null : Integer.valueOf(form.repeat());
        try {
            schedules.assign(id, form.instrument(), form.completion(), form.firstDueOn(), everyMonths,
                    agreement.agrees());
        } catch (MeasureSchedules.PausedException e) {
            PersonSummary person = people.open(id);
            String repeat = everyMonths == null ? texts.text("measures.repeat.once")
                    : texts.text("measures.repeat.every", everyMonths);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("instrument", form.instrument());
            fields.put("completion", form.completion());
            fields.put("firstDueOn", form.firstDueOn().toString());
            fields.put("repeat", form.repeat());
            return PauseAgreementPage.show(model, person, e.pause(), new PauseAgreementPage.Going(
                    "/people/" + id + "/measures/assign", fields,
                    texts.text("measures.pauseAgreement.assign", name(form.instrument()),
                            MeasureTexts.DAY.format(form.firstDueOn()), repeat,
                            texts.text("measures.completion." + form.completion())),
                    texts.text("measures.pauseAgreement.assign.agrees", person.knownAs()),
                    texts.text("measures.pauseAgreement.assign.button", name(form.instrument()))),
                    agreement, agreementResult);
        } catch (MeasureSchedules.AlreadyAssignedException e) {
            ScheduleView already = e.schedule();
            result.rejectValue("instrument", "measures.assign.already", new Object[] {name(form.instrument()),
                people.open(id).knownAs(), MeasureTexts.DAY.format(already.nextDueOn())}, null);
            return assignPage(id, model);
        }
        redirect.addFlashAttribute("flash", "measures.assign.done");
        return "redirect:/people/" + id + "/measures";
    }

    /** Stopping a schedule is asked first: a stopped questionnaire is no longer due, and nobody is reminded of it. */
    @GetMapping("/measures/schedules/{id}/stop")
    @PreAuthorize("hasAnyRole('PRACTITIONER','TEAM_LEADER')")
    String confirmStop(@PathVariable long id, Model model) {
        ScheduleView schedule = schedules.open(id);
        if (!schedule.active()) {
            return "redirect:/people/" + schedule.personId() + "/measures";
        }
        model.addAttribute("person", people.open(schedule.personId()));
        model.addAttribute("schedule", schedule);
        model.addAttribute("instrumentName", name(schedule.instrumentCode()));
        model.addAttribute("due", MeasureTexts.DAY.format(schedule.nextDueOn()));
        model.addAttribute("repeat", schedule.everyMonths() == null ? texts.text("measures.repeat.once")
                : texts.text("measures.repeat.every", schedule.everyMonths()));
        model.addAttribute("completion", texts.text("measures.completion." + schedule.completion()));
        return STOP_VIEW;
    }

    @PostMapping("/measures/schedules/{id}/stop")
    @PreAuthorize("hasAnyRole('PRACTITIONER','TEAM_LEADER')")
    String stop(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        ScheduleView schedule = schedules.find(id);
        try {
            schedules.stop(id, version == null ? -1 : version);
            redirect.addFlashAttribute("flash", "measures.schedule.stopped");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "measures.schedule.stop.conflict");
        }
        return "redirect:/people/" + schedule.personId() + "/measures";
    }

    /** The person's pause, if any, and since when, for the pause fragments in measures/fragments.html. */
    static void addPause(Model model, MeasureSchedules.PausedPerson pause) {
        model.addAttribute("pause", pause);
        model.addAttribute("pauseSince", pause == null ? null : MeasureTexts.day(pause.since()));
    }

    private String assignPage(long id, Model model) {
        model.addAttribute("person", people.open(id));
        MeasureSchedules.PausedPerson pause = schedules.pauseOf(id).orElse(null);
        addPause(model, pause);
        model.addAttribute("instrumentOptions", availableInstruments());
        model.addAttribute("missingWording", library.current().stream()
                .filter(d -> library.currentContent(library.versionId(d)).isEmpty())
                .map(InstrumentDefinition::shortName).toList());
        model.addAttribute("completionOptions", List.of(
                new Option("SELF", texts.text("measures.completion.SELF")),
                new Option("WITH_STAFF", texts.text("measures.completion.WITH_STAFF"))));
        model.addAttribute("repeatOptions", List.of(
                new Option("ONCE", texts.text("measures.repeat.once")),
                new Option("1", texts.text("measures.repeat.every", 1)),
                new Option("3", texts.text("measures.repeat.every", 3)),
                new Option("6", texts.text("measures.repeat.every", 6)),
                new Option("12", texts.text("measures.repeat.every", 12))));
        return ASSIGN_VIEW;
    }

    /** Instruments whose wording is available (shipped, imported or demo), by name. */
    private List<Option> availableInstruments() {
        Map<Long, InstrumentLibrary.StoredContent> wording = library.currentContents();
        return library.current().stream()
                .filter(d -> wording.containsKey(library.versionId(d)))
                .map(d -> new Option(d.code(), d.shortName() + " – " + d.title()
                        + (wording.get(library.versionId(d)).content().demo() ? " " + texts.text("measures.demoSuffix") : "")))
                .toList();
    }

    private String name(String code) {
        return library.catalogue().find(code).map(InstrumentDefinition::shortName).orElse(code);
    }

    private InstrumentBlock block(MeasureResults.InstrumentResults r, boolean staff) {
        List<ScoreLine> lines = new ArrayList<>();
        for (MeasureResults.Series s : r.series()) {
            lines.add(scoreLine(r.code(), r.shortName(), s, texts, !staff));
        }
        List<String> unconfirmed = staff ? library.catalogue().find(r.code()).map(InstrumentDefinition::unconfirmed)
                .orElse(List.of()) : List.of();
        return new InstrumentBlock(r.code(), r.shortName(), r.title(), r.latestResponseId(), lines, unconfirmed);
    }

    static ScoreLine scoreLine(String code, String shortName, MeasureResults.Series s, MeasureTexts texts,
            boolean toThePerson) {
        List<ScoreLine.Link> scoredDifferently = s.scoredDifferently().stream()
                .map(r -> new ScoreLine.Link(r.responseId(), texts.text("measures.results.scoredDifferently.link",
                        shortName, MeasureTexts.DAY.format(r.date())))).toList();
        if (s.points().isEmpty()) {
            return new ScoreLine(s.scoreKey(), s.label(), null, null, null, null, null, null, null, null, List.of(),
                    scoredDifferently);
        }
        MeasureResults.Point last = s.points().get(s.points().size() - 1);
        List<ScoreLine.Row> rows = new ArrayList<>();
        List<Chart.Value> values = new ArrayList<>();
        for (MeasureResults.Point p : s.points()) {
            rows.add(new ScoreLine.Row(p.responseId(), MeasureTexts.DAY.format(p.date()),
                    p.value() == null ? texts.text("measures.notScored") : MeasureTexts.plain(p.value()),
                    texts.mode(p.mode(), toThePerson)));
            values.add(new Chart.Value(p.date(), p.value()));
        }
        List<Chart.Guide> guides = s.thresholds().stream().filter(t -> !t.key().contains("change"))
                .map(t -> new Chart.Guide(t.value().doubleValue(), texts.text("measures.chart.threshold",
                        MeasureTexts.plain(t.value())))).toList();
        String description = s.latest() == null ? texts.text("measures.chart.descriptionNone", s.label())
                : texts.text("measures.chart.description", s.label(), s.points().size(),
                        MeasureTexts.plain(s.baseline()), MeasureTexts.plain(s.latest()),
                        MeasureTexts.plain(s.minimum()), MeasureTexts.plain(s.maximum()));
        Chart chart = Chart.of("chart-" + code + "-" + s.scoreKey(), s.label(), description, s.minimum(), s.maximum(),
                values, guides, false);
        var lastScore = last.value();
        return new ScoreLine(s.scoreKey(), s.label(), lastScore == null ? null : MeasureTexts.plain(lastScore),
                texts.text("measures.range", MeasureTexts.plain(s.minimum()), MeasureTexts.plain(s.maximum())),
                lastScore == null ? null : texts.meaning(code, s.scoreKey(), lastScore, s.minimum(), s.maximum(),
                        toThePerson),
                texts.notMeaning(code, s.scoreKey(), toThePerson),
                lastScore == null ? texts.absent(last.score()) : null,
                lastScore == null ? last.score().reason() : null, texts.change(s), chart, rows, scoredDifferently);
    }
}
