package org.refocus.measures.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A page of answers as sent from the questions page, with what that page showed when it was opened, so
 * that answers saved meanwhile (in another tab, by a double submit, by someone else) are merged question
 * by question rather than refused or overwritten (H-06).
 *
 * @param answers      the page's answers by item key; null: skipped or left blank
 * @param shown        the stored answers the page showed, by item key; null: shown unanswered. A question
 *                     missing here (a page from before this field existed) is treated as possibly changed
 * @param shownVersion the response's version when the page was opened
 */
public record AnsweredPage(Map<String, Integer> answers, Map<String, Integer> shown, int shownVersion) {

    public AnsweredPage {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        shown = Collections.unmodifiableMap(new LinkedHashMap<>(shown));
    }

    /**
     * What to save, and what clashes, against the answers stored now.
     *
     * @param toSave    answers this page changes, to be saved
     * @param conflicts questions changed both on this page and elsewhere, to different answers, with the
     *                  answer stored now (null: cleared elsewhere); none of these is saved
     */
    public record Merge(Map<String, Integer> toSave, Map<String, Integer> conflicts) {
    }

    /**
     * A three-way merge of each question against the stored answers: a question this page did not change
     * keeps what is stored (changed elsewhere or not); one changed only here, or changed to the same answer
     * in both places (a double submit), takes this page's answer; one changed here and elsewhere to
     * something else is a conflict.
     */
    public Merge mergeOnto(Map<String, Integer> stored) {
        Map<String, Integer> toSave = new LinkedHashMap<>();
        Map<String, Integer> conflicts = new LinkedHashMap<>();
        answers.forEach((key, sent) -> {
            Integer now = stored.get(key);
            boolean known = shown.containsKey(key);
            if (Objects.equals(now, sent) || known && Objects.equals(sent, shown.get(key))) {
                return; // nothing to change, or changed only elsewhere
            }
            if (known && Objects.equals(now, shown.get(key))) {
                toSave.put(key, sent);
            } else {
                conflicts.put(key, now);
            }
        });
        return new Merge(toSave, conflicts);
    }

    /** All of the page's answers, for a page opened at the version still stored. */
    Merge unmerged() {
        return new Merge(answers, Map.of());
    }
}
