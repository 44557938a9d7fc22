package org.refocus.measures.instrument;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The outcome of scoring one set of answers against one instrument version.
 *
 * @param complete true when every item the instrument's scores need was answered with a valid code
 *                 (items the person said do not matter count as answered); unknown item keys do not
 *                 make a result incomplete but are listed in {@code problems}
 * @param problems per-item problems, in item order then answer-key order
 */
public record ScoreResult(String instrumentCode, String instrumentVersion, List<ScoreValue> scores,
                          boolean complete, List<ItemProblem> problems) {

    public ScoreResult {
        Objects.requireNonNull(instrumentCode, "instrumentCode");
        Objects.requireNonNull(instrumentVersion, "instrumentVersion");
        scores = List.copyOf(scores);
        problems = List.copyOf(problems);
    }

    /** The score with this key; every score the definition declares is in the result, present or absent. */
    public ScoreValue score(String key) {
        for (ScoreValue score : scores) {
            if (score.key().equals(key)) {
                return score;
            }
        }
        throw new NoSuchElementException("no score '" + key + "' in " + instrumentCode + " v" + instrumentVersion);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
