package org.refocus.measures.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ItemProblem;
import org.refocus.measures.instrument.MissingDataPolicy;
import org.refocus.measures.instrument.ResponseOption;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.ScoreSpec;
import org.refocus.measures.instrument.ScoreValue;
import org.refocus.measures.instrument.Scoring;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Instruments as JSON, and scoring a set of answers without storing anything. For any signed-in member
 * of staff (see {@code MeasuresRoutes}): nothing here is about a person. Answers that are not a whole
 * number, not one of the item's codes, or for an item the instrument does not have (even when null) are
 * a 400 that names the item, as is an item answered twice in the body (JSON keeps the last; the first is not
 * dropped without a word). A body that is empty, not JSON, or has properties besides {@code answers} is a 400
 * that says what to send (see {@link ScoreRequest}); at most {@value #ERRORS_LISTED} errors are listed, with
 * {@code errorCount}. Valid answers the instrument's rules leave out of the scores are listed in
 * the 200's {@code problems}: a rating of an item the person said does not matter
 * ({@code IGNORED_NOT_APPLICABLE}) and a rating whose "does this matter to you?" question was not answered
 * ({@code GATE_UNANSWERED}). The path variable is the instrument code ({@code qpr-15}, {@code inspire}, …).
 */
@RestController
@RequestMapping("/api/v1/instruments")
class InstrumentApiController {

    static final int ERRORS_LISTED = 50;
    private static final int ITEMS_NAMED = 10;

    private final InstrumentLibrary library;

    InstrumentApiController(InstrumentLibrary library) {
        this.library = library;
    }

    @GetMapping
    List<InstrumentJson> list() {
        Map<Long, InstrumentLibrary.StoredContent> wording = library.currentContents();
        return library.current().stream().map(d -> {
            long id = library.versionId(d);
            return InstrumentJson.summary(d, Optional.ofNullable(wording.get(id)).map(InstrumentLibrary.StoredContent::content));
        }).toList();
    }

    @GetMapping("/{id}")
    InstrumentJson one(@PathVariable("id") String code, @RequestParam(required = false) String version) {
        InstrumentLibrary.StoredVersion stored = version(code, version);
        return InstrumentJson.full(stored.definition(),
                library.currentContent(stored.id()).map(InstrumentLibrary.StoredContent::content));
    }

    @PostMapping(path = "/{id}/score", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> score(@PathVariable("id") String code, @RequestParam(required = false) String version,
            @RequestBody(required = false) String body) {
        InstrumentDefinition definition = version(code, version).definition();
        ScoreRequest request = ScoreRequest.read(body);
        if (request.problem() != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, request.problem());
            problem.setTitle("Invalid answers");
            return ResponseEntity.badRequest().body(problem);
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<ErrorJson> errors = new ArrayList<>();
        for (String key : request.answeredTwice()) {
            errors.add(new ErrorJson(key, "ANSWERED_TWICE", "Item " + key + " is answered more than once. Send each "
                    + "item once."));
        }
        for (Map.Entry<String, JsonNode> entry : request.answers().properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                answers.put(entry.getKey(), null); // a skipped question, still checked to be an item
                continue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                errors.add(new ErrorJson(entry.getKey(), "NOT_A_WHOLE_NUMBER",
                        "Item " + entry.getKey() + ": the answer must be a whole-number response code or null."));
                continue;
            }
            answers.put(entry.getKey(), value.intValue());
        }
        ScoreResult result = Scoring.score(definition, answers);
        for (ItemProblem p : result.problems()) {
            if (p.kind().invalidAnswer()) {
                errors.add(new ErrorJson(p.itemKey(), p.kind().name(), p.message()));
            }
        }
        if (!errors.isEmpty()) {
            List<String> items = errors.stream().map(ErrorJson::item).distinct().toList();
            String named = String.join(", ", items.subList(0, Math.min(ITEMS_NAMED, items.size())))
                    + (items.size() > ITEMS_NAMED ? " and " + (items.size() - ITEMS_NAMED) + " more" : "");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Not scored: the answers for " + named + " are not valid for " + definition.reference() + ".");
            problem.setTitle("Invalid answers");
            // A body full of unknown keys is not echoed back in full: the first ones, and how many in all.
            problem.setProperty("errors", errors.subList(0, Math.min(ERRORS_LISTED, errors.size())));
            problem.setProperty("errorCount", errors.size());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(ScoreJson.of(result));
    }

    private InstrumentLibrary.StoredVersion version(String code, String version) {
        if (version == null || version.isBlank()) {
            if (library.catalogue().find(code).isEmpty()) {
                throw new NotFoundException("instrument");
            }
            return library.current(code);
        }
        return library.find(code, version).orElseThrow(() -> new NotFoundException("instrument"));
    }

    record ErrorJson(String item, String problem, String message) {
    }

    record ScoreJson(String instrument, String version, boolean complete, List<ScoreValueJson> scores,
            List<ProblemJson> problems) {
        static ScoreJson of(ScoreResult result) {
            return new ScoreJson(result.instrumentCode(), result.instrumentVersion(), result.complete(),
                    result.scores().stream().map(ScoreValueJson::of).toList(),
                    result.problems().stream().map(p -> new ProblemJson(p.itemKey(), p.kind().name(), p.value(),
                            p.message())).toList());
        }
    }

    record ScoreValueJson(String key, String label, BigDecimal value, String absence, String reason, int itemsUsed,
            int itemsMissing, boolean prorated) {
        static ScoreValueJson of(ScoreValue v) {
            return new ScoreValueJson(v.key(), v.label(), v.value(), v.absence() == null ? null : v.absence().name(),
                    v.reason(), v.itemsUsed(), v.itemsMissing(), v.prorated());
        }
    }

    record ProblemJson(String item, String kind, Integer value, String message) {
    }

    record InstrumentJson(String code, String version, boolean superseded, String title, String shortName,
            String recallPeriod, String rights, String copyright, String licenceNote, boolean wordingAvailable,
            Boolean wordingIsDemo, String instructions, MissingDataJson missingData, List<ScoreSpecJson> scores,
            List<SubscaleJson> subscales, Integer itemCount, List<ItemJson> items, List<String> unconfirmed) {

        static InstrumentJson summary(InstrumentDefinition d, Optional<InstrumentContent> wording) {
            return new InstrumentJson(d.code(), d.version(), d.superseded(), d.title(), d.shortName(), d.recallPeriod(),
                    d.rights().name(), wording.map(InstrumentContent::copyright).orElse(d.copyright()), d.licenceNote(),
                    wording.isPresent(), wording.map(InstrumentContent::demo).orElse(null), null,
                    MissingDataJson.of(d.missingDataPolicy()), d.scores().stream().map(ScoreSpecJson::of).toList(),
                    null, d.items().size(), null, d.unconfirmed());
        }

        static InstrumentJson full(InstrumentDefinition d, Optional<InstrumentContent> wording) {
            return new InstrumentJson(d.code(), d.version(), d.superseded(), d.title(), d.shortName(), d.recallPeriod(),
                    d.rights().name(), wording.map(InstrumentContent::copyright).orElse(d.copyright()), d.licenceNote(),
                    wording.isPresent(), wording.map(InstrumentContent::demo).orElse(null),
                    wording.map(InstrumentContent::instructions).orElse(null),
                    MissingDataJson.of(d.missingDataPolicy()), d.scores().stream().map(ScoreSpecJson::of).toList(),
                    d.subscales().stream().map(s -> new SubscaleJson(s.key(), s.label(), s.itemKeys())).toList(),
                    d.items().size(), d.items().stream().map(i -> ItemJson.of(i, wording)).toList(), d.unconfirmed());
        }
    }

    record MissingDataJson(String mode, int maxMissingItems, String explanation) {
        static MissingDataJson of(MissingDataPolicy p) {
            return new MissingDataJson(p.mode().name(), p.maxMissingItems(),
                    p.mode() == MissingDataPolicy.Mode.COMPLETE_ITEMS_ONLY
                            ? "No score when any item the score needs is missing or invalid."
                            : "A score is prorated when at most " + p.maxMissingItems() + " of its items are missing.");
        }
    }

    record ScoreSpecJson(String key, String label, String subscale, String aggregation, BigDecimal minimum,
            BigDecimal maximum, int decimals, List<ScoreSpec.Threshold> thresholds, List<ScoreSpec.Coding> codings) {
        static ScoreSpecJson of(ScoreSpec s) {
            return new ScoreSpecJson(s.key(), s.label(), s.subscaleKey(), s.aggregation().name(), s.minimum(),
                    s.maximum(), s.decimals(), s.thresholds(), s.codings());
        }
    }

    record SubscaleJson(String key, String label, List<String> items) {
    }

    record GateJson(String item, int includeWhen) {
    }

    record OptionJson(int code, String label) {
    }

    /** {@code text} is the licensed wording when it has been imported (show the copyright line with it). */
    record ItemJson(String key, int number, String label, String text, String group, boolean scored,
            boolean reverseScored, GateJson gate, List<OptionJson> options) {
        static ItemJson of(Item item, Optional<InstrumentContent> wording) {
            List<OptionJson> options = new ArrayList<>();
            for (ResponseOption o : item.responseSet().options()) {
                options.add(new OptionJson(o.code(), wording.flatMap(w -> w.optionLabel(item, o.code()))
                        .orElse(o.label())));
            }
            return new ItemJson(item.key(), item.number(), item.label(),
                    wording.flatMap(w -> w.itemText(item.key())).orElse(null), item.subscaleHint(), item.scored(),
                    item.reverseScored(), item.gate() == null ? null
                            : new GateJson(item.gate().itemKey(), item.gate().includeWhen()), options);
        }
    }
}
