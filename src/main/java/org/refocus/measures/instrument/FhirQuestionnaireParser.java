package org.refocus.measures.instrument;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads instrument wording from a FHIR R4 Questionnaire (JSON), as an alternative to the REFOCUS
 * content file: {@code item.linkId} must equal our item key; {@code item.text} is the wording;
 * {@code answerOption.valueCoding} gives option labels ({@code display}) for option codes, taken from
 * the R4 {@code ordinalValue} extension when present, otherwise from a whole-number {@code code}.
 * Nested group items are walked; {@code group} and {@code display} items carry no answer and are skipped.
 *
 * <p>Plain tree parsing: only the elements above are read, so any profile of Questionnaire works.
 */
public final class FhirQuestionnaireParser {

    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static final Set<String> NOT_QUESTIONS = Set.of("group", "display");

    private FhirQuestionnaireParser() {
    }

    /**
     * @param instrumentCode our code for the instrument (FHIR has no standard element for it)
     * @param source         name of the file, used in error messages and recorded as the content's origin
     * @throws InvalidInstrumentException when the resource is not a usable Questionnaire
     */
    public static InstrumentContent parse(InputStream in, String source, String instrumentCode) {
        JsonNode root = JsonReader.readTree(in, source);
        JsonReader r = new JsonReader();
        if (!root.isObject() || !"Questionnaire".equals(root.path("resourceType").asString(""))) {
            throw new InvalidInstrumentException(source, List.of("resourceType must be 'Questionnaire'"));
        }
        String version = r.string(root, "version", "Questionnaire", true);
        String copyright = r.string(root, "copyright", "Questionnaire", true);
        String language = r.string(root, "language", "Questionnaire", false);
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> itemOptions = new LinkedHashMap<>();
        walk(r, root, "Questionnaire", texts, itemOptions);
        if (texts.isEmpty()) {
            r.problem("Questionnaire.item", "no question with a linkId and text");
        }
        if (!r.problems().isEmpty()) {
            throw new InvalidInstrumentException(source, r.problems());
        }
        return new InstrumentContent(instrumentCode, version, language == null ? "en" : language,
                r.string(root, "title", "Questionnaire", false), r.string(root, "description", "Questionnaire", false),
                copyright, r.string(root, "purpose", "Questionnaire", false), false, texts, Map.of(), itemOptions,
                source);
    }

    private static void walk(JsonReader r, JsonNode parent, String path, Map<String, String> texts,
                             Map<String, Map<Integer, String>> itemOptions) {
        List<JsonNode> items = r.array(parent, "item", path, false);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = path + ".item[" + i + "]";
            String linkId = r.string(item, "linkId", itemPath, true);
            String type = item.path("type").asString("");
            if (!NOT_QUESTIONS.contains(type) && linkId != null) {
                String text = r.string(item, "text", itemPath, true);
                if (text != null) {
                    if (texts.putIfAbsent(linkId, text) != null) {
                        r.problem(itemPath, "linkId '" + linkId + "' is used twice");
                    }
                }
                Map<Integer, String> labels = options(r, item, itemPath);
                if (!labels.isEmpty()) {
                    itemOptions.put(linkId, labels);
                }
            }
            walk(r, item, itemPath, texts, itemOptions);
        }
    }

    private static Map<Integer, String> options(JsonReader r, JsonNode item, String path) {
        Map<Integer, String> labels = new LinkedHashMap<>();
        List<JsonNode> options = r.array(item, "answerOption", path, false);
        for (int i = 0; i < options.size(); i++) {
            String optionPath = path + ".answerOption[" + i + "]";
            JsonNode coding = options.get(i).get("valueCoding");
            if (coding == null || !coding.isObject()) {
                continue; // valueInteger/valueString options carry no label to import
            }
            Integer code = ordinal(r, options.get(i), coding, optionPath);
            String display = coding.path("display").asString("");
            if (code != null && !display.isBlank()) {
                labels.put(code, display);
            }
        }
        return labels;
    }

    private static Integer ordinal(JsonReader r, JsonNode option, JsonNode coding, String path) {
        for (JsonNode holder : List.of(option, coding)) {
            for (JsonNode extension : r.array(holder, "extension", path, false)) {
                if (ORDINAL_VALUE.equals(extension.path("url").asString(""))) {
                    JsonNode value = extension.get("valueDecimal");
                    BigDecimal decimal = value == null ? null : r.decimalValue(value, path + ".extension");
                    try {
                        return decimal == null ? null : decimal.intValueExact();
                    } catch (ArithmeticException e) {
                        r.problem(path, "ordinalValue " + decimal + " is not a whole number");
                        return null;
                    }
                }
            }
        }
        String code = coding.path("code").asString("");
        try {
            return Integer.parseInt(code.strip());
        } catch (NumberFormatException e) {
            r.problem(path, "option code '" + code + "' is not a whole number and has no ordinalValue extension");
            return null;
        }
    }
}
