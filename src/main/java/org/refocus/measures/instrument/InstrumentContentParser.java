package org.refocus.measures.instrument;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads a REFOCUS instrument content file: the wording an organisation imports for one or more
 * instruments. A file is either one content object or a bundle:
 *
 * <pre>{@code
 * {
 *   "format": "refocus-instrument-content", "formatVersion": 1,
 *   "contents": [ {
 *     "instrument": "wemwbs", "version": "1", "language": "en-GB", "demo": false,
 *     "title": "...", "instructions": "...",
 *     "copyright": "the owner's copyright line, shown wherever the wording appears",
 *     "licenceNote": "the terms under which this organisation uses the wording",
 *     "items":       { "<item key>": "<item text>", ... },
 *     "options":     { "<response set id>": { "<code>": "<label>", ... } },
 *     "itemOptions": { "<item key>": { "<code>": "<label>", ... } }
 *   } ]
 * }
 * }</pre>
 *
 * Unknown properties are rejected. Check the result against a definition with
 * {@link InstrumentContent#problemsAgainst(InstrumentDefinition)} before use.
 */
public final class InstrumentContentParser {

    public static final String FORMAT = "refocus-instrument-content";
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> BUNDLE = Set.of("format", "formatVersion", "contents");
    private static final Set<String> CONTENT = Set.of("format", "formatVersion", "instrument", "version", "language",
            "demo", "title", "instructions", "copyright", "licenceNote", "items", "options", "itemOptions");

    private InstrumentContentParser() {
    }

    /**
     * @param source name of the file, used in error messages and recorded as the content's origin
     * @throws InvalidInstrumentException listing every problem when the file is not valid content
     */
    public static List<InstrumentContent> parse(InputStream in, String source) {
        JsonNode root = JsonReader.readTree(in, source);
        JsonReader r = new JsonReader();
        if (!root.isObject()) {
            throw new InvalidInstrumentException(source, List.of("a content file must be a JSON object"));
        }
        checkFormat(r, root, "$");
        List<InstrumentContent> contents = new ArrayList<>();
        if (root.has("contents")) {
            r.allowOnly(root, "$", BUNDLE);
            List<JsonNode> nodes = r.array(root, "contents", "$", true);
            if (nodes.isEmpty()) {
                r.problem("$.contents", "must list at least one instrument");
            }
            for (int i = 0; i < nodes.size(); i++) {
                InstrumentContent content = content(r, nodes.get(i), "$.contents[" + i + "]", source);
                if (content != null) {
                    contents.add(content);
                }
            }
        } else {
            InstrumentContent content = content(r, root, "$", source);
            if (content != null) {
                contents.add(content);
            }
        }
        if (!r.problems().isEmpty()) {
            throw new InvalidInstrumentException(source, r.problems());
        }
        return List.copyOf(contents);
    }

    private static void checkFormat(JsonReader r, JsonNode node, String path) {
        String format = r.string(node, "format", path, false);
        if (format != null && !FORMAT.equals(format)) {
            r.problem(path + ".format", "must be '" + FORMAT + "'");
        }
        Integer formatVersion = r.integer(node, "formatVersion", path, false);
        if (formatVersion != null && formatVersion != FORMAT_VERSION) {
            r.problem(path + ".formatVersion", "version " + formatVersion + " is not supported (expected "
                    + FORMAT_VERSION + ")");
        }
    }

    private static InstrumentContent content(JsonReader r, JsonNode node, String path, String source) {
        if (!node.isObject()) {
            r.problem(path, "must be an object");
            return null;
        }
        r.allowOnly(node, path, CONTENT);
        if (!"$".equals(path)) {
            checkFormat(r, node, path);
        }
        String code = r.string(node, "instrument", path, true);
        String version = r.string(node, "version", path, true);
        String language = r.string(node, "language", path, true);
        String copyright = r.string(node, "copyright", path, true);
        Map<String, String> items = new LinkedHashMap<>();
        JsonNode itemsNode = r.object(node, "items", path, true);
        if (itemsNode != null) {
            for (Map.Entry<String, JsonNode> entry : itemsNode.properties()) {
                if (entry.getValue().isString() && !entry.getValue().stringValue().isBlank()) {
                    items.put(entry.getKey(), entry.getValue().stringValue());
                } else {
                    r.problem(path + ".items." + entry.getKey(), "must be non-blank text");
                }
            }
        }
        Map<String, Map<Integer, String>> options = labels(r, node, "options", path);
        Map<String, Map<Integer, String>> itemOptions = labels(r, node, "itemOptions", path);
        if (code == null || version == null || language == null || copyright == null) {
            return null;
        }
        return new InstrumentContent(code, version, language, r.string(node, "title", path, false),
                r.string(node, "instructions", path, false), copyright, r.string(node, "licenceNote", path, false),
                r.bool(node, "demo", path, false), items, options, itemOptions, source);
    }

    private static Map<String, Map<Integer, String>> labels(JsonReader r, JsonNode node, String name, String path) {
        Map<String, Map<Integer, String>> result = new LinkedHashMap<>();
        JsonNode groups = r.object(node, name, path, false);
        if (groups == null) {
            return result;
        }
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            String groupPath = path + "." + name + "." + group.getKey();
            if (!group.getValue().isObject()) {
                r.problem(groupPath, "must be an object of code to label");
                continue;
            }
            Map<Integer, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> label : group.getValue().properties()) {
                try {
                    int code = Integer.parseInt(label.getKey());
                    if (label.getValue().isString() && !label.getValue().stringValue().isBlank()) {
                        labels.put(code, label.getValue().stringValue());
                    } else {
                        r.problem(groupPath + "." + label.getKey(), "must be non-blank text");
                    }
                } catch (NumberFormatException e) {
                    r.problem(groupPath + "." + label.getKey(), "option code must be a whole number");
                }
            }
            result.put(group.getKey(), labels);
        }
        return result;
    }
}
