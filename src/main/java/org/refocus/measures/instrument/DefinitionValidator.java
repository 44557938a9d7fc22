package org.refocus.measures.instrument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a definition is internally consistent before anyone can score with it: unique keys and
 * codes, references that resolve, scores whose declared range is what the items actually produce, and
 * conversion tables that cover every raw score.
 */
public final class DefinitionValidator {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");

    private DefinitionValidator() {
    }

    /** Every problem found, in plain English; empty when the definition is valid. */
    public static List<String> problems(InstrumentDefinition d) {
        List<String> problems = new ArrayList<>();
        if (!CODE.matcher(d.code()).matches()) {
            problems.add("code '" + d.code() + "' must be lower-case letters, digits and hyphens");
        }
        if (d.version().isBlank()) {
            problems.add("version must not be blank");
        }
        if (d.copyright().isBlank()) {
            problems.add("copyright line must not be blank");
        }
        if (d.sources().isEmpty()) {
            problems.add("at least one source must be recorded");
        }

        Set<String> setIds = new HashSet<>();
        for (ResponseSet set : d.responseSets()) {
            if (!setIds.add(set.id())) {
                problems.add("response set '" + set.id() + "' is declared twice");
            }
            Set<Integer> codes = new HashSet<>();
            for (ResponseOption option : set.options()) {
                if (!codes.add(option.code())) {
                    problems.add("response set '" + set.id() + "' repeats option code " + option.code());
                }
                if (option.label().isBlank()) {
                    problems.add("response set '" + set.id() + "' option " + option.code() + " has no label");
                }
            }
        }

        Set<String> itemKeys = new HashSet<>();
        Set<Integer> itemNumbers = new HashSet<>();
        Map<String, Item> items = new HashMap<>();
        for (Item item : d.items()) {
            if (!KEY.matcher(item.key()).matches()) {
                problems.add("item key '" + item.key() + "' must be lower-case letters, digits and underscores");
            }
            if (!itemKeys.add(item.key())) {
                problems.add("item key '" + item.key() + "' is used twice");
            }
            if (!itemNumbers.add(item.number())) {
                problems.add("item number " + item.number() + " is used twice");
            }
            if (d.responseSets().stream().noneMatch(set -> set.equals(item.responseSet()))) {
                problems.add("item '" + item.key() + "' uses response set '" + item.responseSet().id()
                        + "' which the definition does not declare");
            }
            items.putIfAbsent(item.key(), item);
        }
        if (d.items().isEmpty()) {
            problems.add("an instrument needs at least one item");
        }
        for (Item item : d.items()) {
            Item.Gate gate = item.gate();
            if (gate == null) {
                continue;
            }
            Item gateItem = items.get(gate.itemKey());
            if (gateItem == null) {
                problems.add("item '" + item.key() + "' is gated by unknown item '" + gate.itemKey() + "'");
            } else {
                if (gateItem.gate() != null) {
                    problems.add("gate item '" + gateItem.key() + "' must not itself be gated");
                }
                if (gateItem.scored()) {
                    problems.add("gate item '" + gateItem.key() + "' must not be scored");
                }
                if (!gateItem.responseSet().accepts(gate.includeWhen())) {
                    problems.add("item '" + item.key() + "' is included when '" + gate.itemKey() + "' is "
                            + gate.includeWhen() + ", which is not one of that item's codes");
                }
            }
        }

        Set<String> subscaleKeys = new HashSet<>();
        for (Subscale subscale : d.subscales()) {
            if (!subscaleKeys.add(subscale.key())) {
                problems.add("subscale '" + subscale.key() + "' is declared twice");
            }
            if (subscale.itemKeys().isEmpty()) {
                problems.add("subscale '" + subscale.key() + "' has no items");
            }
            Set<String> seen = new HashSet<>();
            for (String key : subscale.itemKeys()) {
                if (!items.containsKey(key)) {
                    problems.add("subscale '" + subscale.key() + "' names item '" + key + "' which does not exist");
                }
                if (!seen.add(key)) {
                    problems.add("subscale '" + subscale.key() + "' names item '" + key + "' twice");
                }
            }
        }

        Set<String> scoreKeys = new HashSet<>();
        boolean scoresResolve = true;
        for (ScoreSpec score : d.scores()) {
            if (!scoreKeys.add(score.key())) {
                problems.add("score '" + score.key() + "' is declared twice");
            }
            if (score.subscaleKey() != null && !subscaleKeys.contains(score.subscaleKey())) {
                problems.add("score '" + score.key() + "' uses unknown subscale '" + score.subscaleKey() + "'");
                scoresResolve = false;
                continue;
            }
            List<String> keys = score.subscaleKey() == null
                    ? d.items().stream().filter(Item::scored).map(Item::key).toList()
                    : d.subscale(score.subscaleKey()).orElseThrow().itemKeys();
            if (keys.isEmpty()) {
                problems.add("score '" + score.key() + "' has no items");
                scoresResolve = false;
            }
            for (String key : keys) {
                Item item = items.get(key);
                if (item != null && !item.scored()) {
                    problems.add("score '" + score.key() + "' includes item '" + key + "' which is not scored");
                }
            }
            if (score.hasConversion() && score.rescale() != null) {
                problems.add("score '" + score.key() + "' cannot both rescale and convert through a table");
            }
            if (score.hasConversion() && score.aggregation() != ScoreSpec.Aggregation.SUM) {
                problems.add("score '" + score.key() + "' converts through a table, which needs a SUM");
            }
            if (score.minimum().compareTo(score.maximum()) > 0) {
                problems.add("score '" + score.key() + "' has minimum above maximum");
            }
            for (ScoreSpec.Threshold threshold : score.thresholds()) {
                if (threshold.value().signum() < 0) {
                    problems.add("score '" + score.key() + "' threshold '" + threshold.key() + "' is negative");
                }
            }
            if (score.hasConversion()) {
                problems.addAll(conversionProblems(score, keys, items));
            }
        }
        if (d.scores().isEmpty()) {
            problems.add("an instrument needs at least one score");
        }

        if (problems.isEmpty() && scoresResolve) {
            problems.addAll(rangeProblems(d));
        }
        return problems;
    }

    /** A conversion table must cover every raw sum the items can produce, and never decrease. */
    private static List<String> conversionProblems(ScoreSpec score, List<String> keys, Map<String, Item> items) {
        List<String> problems = new ArrayList<>();
        int rawMin = 0;
        int rawMax = 0;
        for (String key : keys) {
            Item item = items.get(key);
            if (item == null) {
                return problems;
            }
            rawMin += item.responseSet().minimum();
            rawMax += item.responseSet().maximum();
        }
        BigDecimal previous = null;
        for (int raw = rawMin; raw <= rawMax; raw++) {
            BigDecimal value = score.conversion().get(raw);
            if (value == null) {
                problems.add("score '" + score.key() + "' conversion table has no row for raw score " + raw);
                continue;
            }
            if (previous != null && value.compareTo(previous) < 0) {
                problems.add("score '" + score.key() + "' conversion table decreases at raw score " + raw);
            }
            previous = value;
        }
        for (Integer raw : score.conversion().keySet()) {
            if (raw < rawMin || raw > rawMax) {
                problems.add("score '" + score.key() + "' conversion table has raw score " + raw
                        + " outside the possible range " + rawMin + "–" + rawMax);
            }
        }
        return problems;
    }

    /**
     * The declared minimum and maximum of each score must be what scoring the lowest and highest possible
     * answers actually gives. This catches a wrong item list, response set or rescaling in the data.
     */
    private static List<String> rangeProblems(InstrumentDefinition d) {
        List<String> problems = new ArrayList<>();
        ScoreResult lowest = Scoring.score(d, extremeAnswers(d, false), MissingDataPolicy.COMPLETE_ITEMS_ONLY);
        ScoreResult highest = Scoring.score(d, extremeAnswers(d, true), MissingDataPolicy.COMPLETE_ITEMS_ONLY);
        for (ScoreSpec spec : d.scores()) {
            check(problems, spec, "minimum", spec.minimum(), lowest.score(spec.key()));
            check(problems, spec, "maximum", spec.maximum(), highest.score(spec.key()));
        }
        return problems;
    }

    private static void check(List<String> problems, ScoreSpec spec, String which, BigDecimal declared,
                              ScoreValue actual) {
        if (!actual.isPresent()) {
            problems.add("score '" + spec.key() + "' cannot be computed from the " + which + " answers: "
                    + actual.reason());
        } else if (actual.value().compareTo(declared) != 0) {
            problems.add("score '" + spec.key() + "' declares " + which + " " + declared.toPlainString()
                    + " but the items give " + actual.value().toPlainString());
        }
    }

    private static Map<String, Integer> extremeAnswers(InstrumentDefinition d, boolean highest) {
        Map<String, Integer> answers = new HashMap<>();
        Set<String> gateKeys = new HashSet<>();
        for (Item item : d.items()) {
            if (item.gate() != null) {
                answers.put(item.gate().itemKey(), item.gate().includeWhen());
                gateKeys.add(item.gate().itemKey());
            }
        }
        for (Item item : d.items()) {
            if (gateKeys.contains(item.key())) {
                continue;
            }
            boolean wantMax = highest != item.reverseScored();
            answers.put(item.key(), wantMax ? item.responseSet().maximum() : item.responseSet().minimum());
        }
        return answers;
    }
}
