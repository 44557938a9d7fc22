package org.refocus.measures.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a scoring request, {@code {"answers": {"<itemKey>": <code or null>, ...}}}, read strictly:
 * nothing in it may be dropped without a word. JSON lets a name repeat (a parser keeps the last), so an item
 * answered twice is listed in {@code answeredTwice}; any other property, a repeated {@code answers}, a body
 * that is empty or not JSON is a {@code problem} that says what to send.
 *
 * @param answers       the answers object; null when there is a problem
 * @param answeredTwice item keys that appear more than once in it, in order
 * @param problem       why the body cannot be read as answers, or null
 */
record ScoreRequest(JsonNode answers, List<String> answeredTwice, String problem) {

    static final String SHAPE = "Send {\"answers\": {\"<itemKey>\": <response code>, ...}}.";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static ScoreRequest read(String body) {
        if (body == null || body.isBlank()) {
            return problem("The body is empty. " + SHAPE);
        }
        List<String> twice = new ArrayList<>();
        List<String> topLevelTwice = new ArrayList<>();
        JsonNode tree;
        try {
            try (JsonParser parser = MAPPER.createParser(body)) {
                Deque<Set<String>> names = new ArrayDeque<>();
                int depth = 0;
                boolean seenValue = false;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (depth == 0 && seenValue) {
                        return problem("The body has more after its JSON object" + where(parser.currentTokenLocation())
                                + ". " + SHAPE);
                    }
                    seenValue = true;
                    depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                    if (token == JsonToken.START_OBJECT) {
                        names.push(new HashSet<>());
                    } else if (token == JsonToken.END_OBJECT) {
                        names.pop();
                    } else if (token == JsonToken.PROPERTY_NAME && !names.peek().add(parser.currentName())) {
                        List<String> list = names.size() == 1 ? topLevelTwice : names.size() == 2 ? twice : null;
                        if (list != null && !list.contains(parser.currentName())) {
                            list.add(parser.currentName());
                        }
                    }
                }
            }
            tree = MAPPER.readTree(body);
        } catch (JacksonException e) {
            // Jackson's own message, without its note on where the source was (given as line and column).
            String message = e.getOriginalMessage();
            int note = message.indexOf(" (start marker at");
            message = (note < 0 ? message : message.substring(0, note)).lines().findFirst().orElse("").strip();
            return problem("The body is not valid JSON" + where(e.getLocation()) + ": " + message + ". " + SHAPE);
        }
        if (!topLevelTwice.isEmpty()) {
            return problem("The body has '" + topLevelTwice.get(0) + "' more than once. " + SHAPE);
        }
        if (tree == null || !tree.isObject() || !tree.path("answers").isObject()) {
            return problem("The body must be {\"answers\": {\"<itemKey>\": <response code>, ...}}.");
        }
        for (Map.Entry<String, JsonNode> property : tree.properties()) {
            if (!property.getKey().equals("answers")) {
                return problem("The body has a property '" + property.getKey() + "' that is not read: only "
                        + "\"answers\" is (choose an instrument version with ?version=). " + SHAPE);
            }
        }
        return new ScoreRequest(tree.get("answers"), List.copyOf(twice), null);
    }

    private static String where(TokenStreamLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static ScoreRequest problem(String text) {
        return new ScoreRequest(null, List.of(), text);
    }
}
