package org.refocus.measures.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Scores answers against an instrument definition. Pure functions: no state, no I/O, thread-safe.
 *
 * <p>Arithmetic is exact: every score is computed as a ratio of exact decimals and rounded once, half
 * up, to the number of places its {@link ScoreSpec} declares. An answer is valid only if it is one of
 * the item's response codes; an invalid answer is reported as an {@link ItemProblem} and treated as
 * missing, never clamped.
 */
public final class Scoring {

    private static final int MAX_KEYS_IN_REASON = 5;

    private Scoring() {
    }

    /** Scores {@code answers} (item key to response code) under the definition's own missing-data policy. */
    public static ScoreResult score(InstrumentDefinition definition, Map<String, Integer> answers) {
        return score(definition, answers, definition.missingDataPolicy());
    }

    /**
     * Scores {@code answers} under an explicit missing-data policy, for an organisation that has chosen
     * a different policy from the definition's default. Null answer values count as unanswered.
     */
    public static ScoreResult score(InstrumentDefinition definition, Map<String, Integer> answers,
                                    MissingDataPolicy policy) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(policy, "policy");

        List<ItemProblem> problems = itemProblems(definition, answers);
        List<ScoreValue> values = new ArrayList<>(definition.scores().size());
        for (ScoreSpec spec : definition.scores()) {
            values.add(scoreOne(definition, spec, answers, policy));
        }
        return new ScoreResult(definition.code(), definition.version(), values,
                isComplete(definition, answers), problems);
    }

    private static ScoreValue scoreOne(InstrumentDefinition definition, ScoreSpec spec, Map<String, Integer> answers,
                                       MissingDataPolicy policy) {
        List<String> itemKeys = itemKeysOf(definition, spec);
        long sum = 0;
        int used = 0;
        int missing = 0;
        List<String> missingKeys = null;
        for (String key : itemKeys) {
            Item item = definition.itemOrNull(key);
            if (item == null || !item.scored()) {
                continue; // the validator rejects such definitions; defensive only
            }
            Item.Gate gate = item.gate();
            if (gate != null) {
                Integer gateAnswer = validAnswer(definition.itemOrNull(gate.itemKey()), answers.get(gate.itemKey()));
                if (gateAnswer == null) {
                    missing++;
                    missingKeys = add(missingKeys, gate.itemKey());
                    continue;
                }
                if (gateAnswer != gate.includeWhen()) {
                    continue;
                }
            }
            Integer answer = validAnswer(item, answers.get(key));
            if (answer == null) {
                missing++;
                missingKeys = add(missingKeys, key);
                continue;
            }
            sum += item.scoredValue(answer);
            used++;
        }

        if (used == 0 && missing == 0) {
            return ScoreValue.absent(spec, ScoreValue.Absence.NO_ITEM_APPLIES,
                    "Not scored: no item counts towards this score, because every item was marked as not "
                            + "mattering to the person (only items that matter are rated).", 0, 0);
        }
        int expected = used + missing;
        boolean prorated = false;
        if (missing > 0) {
            if (policy.mode() == MissingDataPolicy.Mode.COMPLETE_ITEMS_ONLY) {
                return ScoreValue.absent(spec, ScoreValue.Absence.ITEMS_MISSING,
                        "Not scored: " + missing + " of " + expected + " items needed for this score "
                                + (missing == 1 ? "is" : "are") + " missing or invalid (" + describe(missingKeys)
                                + "). This instrument gives no score when any of its items is missing.",
                        used, missing);
            }
            if (missing > policy.maxMissingItems() || used == 0) {
                return ScoreValue.absent(spec, ScoreValue.Absence.TOO_MANY_ITEMS_MISSING,
                        "Not scored: " + missing + " of " + expected + " items needed for this score are missing "
                                + "or invalid (" + describe(missingKeys) + "); the prorating rule allows at most "
                                + policy.maxMissingItems() + ".", used, missing);
            }
            prorated = true;
        }

        // The aggregate as an exact ratio numerator / denominator.
        BigDecimal numerator;
        BigDecimal denominator;
        if (spec.aggregation() == ScoreSpec.Aggregation.SUM) {
            numerator = BigDecimal.valueOf(prorated ? sum * expected : sum);
            denominator = BigDecimal.valueOf(prorated ? used : 1);
        } else {
            numerator = BigDecimal.valueOf(sum);
            denominator = BigDecimal.valueOf(used);
        }

        BigDecimal value;
        if (spec.hasConversion()) {
            int raw = numerator.divide(denominator, 0, RoundingMode.HALF_UP).intValueExact();
            BigDecimal converted = spec.conversion().get(raw);
            if (converted == null) {
                return ScoreValue.absent(spec, ScoreValue.Absence.NOT_IN_CONVERSION_TABLE,
                        "Not scored: the raw score " + raw + " is not in this instrument's conversion table.",
                        used, missing);
            }
            value = converted.setScale(spec.decimals(), RoundingMode.HALF_UP);
        } else if (spec.rescale() != null) {
            ScoreSpec.Rescale r = spec.rescale();
            BigDecimal fromSpan = r.fromMax().subtract(r.fromMin());
            BigDecimal toSpan = r.toMax().subtract(r.toMin());
            BigDecimal scaledNumerator = numerator.subtract(r.fromMin().multiply(denominator)).multiply(toSpan)
                    .add(r.toMin().multiply(denominator).multiply(fromSpan));
            value = scaledNumerator.divide(denominator.multiply(fromSpan), spec.decimals(), RoundingMode.HALF_UP);
        } else {
            value = numerator.divide(denominator, spec.decimals(), RoundingMode.HALF_UP);
        }
        return ScoreValue.present(spec, value, used, missing, prorated);
    }

    /** The keys of the items a score is worked out from: its subscale's, or every scored item. */
    static List<String> itemKeysOf(InstrumentDefinition definition, ScoreSpec spec) {
        if (spec.subscaleKey() == null) {
            List<String> keys = new ArrayList<>(definition.items().size());
            for (Item item : definition.items()) {
                if (item.scored()) {
                    keys.add(item.key());
                }
            }
            return keys;
        }
        for (Subscale subscale : definition.subscales()) {
            if (subscale.key().equals(spec.subscaleKey())) {
                return subscale.itemKeys();
            }
        }
        throw new IllegalStateException("score " + spec.key() + " names unknown subscale " + spec.subscaleKey());
    }

    private static List<ItemProblem> itemProblems(InstrumentDefinition definition, Map<String, Integer> answers) {
        List<ItemProblem> problems = new ArrayList<>(0);
        for (Item item : definition.items()) {
            Integer answer = answers.get(item.key());
            if (answer == null) {
                continue;
            }
            if (!item.responseSet().accepts(answer)) {
                problems.add(new ItemProblem(item.key(), ItemProblem.Kind.OUT_OF_RANGE, answer,
                        "Item " + item.key() + ": " + answer + " is not one of its response codes "
                                + codes(item.responseSet()) + ", so it was not scored."));
                continue;
            }
            Item.Gate gate = item.gate();
            if (gate != null) {
                Integer gateAnswer = validAnswer(definition.itemOrNull(gate.itemKey()), answers.get(gate.itemKey()));
                if (gateAnswer != null && gateAnswer != gate.includeWhen()) {
                    problems.add(new ItemProblem(item.key(), ItemProblem.Kind.IGNORED_NOT_APPLICABLE, answer,
                            "Item " + item.key() + " was rated although " + gate.itemKey()
                                    + " says it does not apply, so the rating was not scored."));
                } else if (answers.get(gate.itemKey()) == null) {
                    // An invalid gate answer is reported against the gate item itself.
                    problems.add(new ItemProblem(item.key(), ItemProblem.Kind.GATE_UNANSWERED, answer,
                            "Item " + item.key() + " was rated, but whether it matters (" + gate.itemKey()
                                    + ") was not answered, so the rating was not scored: only items that "
                                    + "matter are scored."));
                }
            }
        }
        if (answers.size() > 0) {
            TreeSet<String> unknown = null;
            for (String key : answers.keySet()) {
                if (definition.itemOrNull(key) == null) {
                    unknown = unknown == null ? new TreeSet<>() : unknown;
                    unknown.add(String.valueOf(key));
                }
            }
            if (unknown != null) {
                for (String key : unknown) {
                    problems.add(new ItemProblem(key, ItemProblem.Kind.UNKNOWN_ITEM, answers.get(key),
                            "There is no item '" + key + "' in " + definition.reference()
                                    + ", so this answer was not scored."));
                }
            }
        }
        return problems;
    }

    private static boolean isComplete(InstrumentDefinition definition, Map<String, Integer> answers) {
        for (Item item : definition.items()) {
            Item.Gate gate = item.gate();
            if (gate != null) {
                Integer gateAnswer = validAnswer(definition.itemOrNull(gate.itemKey()), answers.get(gate.itemKey()));
                if (gateAnswer == null || gateAnswer != gate.includeWhen()) {
                    continue; // a missing gate is counted against the gate item itself
                }
            }
            if (validAnswer(item, answers.get(item.key())) == null) {
                return false;
            }
        }
        return true;
    }

    private static Integer validAnswer(Item item, Integer answer) {
        return item != null && answer != null && item.responseSet().accepts(answer) ? answer : null;
    }

    private static List<String> add(List<String> keys, String key) {
        List<String> list = keys == null ? new ArrayList<>() : keys;
        list.add(key);
        return list;
    }

    private static String describe(List<String> keys) {
        if (keys.size() <= MAX_KEYS_IN_REASON) {
            return String.join(", ", keys);
        }
        return String.join(", ", keys.subList(0, MAX_KEYS_IN_REASON)) + " and "
                + (keys.size() - MAX_KEYS_IN_REASON) + " more";
    }

    private static String codes(ResponseSet set) {
        StringBuilder text = new StringBuilder();
        for (ResponseOption option : set.options()) {
            text.append(text.length() == 0 ? "" : ", ").append(option.code());
        }
        return text.toString();
    }
}
