package org.refocus.measures.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The wording of one instrument version in one language: item texts and option labels, with the
 * owner's copyright line that must be shown wherever this wording appears. Supplied by the deploying
 * organisation under its own licence (or shipped, where the owner's terms allow).
 *
 * @param version          the definition version this wording was written for
 * @param demo             true for placeholder wording that must never be shown to people as the real instrument
 * @param optionLabels     labels by response-set id, then option code
 * @param itemOptionLabels labels for one item only, by item key then option code; these win over {@code optionLabels}
 * @param origin           where the content came from, for example the file name
 */
public record InstrumentContent(String instrumentCode, String version, String language, String title,
                                String instructions, String copyright, String licenceNote, boolean demo,
                                Map<String, String> itemTexts, Map<String, Map<Integer, String>> optionLabels,
                                Map<String, Map<Integer, String>> itemOptionLabels, String origin) {

    public InstrumentContent {
        Objects.requireNonNull(instrumentCode, "instrumentCode");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(copyright, "copyright");
        licenceNote = licenceNote == null ? "" : licenceNote;
        itemTexts = Collections.unmodifiableMap(new LinkedHashMap<>(itemTexts));
        optionLabels = freeze(optionLabels);
        itemOptionLabels = freeze(itemOptionLabels);
    }

    /** The same wording, for another version of the same instrument (carried over when its questions did not change). */
    public InstrumentContent forVersion(String otherVersion) {
        return new InstrumentContent(instrumentCode, otherVersion, language, title, instructions, copyright, licenceNote,
                demo, itemTexts, optionLabels, itemOptionLabels, origin);
    }

    public Optional<String> itemText(String itemKey) {
        return Optional.ofNullable(itemTexts.get(itemKey));
    }

    /** The label to show for {@code code} on {@code item}: item-specific first, then the item's response set. */
    public Optional<String> optionLabel(Item item, int code) {
        Map<Integer, String> own = itemOptionLabels.get(item.key());
        if (own != null && own.containsKey(code)) {
            return Optional.of(own.get(code));
        }
        Map<Integer, String> shared = optionLabels.get(item.responseSet().id());
        return shared == null ? Optional.empty() : Optional.ofNullable(shared.get(code));
    }

    /**
     * Problems that stop this wording being used with {@code definition}: another instrument or version,
     * items without text, texts or labels for things the definition does not have, option labels that are
     * the definition's labels for other codes ({@code OptionLabelOrder}), no copyright line.
     */
    public List<String> problemsAgainst(InstrumentDefinition definition) {
        List<String> problems = new ArrayList<>();
        if (!instrumentCode.equals(definition.code())) {
            problems.add("content is for '" + instrumentCode + "', not '" + definition.code() + "'");
            return problems;
        }
        if (!version.equals(definition.version())) {
            problems.add("content was written for version " + version + ", not version " + definition.version());
        }
        if (copyright.isBlank()) {
            problems.add("content has no copyright line");
        }
        for (Item item : definition.items()) {
            String text = itemTexts.get(item.key());
            if (text == null || text.isBlank()) {
                problems.add("item '" + item.key() + "' has no text");
            }
        }
        for (String key : itemTexts.keySet()) {
            if (definition.item(key).isEmpty()) {
                problems.add("text given for unknown item '" + key + "'");
            }
        }
        optionLabels.forEach((setId, labels) -> {
            Optional<ResponseSet> set = definition.responseSet(setId);
            if (set.isEmpty()) {
                problems.add("labels given for unknown response set '" + setId + "'");
            } else {
                labels.keySet().stream().filter(code -> !set.get().accepts(code)).forEach(code -> problems.add(
                        "label given for code " + code + " which response set '" + setId + "' does not have"));
                OptionLabelOrder.problem("response set '" + setId + "'", set.get(), labels).ifPresent(problems::add);
            }
        });
        itemOptionLabels.forEach((itemKey, labels) -> {
            Optional<Item> item = definition.item(itemKey);
            if (item.isEmpty()) {
                problems.add("option labels given for unknown item '" + itemKey + "'");
            } else {
                labels.keySet().stream().filter(code -> !item.get().responseSet().accepts(code)).forEach(code ->
                        problems.add("label given for code " + code + " which item '" + itemKey + "' does not accept"));
                OptionLabelOrder.problem("item '" + itemKey + "'", item.get().responseSet(), labels)
                        .ifPresent(problems::add);
            }
        });
        return problems;
    }

    private static Map<String, Map<Integer, String>> freeze(Map<String, Map<Integer, String>> labels) {
        Map<String, Map<Integer, String>> copy = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> copy.put(key, Collections.unmodifiableMap(new TreeMap<>(value))));
        }
        return Collections.unmodifiableMap(copy);
    }
}
