package org.refocus.measures.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentContentParser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Instrument wording stored in one format (the REFOCUS content format), whichever format it came in. */
final class ContentJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ContentJson() {
    }

    static String write(InstrumentContent content) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", InstrumentContentParser.FORMAT);
        root.put("formatVersion", InstrumentContentParser.FORMAT_VERSION);
        root.put("instrument", content.instrumentCode());
        root.put("version", content.version());
        root.put("language", content.language());
        root.put("demo", content.demo());
        if (content.title() != null) {
            root.put("title", content.title());
        }
        if (content.instructions() != null) {
            root.put("instructions", content.instructions());
        }
        root.put("copyright", content.copyright());
        root.put("licenceNote", content.licenceNote());
        ObjectNode items = root.putObject("items");
        content.itemTexts().forEach(items::put);
        labels(root.putObject("options"), content.optionLabels());
        labels(root.putObject("itemOptions"), content.itemOptionLabels());
        return MAPPER.writeValueAsString(root);
    }

    static InstrumentContent read(String json, String origin) {
        List<InstrumentContent> contents = InstrumentContentParser.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), origin);
        return contents.get(0);
    }

    private static void labels(ObjectNode target, Map<String, Map<Integer, String>> labels) {
        labels.forEach((group, byCode) -> {
            ObjectNode node = target.putObject(group);
            byCode.forEach((code, label) -> node.put(String.valueOf(code), label));
        });
    }
}
