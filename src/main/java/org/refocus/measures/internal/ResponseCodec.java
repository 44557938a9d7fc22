package org.refocus.measures.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.ScoreSpec;
import org.refocus.measures.instrument.ScoreValue;
import org.refocus.measures.instrument.Scoring;
import tools.jackson.databind.JsonNode;

/**
 * Answers and scores as stored: positional PostgreSQL arrays in the order of the instrument version's
 * items and scores (a version is never edited, so the order is fixed for good). Written as array
 * literals by hand because a bulk import writes a million of them.
 *
 * <p>Only values and absence codes are stored. The plain-English reason for an absent score and the
 * item counts are worked out again from the stored answers with the scoring version when shown: the
 * scoring is a pure function, so they match what was stored; the value and its absence are authoritative.
 */
final class ResponseCodec {

    private ResponseCodec() {
    }

    /** {@code {3,NULL,2,…}}: one element per item, NULL where not answered. */
    static String answers(InstrumentDefinition d, Map<String, Integer> answers) {
        StringBuilder out = new StringBuilder(d.items().size() * 3 + 2).append('{');
        List<Item> items = d.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Integer answer = answers.get(items.get(i).key());
            if (answer == null) {
                out.append("NULL");
            } else {
                out.append(answer.intValue());
            }
        }
        return out.append('}').toString();
    }

    static Map<String, Integer> answers(InstrumentDefinition d, String array) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<String> elements = elements(array);
        List<Item> items = d.items();
        for (int i = 0; i < items.size() && i < elements.size(); i++) {
            if (elements.get(i) != null) {
                answers.put(items.get(i).key(), Integer.valueOf(elements.get(i)));
            }
        }
        return answers;
    }

    /** {@code {45,NULL}}: one element per score, NULL where absent. */
    static String values(ScoreResult result) {
        StringBuilder out = new StringBuilder(16).append('{');
        for (int i = 0; i < result.scores().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            ScoreValue score = result.scores().get(i);
            out.append(score.isPresent() ? score.value().toPlainString() : "NULL");
        }
        return out.append('}').toString();
    }

    /** Null when every score has a value, else {@code {NULL,ITEMS_MISSING}}. */
    static String absences(ScoreResult result) {
        boolean any = false;
        StringBuilder out = new StringBuilder(32).append('{');
        for (int i = 0; i < result.scores().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            ScoreValue score = result.scores().get(i);
            if (score.isPresent()) {
                out.append("NULL");
            } else {
                any = true;
                out.append(score.absence().name());
            }
        }
        return any ? out.append('}').toString() : null;
    }

    /**
     * The stored scores of a response, by key, in the scoring version's order; null arrays (a response
     * under way) give none.
     */
    static Map<String, StoredScore> scores(InstrumentDefinition scoredWith, String values, String absences,
            Map<String, Integer> answers) {
        Map<String, StoredScore> scores = new LinkedHashMap<>();
        if (values == null) {
            return scores;
        }
        List<String> stored = elements(values);
        List<String> why = absences == null ? List.of() : elements(absences);
        ScoreResult again = Scoring.score(scoredWith, answers);
        List<ScoreSpec> specs = scoredWith.scores();
        for (int i = 0; i < specs.size() && i < stored.size(); i++) {
            ScoreValue recomputed = again.scores().get(i);
            BigDecimal value = stored.get(i) == null ? null : new BigDecimal(stored.get(i));
            String absence = value != null ? null : i < why.size() && why.get(i) != null ? why.get(i)
                    : recomputed.absence() == null ? "ITEMS_MISSING" : recomputed.absence().name();
            String reason = value != null ? null : recomputed.reason() != null ? recomputed.reason()
                    : "Not scored.";
            scores.put(specs.get(i).key(), new StoredScore(specs.get(i).key(), value, absence, reason,
                    recomputed.itemsUsed(), recomputed.itemsMissing(), value != null && recomputed.prorated()));
        }
        return scores;
    }

    /** Scores as JSON, for the re-scoring history (read by people, rarely written). */
    static String json(Map<String, StoredScore> scores) {
        var root = ContentJson.MAPPER.createObjectNode();
        scores.forEach((key, s) -> {
            var node = root.putObject(key);
            if (s.value() != null) {
                node.put("value", s.value());
            } else {
                node.put("absence", s.absence());
            }
        });
        return ContentJson.MAPPER.writeValueAsString(root);
    }

    static Map<String, StoredScore> fromJson(String json) {
        Map<String, StoredScore> scores = new LinkedHashMap<>();
        JsonNode root = ContentJson.MAPPER.readTree(json);
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode s = e.getValue();
            scores.put(e.getKey(), new StoredScore(e.getKey(), s.hasNonNull("value") ? s.get("value").decimalValue() : null,
                    s.hasNonNull("absence") ? s.get("absence").asString() : null, null, 0, 0, false));
        }
        return scores;
    }

    /** The elements of a one-dimensional array literal of numbers or plain codes; NULL gives null. */
    static List<String> elements(String array) {
        List<String> elements = new ArrayList<>();
        if (array == null || array.length() < 2) {
            return elements;
        }
        String inner = array.substring(1, array.length() - 1);
        if (inner.isEmpty()) {
            return elements;
        }
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            if (i == inner.length() || inner.charAt(i) == ',') {
                String element = inner.substring(start, i);
                elements.add(element.equals("NULL") ? null : element);
                start = i + 1;
            }
        }
        return elements;
    }
}
