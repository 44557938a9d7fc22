package org.refocus.measures.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ResponseOption;

/**
 * Whether the wording of one version fits the version published after it, so that publishing a corrected
 * version (a scoring rule, say) does not take the instrument out of use until its wording is imported
 * again (H-08). It fits when the new version asks the same questions (item keys) with the same answer
 * codes for each, and the wording passes the new definition's content checks (a text for every question,
 * option labels in the definition's order). Otherwise the new version's wording must be imported.
 */
final class CarriedOverWording {

    /** Versions in the order they were published: numbers compared as numbers, part by part ("1.10" after "1.9"). */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = left[i].matches("\\d{1,9}") && right[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i])) : left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    };

    private CarriedOverWording() {
    }

    /** Why {@code wording} of {@code before} does not carry over to {@code after}; empty when it does. */
    static List<String> problems(InstrumentDefinition before, InstrumentDefinition after, InstrumentContent wording) {
        List<String> problems = new ArrayList<>();
        List<String> added = keys(after).stream().filter(k -> before.item(k).isEmpty()).toList();
        List<String> removed = keys(before).stream().filter(k -> after.item(k).isEmpty()).toList();
        if (!added.isEmpty()) {
            problems.add("questions added: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            problems.add("questions removed: " + String.join(", ", removed));
        }
        for (Item item : after.items()) {
            before.item(item.key()).filter(old -> !codes(old).equals(codes(item))).ifPresent(old -> problems.add(
                    "question '" + item.key() + "' has answer codes " + codes(item) + " instead of " + codes(old)));
        }
        if (problems.isEmpty()) {
            problems.addAll(wording.forVersion(after.version()).problemsAgainst(after));
        }
        return problems;
    }

    private static List<String> keys(InstrumentDefinition definition) {
        return definition.items().stream().map(Item::key).toList();
    }

    private static List<Integer> codes(Item item) {
        return item.responseSet().options().stream().map(ResponseOption::code).toList();
    }
}
