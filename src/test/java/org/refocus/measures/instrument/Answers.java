package org.refocus.measures.instrument;

import java.util.HashMap;
import java.util.Map;

/** Builds answer maps for tests. Mutable on purpose, so a test can knock out or spoil one answer. */
final class Answers {

    private Answers() {
    }

    static final InstrumentCatalogue CATALOGUE = InstrumentCatalogue.loadDefault();

    static InstrumentDefinition definition(String code) {
        return CATALOGUE.get(code);
    }

    /** Every item whose key starts with {@code prefix} answered {@code value}, in item order. */
    static Map<String, Integer> every(InstrumentDefinition definition, String prefix, int value) {
        Map<String, Integer> answers = new HashMap<>();
        for (Item item : definition.items()) {
            if (item.key().startsWith(prefix) && !item.key().endsWith("_matters")) {
                answers.put(item.key(), value);
            }
        }
        return answers;
    }

    /** {@code prefix_01 = values[0]}, {@code prefix_02 = values[1]} and so on. */
    static Map<String, Integer> sequence(String prefix, int... values) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put(String.format("%s_%02d", prefix, i + 1), values[i]);
        }
        return answers;
    }
}
