package org.refocus.measures.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How new wording differs from the wording in use for the same instrument version, in what a person
 * answering would see: each question's text and the label shown for each of its answer codes (the item's
 * own label, else its response set's, else the definition's), and the title, instructions and copyright
 * line. An administrator checking a preview (hazard H-09) sees which questions changed, not only the
 * new wording.
 *
 * @param live         false when no wording is in use for this version yet (then nothing is listed as changed)
 * @param items        the questions whose text or answer labels differ, in the definition's order
 * @param title        whether the title differs
 * @param instructions whether the instructions (the recall period, among others) differ
 * @param copyright    whether the copyright line differs
 */
public record WordingChanges(boolean live, List<ChangedItem> items, boolean title, boolean instructions,
                             boolean copyright) {

    public WordingChanges {
        items = List.copyOf(items);
    }

    /**
     * One question that changed.
     *
     * @param text        whether its text differs
     * @param answerCodes the codes whose label differs, in the response set's order
     */
    public record ChangedItem(Item item, boolean text, List<Integer> answerCodes) {
        public ChangedItem {
            answerCodes = List.copyOf(answerCodes);
        }
    }

    /** Whether nothing a person would see differs. */
    public boolean none() {
        return live && items.isEmpty() && !title && !instructions && !copyright;
    }

    /**
     * @param inUse    the wording in use now, or null when there is none
     * @param incoming the wording about to replace it, already checked against {@code definition}
     */
    public static WordingChanges between(InstrumentDefinition definition, InstrumentContent inUse,
            InstrumentContent incoming) {
        if (inUse == null) {
            return new WordingChanges(false, List.of(), false, false, false);
        }
        List<ChangedItem> items = new ArrayList<>();
        for (Item item : definition.items()) {
            boolean text = !Objects.equals(inUse.itemText(item.key()).orElse(null),
                    incoming.itemText(item.key()).orElse(null));
            List<Integer> codes = new ArrayList<>();
            for (ResponseOption option : item.responseSet().options()) {
                if (!label(inUse, item, option).equals(label(incoming, item, option))) {
                    codes.add(option.code());
                }
            }
            if (text || !codes.isEmpty()) {
                items.add(new ChangedItem(item, text, codes));
            }
        }
        return new WordingChanges(true, items, !Objects.equals(inUse.title(), incoming.title()),
                !Objects.equals(inUse.instructions(), incoming.instructions()),
                !inUse.copyright().equals(incoming.copyright()));
    }

    /** The label a person answering sees for this option with this wording. */
    public static String label(InstrumentContent wording, Item item, ResponseOption option) {
        return wording.optionLabel(item, option.code()).orElse(option.label());
    }
}
