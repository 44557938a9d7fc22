package org.refocus.measures.internal;

import java.util.Map;

/**
 * What became of a page of answers ({@link MeasureResponses#savePage}).
 *
 * @param outcome          whether the page was saved
 * @param response         the response as stored now
 * @param changedElsewhere for {@link Outcome#CHANGED_ELSEWHERE}: the questions changed on the page and,
 *                         meanwhile, elsewhere to another answer, with the answer stored now (null:
 *                         cleared); empty otherwise
 */
public record PageSave(Outcome outcome, ResponseView response, Map<String, Integer> changedElsewhere) {

    public enum Outcome {
        /** Every answer of the page is saved (and, when asked, the response completed). */
        SAVED,
        /**
         * Some questions of the page were changed elsewhere to other answers: those are not saved, so that
         * the person can choose which to keep; the page's other answers are saved.
         */
        CHANGED_ELSEWHERE,
        /**
         * The response was completed (in another tab, or by the first of two clicks on "Submit") before
         * this page could be saved; a completed response is never edited, so nothing was saved.
         */
        COMPLETED_MEANWHILE
    }
}
