package org.refocus.measures.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.ScoreValue;
import tools.jackson.databind.JsonNode;

/**
 * Answers and scores as JSON for the jsonb columns. Written by hand because a bulk import writes a
 * million of them; read with Jackson. Keys are item and score keys ({@code [a-z0-9_]+}, checked by
 * the definition validator) so they need no escaping; reasons are escaped.
 */
final class ResponseJson {

    private ResponseJson() {
    }

    static String answers(Map<String, Integer> answers) {
        StringBuilder json = new StringBuilder(answers.size() * 14 + 2).append('{');
        boolean first = true;
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            if (answer.getValue() == null) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append('"').append(answer.getKey()).append("\":").append(answer.getValue().intValue());
        }
        return json.append('}').toString();
    }

    static String scores(ScoreResult result) {
        StringBuilder json = new StringBuilder(96 * result.scores().size()).append('{');
        boolean first = true;
        for (ScoreValue score : result.scores()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append('"').append(score.key()).append("\":{");
            if (score.isPresent()) {
                json.append("\"value\":").append(score.value().toPlainString());
            } else {
                json.append("\"absence\":\"").append(score.absence().name()).append("\",\"reason\":");
                string(json, score.reason());
            }
            json.append(",\"itemsUsed\":").append(score.itemsUsed()).append(",\"itemsMissing\":")
                    .append(score.itemsMissing());
            if (score.prorated()) {
                json.append(",\"prorated\":true");
            }
            json.append('}');
        }
        return json.append('}').toString();
    }

    static Map<String, Integer> readAnswers(String json) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        if (json == null) {
            return answers;
        }
        JsonNode root = ContentJson.MAPPER.readTree(json);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getValue().isIntegralNumber()) {
                answers.put(entry.getKey(), entry.getValue().intValue());
            }
        }
        return answers;
    }

    static Map<String, StoredScore> readScores(String json) {
        Map<String, StoredScore> scores = new LinkedHashMap<>();
        if (json == null) {
            return scores;
        }
        JsonNode root = ContentJson.MAPPER.readTree(json);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode s = entry.getValue();
            BigDecimal value = s.hasNonNull("value") ? s.get("value").decimalValue() : null;
            scores.put(entry.getKey(), new StoredScore(entry.getKey(), value,
                    s.hasNonNull("absence") ? s.get("absence").asString() : null,
                    s.hasNonNull("reason") ? s.get("reason").asString() : null,
                    s.path("itemsUsed").asInt(0), s.path("itemsMissing").asInt(0), s.path("prorated").asBoolean(false)));
        }
        return scores;
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
