package org.refocus.recovery;

import java.util.List;
import java.util.Objects;

/**
 * Goal Attainment Scaling (Kiresuk and Sherman, 1968): one T-score for a set of goals, each scored
 * −2 (much less than expected) to +2 (much more than expected) around the expected outcome 0.
 *
 * <pre>
 *   T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²),  ρ = 0.3
 * </pre>
 *
 * With every goal at its expected level T = 50; the scale is built so that T has a standard deviation
 * of about 10 across people.
 *
 * <p>Beware: the formulas as printed in Turner-Stokes, "Goal attainment scaling (GAS) in rehabilitation:
 * a practical guide", Clin Rehabil 2009;23:362–370 (pages 364 and 367, including Box 1) contain errors.
 * The journal's erratum replaces them with the form above, written out with ρ = 0.3 as
 * 50 + 10·Σwᵢxᵢ / √(0.7·Σwᵢ² + 0.3·(Σwᵢ)²). Check an implementation against the worked example in the
 * tests (T = 55.0), not against the original print.
 */
public final class GoalAttainment {

    /** The conventional assumed correlation between goal scales (Kiresuk and Sherman; Turner-Stokes 2009). */
    public static final double RHO = 0.3;

    private GoalAttainment() {
    }

    /** One goal's attainment (−2..+2) and its weight (positive; 1 when goals are equally important). */
    public record Goal(int attainment, double weight) {
        public Goal {
            if (attainment < -2 || attainment > 2) {
                throw new IllegalArgumentException("attainment must be between -2 and +2, was " + attainment);
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be a positive number, was " + weight);
            }
        }

        public static Goal unweighted(int attainment) {
            return new Goal(attainment, 1);
        }
    }

    /** The GAS T-score of {@code goals}, unrounded. At least one goal is required. */
    public static double tScore(List<Goal> goals) {
        Objects.requireNonNull(goals, "goals");
        if (goals.isEmpty()) {
            throw new IllegalArgumentException("at least one goal is needed for a T-score");
        }
        double weightedAttainment = 0;
        double sumOfSquaredWeights = 0;
        double sumOfWeights = 0;
        for (Goal goal : goals) {
            Objects.requireNonNull(goal, "goal");
            weightedAttainment += goal.weight() * goal.attainment();
            sumOfSquaredWeights += goal.weight() * goal.weight();
            sumOfWeights += goal.weight();
        }
        double denominator = Math.sqrt((1 - RHO) * sumOfSquaredWeights + RHO * sumOfWeights * sumOfWeights);
        return 50 + 10 * weightedAttainment / denominator;
    }

    /** The T-score of goals with equal weights. */
    public static double tScore(int... attainments) {
        Objects.requireNonNull(attainments, "attainments");
        return tScore(java.util.Arrays.stream(attainments).mapToObj(Goal::unweighted).toList());
    }

    /**
     * The T-score of attainments with matching weights.
     *
     * @throws IllegalArgumentException when the arrays differ in length or any value is out of range
     */
    public static double tScore(int[] attainments, double[] weights) {
        Objects.requireNonNull(attainments, "attainments");
        Objects.requireNonNull(weights, "weights");
        if (attainments.length != weights.length) {
            throw new IllegalArgumentException("each goal needs exactly one weight: " + attainments.length
                    + " attainments, " + weights.length + " weights");
        }
        Goal[] goals = new Goal[attainments.length];
        for (int i = 0; i < goals.length; i++) {
            goals[i] = new Goal(attainments[i], weights[i]);
        }
        return tScore(List.of(goals));
    }
}
