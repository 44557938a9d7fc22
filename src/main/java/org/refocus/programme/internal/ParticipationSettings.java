package org.refocus.programme.internal;

import java.util.EnumMap;
import java.util.Map;

/**
 * How figures combine into the participation index. The trial did not publish how it scored and
 * dichotomised participation, so these are settings, stated on every participation page.
 *
 * @param weights              the weight of each figure (0 leaves it out); figures without a weight weigh 0
 * @param highThreshold        an index at or above this is "high", below it "low" (0..1)
 * @param goalStrivingMonths   how recent a goal-striving conversation must be to count
 * @param trainedAfterSessions delivered coaching-skills training sessions a staff member must attend to
 *                             count as trained
 */
public record ParticipationSettings(Map<Figure, Double> weights, double highThreshold, int goalStrivingMonths,
        int trainedAfterSessions) {

    public ParticipationSettings {
        EnumMap<Figure, Double> copy = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            double w = weights.getOrDefault(f, 0.0);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("participation weight for " + f + " must be 0 or more");
            }
            copy.put(f, w);
        }
        if (copy.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("at least one participation weight must be more than 0");
        }
        if (!(highThreshold >= 0 && highThreshold <= 1)) {
            throw new IllegalArgumentException("the participation threshold must be between 0 and 1");
        }
        if (goalStrivingMonths < 1 || trainedAfterSessions < 1) {
            throw new IllegalArgumentException("months and sessions must be 1 or more");
        }
        weights = java.util.Collections.unmodifiableMap(copy);
    }

    /** Equal weights, a threshold of one half, three months, one session. */
    public static ParticipationSettings defaults() {
        EnumMap<Figure, Double> equal = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            equal.put(f, 1.0);
        }
        return new ParticipationSettings(equal, 0.5, 3, 1);
    }

    public double weight(Figure figure) {
        return weights.get(figure);
    }
}
