package org.refocus.measures.instrument;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads one instrument definition from its JSON file. The format is documented by the files under
 * {@code src/main/resources/instruments/definitions/}; unknown properties are rejected so that a typo
 * cannot silently change scoring. The parsed definition is also run through {@link DefinitionValidator}.
 */
public final class InstrumentDefinitionParser {

    private static final Set<String> TOP = Set.of("code", "version", "superseded", "title", "shortName",
            "recallPeriod", "rights", "copyright", "licenceNote", "responseSets", "items", "subscales", "scores",
            "missingData", "sources", "notes", "unconfirmed");
    private static final Set<String> RESPONSE_SET = Set.of("id", "options");
    private static final Set<String> OPTION = Set.of("code", "label");
    private static final Set<String> ITEM = Set.of("key", "number", "label", "responseSet", "scored",
            "reverseScored", "gate", "group");
    private static final Set<String> GATE = Set.of("item", "includeWhen");
    private static final Set<String> SUBSCALE = Set.of("key", "label", "items");
    private static final Set<String> SCORE = Set.of("key", "label", "subscale", "aggregation", "rescale",
            "conversion", "decimals", "minimum", "maximum", "thresholds", "codings");
    private static final Set<String> RESCALE = Set.of("fromMin", "fromMax", "toMin", "toMax");
    private static final Set<String> THRESHOLD = Set.of("key", "value", "meaning");
    private static final Set<String> CODING = Set.of("system", "code", "display");
    private static final Set<String> MISSING = Set.of("mode", "maxMissingItems");
    private static final Set<String> SOURCE = Set.of("fact", "reference");

    private InstrumentDefinitionParser() {
    }

    /**
     * Parses and validates a definition.
     *
     * @param source name of the file, used only in error messages
     * @throws InvalidInstrumentException listing every problem when the file is not a valid definition
     */
    public static InstrumentDefinition parse(InputStream in, String source) {
        JsonNode root = JsonReader.readTree(in, source);
        JsonReader r = new JsonReader();
        if (!root.isObject()) {
            throw new InvalidInstrumentException(source, List.of("a definition must be a JSON object"));
        }
        r.allowOnly(root, "$", TOP);

        Map<String, ResponseSet> sets = new HashMap<>();
        List<ResponseSet> responseSets = new ArrayList<>();
        List<JsonNode> setNodes = r.array(root, "responseSets", "$", true);
        for (int i = 0; i < setNodes.size(); i++) {
            String path = "$.responseSets[" + i + "]";
            JsonNode node = setNodes.get(i);
            r.allowOnly(node, path, RESPONSE_SET);
            String id = r.string(node, "id", path, true);
            List<ResponseOption> options = new ArrayList<>();
            List<JsonNode> optionNodes = r.array(node, "options", path, true);
            for (int j = 0; j < optionNodes.size(); j++) {
                String optionPath = path + ".options[" + j + "]";
                JsonNode option = optionNodes.get(j);
                r.allowOnly(option, optionPath, OPTION);
                Integer code = r.integer(option, "code", optionPath, true);
                String label = r.string(option, "label", optionPath, true);
                if (code != null && label != null) {
                    options.add(new ResponseOption(code, label));
                }
            }
            if (id != null && !options.isEmpty()) {
                ResponseSet set = new ResponseSet(id, options);
                responseSets.add(set);
                sets.putIfAbsent(id, set);
            } else if (id != null) {
                r.problem(path, "response set '" + id + "' has no options");
            }
        }

        List<Item> items = new ArrayList<>();
        List<JsonNode> itemNodes = r.array(root, "items", "$", true);
        for (int i = 0; i < itemNodes.size(); i++) {
            String path = "$.items[" + i + "]";
            JsonNode node = itemNodes.get(i);
            r.allowOnly(node, path, ITEM);
            String key = r.string(node, "key", path, true);
            Integer number = r.integer(node, "number", path, true);
            String label = r.string(node, "label", path, true);
            String setId = r.string(node, "responseSet", path, true);
            ResponseSet set = setId == null ? null : sets.get(setId);
            if (setId != null && set == null) {
                r.problem(path, "response set '" + setId + "' is not declared");
            }
            Item.Gate gate = null;
            JsonNode gateNode = r.object(node, "gate", path, false);
            if (gateNode != null) {
                r.allowOnly(gateNode, path + ".gate", GATE);
                String gateItem = r.string(gateNode, "item", path + ".gate", true);
                Integer includeWhen = r.integer(gateNode, "includeWhen", path + ".gate", true);
                if (gateItem != null && includeWhen != null) {
                    gate = new Item.Gate(gateItem, includeWhen);
                }
            }
            boolean scored = r.bool(node, "scored", path, true);
            boolean reverse = r.bool(node, "reverseScored", path, false);
            String group = r.string(node, "group", path, false);
            if (key != null && number != null && label != null && set != null) {
                items.add(new Item(key, number, label, set, scored, reverse, gate, group));
            }
        }

        List<Subscale> subscales = new ArrayList<>();
        List<JsonNode> subscaleNodes = r.array(root, "subscales", "$", false);
        for (int i = 0; i < subscaleNodes.size(); i++) {
            String path = "$.subscales[" + i + "]";
            JsonNode node = subscaleNodes.get(i);
            r.allowOnly(node, path, SUBSCALE);
            String key = r.string(node, "key", path, true);
            String label = r.string(node, "label", path, true);
            List<String> keys = r.strings(node, "items", path);
            if (key != null && label != null) {
                subscales.add(new Subscale(key, label, keys));
            }
        }

        List<ScoreSpec> scores = new ArrayList<>();
        List<JsonNode> scoreNodes = r.array(root, "scores", "$", true);
        for (int i = 0; i < scoreNodes.size(); i++) {
            ScoreSpec score = score(r, scoreNodes.get(i), "$.scores[" + i + "]");
            if (score != null) {
                scores.add(score);
            }
        }

        MissingDataPolicy policy = MissingDataPolicy.COMPLETE_ITEMS_ONLY;
        JsonNode missingNode = r.object(root, "missingData", "$", false);
        if (missingNode != null) {
            r.allowOnly(missingNode, "$.missingData", MISSING);
            String mode = r.string(missingNode, "mode", "$.missingData", true);
            Integer max = r.integer(missingNode, "maxMissingItems", "$.missingData", false);
            try {
                if (mode != null) {
                    policy = new MissingDataPolicy(MissingDataPolicy.Mode.valueOf(mode), max == null ? 0 : max);
                }
            } catch (IllegalArgumentException e) {
                r.problem("$.missingData", e.getMessage().startsWith("No enum")
                        ? "mode must be COMPLETE_ITEMS_ONLY or PRORATE" : e.getMessage());
            }
        }

        List<Source> sources = new ArrayList<>();
        List<JsonNode> sourceNodes = r.array(root, "sources", "$", true);
        for (int i = 0; i < sourceNodes.size(); i++) {
            String path = "$.sources[" + i + "]";
            r.allowOnly(sourceNodes.get(i), path, SOURCE);
            String fact = r.string(sourceNodes.get(i), "fact", path, true);
            String reference = r.string(sourceNodes.get(i), "reference", path, true);
            if (fact != null && reference != null) {
                sources.add(new Source(fact, reference));
            }
        }

        String code = r.string(root, "code", "$", true);
        String version = r.string(root, "version", "$", true);
        String title = r.string(root, "title", "$", true);
        String rightsText = r.string(root, "rights", "$", true);
        String copyright = r.string(root, "copyright", "$", true);
        RightsStatus rights = null;
        if (rightsText != null) {
            try {
                rights = RightsStatus.valueOf(rightsText);
            } catch (IllegalArgumentException e) {
                r.problem("$.rights", "must be FREE, FREE_WITH_CONDITIONS or LICENSED_CONTENT_REQUIRED");
            }
        }
        if (!r.problems().isEmpty()) {
            throw new InvalidInstrumentException(source, r.problems());
        }
        InstrumentDefinition definition;
        try {
            definition = new InstrumentDefinition(code, version, r.bool(root, "superseded", "$", false), title,
                    r.string(root, "shortName", "$", false), r.string(root, "recallPeriod", "$", false), rights,
                    copyright, r.string(root, "licenceNote", "$", false), responseSets, items, subscales, scores,
                    policy, sources, r.strings(root, "notes", "$"), r.strings(root, "unconfirmed", "$"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInstrumentException(source, List.of(e.getMessage()));
        }
        List<String> problems = DefinitionValidator.problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidInstrumentException(source, problems);
        }
        return definition;
    }

    private static ScoreSpec score(JsonReader r, JsonNode node, String path) {
        r.allowOnly(node, path, SCORE);
        String key = r.string(node, "key", path, true);
        String label = r.string(node, "label", path, true);
        String subscale = r.string(node, "subscale", path, false);
        String aggregationText = r.string(node, "aggregation", path, true);
        ScoreSpec.Aggregation aggregation = null;
        if (aggregationText != null) {
            try {
                aggregation = ScoreSpec.Aggregation.valueOf(aggregationText);
            } catch (IllegalArgumentException e) {
                r.problem(path + ".aggregation", "must be SUM or MEAN");
            }
        }
        ScoreSpec.Rescale rescale = null;
        JsonNode rescaleNode = r.object(node, "rescale", path, false);
        if (rescaleNode != null) {
            String p = path + ".rescale";
            r.allowOnly(rescaleNode, p, RESCALE);
            BigDecimal fromMin = r.decimal(rescaleNode, "fromMin", p, true);
            BigDecimal fromMax = r.decimal(rescaleNode, "fromMax", p, true);
            BigDecimal toMin = r.decimal(rescaleNode, "toMin", p, true);
            BigDecimal toMax = r.decimal(rescaleNode, "toMax", p, true);
            if (fromMin != null && fromMax != null && toMin != null && toMax != null) {
                if (fromMin.compareTo(fromMax) == 0) {
                    r.problem(p, "fromMin and fromMax must differ");
                } else {
                    rescale = new ScoreSpec.Rescale(fromMin, fromMax, toMin, toMax);
                }
            }
        }
        Map<Integer, BigDecimal> conversion = new HashMap<>();
        JsonNode conversionNode = r.object(node, "conversion", path, false);
        if (conversionNode != null) {
            for (Map.Entry<String, JsonNode> row : conversionNode.properties()) {
                String rowPath = path + ".conversion." + row.getKey();
                try {
                    BigDecimal value = r.decimalValue(row.getValue(), rowPath);
                    if (value != null) {
                        conversion.put(Integer.parseInt(row.getKey()), value);
                    }
                } catch (NumberFormatException e) {
                    r.problem(rowPath, "raw score must be a whole number");
                }
            }
        }
        Integer decimals = r.integer(node, "decimals", path, true);
        if (decimals != null && (decimals < 0 || decimals > 6)) {
            r.problem(path + ".decimals", "must be between 0 and 6");
            decimals = null;
        }
        BigDecimal minimum = r.decimal(node, "minimum", path, true);
        BigDecimal maximum = r.decimal(node, "maximum", path, true);
        List<ScoreSpec.Threshold> thresholds = new ArrayList<>();
        List<JsonNode> thresholdNodes = r.array(node, "thresholds", path, false);
        for (int i = 0; i < thresholdNodes.size(); i++) {
            String p = path + ".thresholds[" + i + "]";
            JsonNode t = thresholdNodes.get(i);
            r.allowOnly(t, p, THRESHOLD);
            String tKey = r.string(t, "key", p, true);
            BigDecimal value = r.decimal(t, "value", p, true);
            String meaning = r.string(t, "meaning", p, true);
            if (tKey != null && value != null && meaning != null) {
                thresholds.add(new ScoreSpec.Threshold(tKey, value, meaning));
            }
        }
        List<ScoreSpec.Coding> codings = new ArrayList<>();
        List<JsonNode> codingNodes = r.array(node, "codings", path, false);
        for (int i = 0; i < codingNodes.size(); i++) {
            String p = path + ".codings[" + i + "]";
            JsonNode c = codingNodes.get(i);
            r.allowOnly(c, p, CODING);
            String system = r.string(c, "system", p, true);
            String code = r.string(c, "code", p, true);
            if (system != null && code != null) {
                codings.add(new ScoreSpec.Coding(system, code, r.string(c, "display", p, false)));
            }
        }
        if (key == null || label == null || aggregation == null || decimals == null || minimum == null
                || maximum == null) {
            return null;
        }
        return new ScoreSpec(key, label, subscale, aggregation, rescale, conversion, decimals, minimum, maximum,
                thresholds, codings);
    }
}
