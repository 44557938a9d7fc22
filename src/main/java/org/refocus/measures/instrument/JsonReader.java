package org.refocus.measures.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small strict reader over a Jackson tree: collects every problem with its JSON path instead of
 * stopping at the first, and rejects unknown properties so that a typo in a definition is caught.
 */
final class JsonReader {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<String> problems = new ArrayList<>();

    static JsonNode readTree(InputStream in, String source) {
        try (InputStream input = in) {
            JsonNode node = MAPPER.readTree(input);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInstrumentException(source, List.of("the file is empty"));
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidInstrumentException(source, List.of("not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidInstrumentException(source, List.of("could not be read: " + e.getMessage()));
        }
    }

    List<String> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    void allowOnly(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!allowed.contains(property.getKey())) {
                problem(path, "unknown property '" + property.getKey() + "'");
            }
        }
    }

    JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "'" + name + "' is required");
            }
            return null;
        }
        if (!node.isObject()) {
            problem(path + "." + name, "must be an object");
            return null;
        }
        return node;
    }

    List<JsonNode> array(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "'" + name + "' is required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            problem(path + "." + name, "must be an array");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        node.values().forEach(elements::add);
        return elements;
    }

    String string(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "'" + name + "' is required");
            }
            return null;
        }
        if (!node.isString()) {
            problem(path + "." + name, "must be a string");
            return null;
        }
        String value = node.stringValue();
        if (required && value.isBlank()) {
            problem(path + "." + name, "must not be blank");
        }
        return value;
    }

    Integer integer(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "'" + name + "' is required");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(path + "." + name, "must be a whole number");
            return null;
        }
        return node.intValue();
    }

    boolean bool(JsonNode parent, String name, String path, boolean defaultValue) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            problem(path + "." + name, "must be true or false");
            return defaultValue;
        }
        return node.booleanValue();
    }

    BigDecimal decimal(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "'" + name + "' is required");
            }
            return null;
        }
        return decimalValue(node, path + "." + name);
    }

    /** A number, or a string holding one; strings keep trailing zeros exactly as written ("7.00"). */
    BigDecimal decimalValue(JsonNode node, String path) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            try {
                return new BigDecimal(node.stringValue().trim());
            } catch (NumberFormatException e) {
                problem(path, "'" + node.stringValue() + "' is not a number");
                return null;
            }
        }
        problem(path, "must be a number");
        return null;
    }

    List<String> strings(JsonNode parent, String name, String path) {
        List<String> values = new ArrayList<>();
        List<JsonNode> nodes = array(parent, name, path, false);
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (node.isString()) {
                values.add(node.stringValue());
            } else {
                problem(path + "." + name + "[" + i + "]", "must be a string");
            }
        }
        return values;
    }
}
