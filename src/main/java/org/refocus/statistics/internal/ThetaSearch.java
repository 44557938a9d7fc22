package org.refocus.statistics.internal;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Finds θ = σ_b/σ ≥ 0 that minimises the profiled criterion, as lme4 does for one variance
 * parameter, in three steps:
 * <ol>
 *   <li>a coarse log-spaced grid over θ (plus θ = 0) to bracket the global minimum, so a poor start
 *       cannot trap the search in a local minimum;</li>
 *   <li>Brent's bounded minimiser inside the bracket;</li>
 *   <li>a few safeguarded Newton steps on the analytic derivative in s = θ², because the criterion is
 *       flat at its minimum and a search on function values alone only fixes θ to about the square
 *       root of machine precision.</li>
 * </ol>
 * The boundary θ = 0 is the answer when the grid minimum is there and the criterion rises from it
 * (derivative in s at 0 non-negative), which is how a variance estimated at exactly zero arises.
 */
public final class ThetaSearch {

    private static final int STEPS_PER_DECADE = 4;
    private static final int LOWEST_EXPONENT = -4 * STEPS_PER_DECADE;
    private static final int HIGHEST_EXPONENT = 4 * STEPS_PER_DECADE;
    private static final int LIMIT_EXPONENT = 8 * STEPS_PER_DECADE;

    private ThetaSearch() {
    }

    /** The evaluation at the optimum; the caller has checked that s = 0 evaluates. */
    public static RandomInterceptDeviance.Evaluation minimise(RandomInterceptDeviance deviance) {
        java.util.List<Double> thetas = new java.util.ArrayList<>();
        java.util.List<Double> values = new java.util.ArrayList<>();
        thetas.add(0.0);
        values.add(deviance.criterion(0.0));
        for (int e = LOWEST_EXPONENT; e <= HIGHEST_EXPONENT; e++) {
            double theta = Math.pow(10, (double) e / STEPS_PER_DECADE);
            thetas.add(theta);
            values.add(deviance.criterion(theta * theta));
        }
        int best = argMin(values);
        // A minimum at the top of the grid: the cluster variance dwarfs the residual; look further.
        for (int e = HIGHEST_EXPONENT + 1; best == thetas.size() - 1 && e <= LIMIT_EXPONENT; e++) {
            double theta = Math.pow(10, (double) e / STEPS_PER_DECADE);
            thetas.add(theta);
            values.add(deviance.criterion(theta * theta));
            best = argMin(values);
        }
        RandomInterceptDeviance.Evaluation atZero = deviance.evaluate(0.0);
        if (best == 0 && risesFromZero(deviance, atZero)) {
            return atZero;
        }
        double lower = thetas.get(Math.max(best - 1, 0));
        double upper = thetas.get(Math.min(best + 1, thetas.size() - 1));
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-14);
        UnivariatePointValuePair found = brent.optimize(new MaxEval(1000),
                new UnivariateObjectiveFunction(theta -> deviance.criterion(theta * theta)),
                GoalType.MINIMIZE, new SearchInterval(lower, upper, thetas.get(best)));
        RandomInterceptDeviance.Evaluation polished =
                polish(deviance, found.getPoint() * found.getPoint(), lower * lower, upper * upper);
        if (atZero.singularColumn() < 0 && atZero.pwrss() > 0 && atZero.criterion() <= polished.criterion()
                && risesFromZero(deviance, atZero)) {
            return atZero;
        }
        return polished;
    }

    private static boolean risesFromZero(RandomInterceptDeviance deviance,
            RandomInterceptDeviance.Evaluation atZero) {
        if (atZero.singularColumn() >= 0 || !(atZero.pwrss() > 0)) {
            return false;
        }
        return deviance.profiledDerivatives(atZero, deviance.curvature(atZero))[0] >= 0;
    }

    private static RandomInterceptDeviance.Evaluation polish(RandomInterceptDeviance deviance, double start,
            double lower, double upper) {
        RandomInterceptDeviance.Evaluation current = deviance.evaluate(start);
        for (int iteration = 0; iteration < 10; iteration++) {
            double[] derivatives = deviance.profiledDerivatives(current, deviance.curvature(current));
            if (!(derivatives[1] > 0)) {
                break;
            }
            double step = -derivatives[0] / derivatives[1];
            double next = current.s() + step;
            if (!(next > lower && next < upper)) {
                break;
            }
            RandomInterceptDeviance.Evaluation candidate = deviance.evaluate(next);
            // Accept only steps that do not worsen the criterion beyond rounding noise.
            double noise = 1e-12 * Math.abs(current.criterion());
            if (candidate.singularColumn() >= 0 || !(candidate.criterion() <= current.criterion() + noise)) {
                break;
            }
            current = candidate;
            if (Math.abs(step) <= 1e-15 * current.s()) {
                break;
            }
        }
        return current;
    }

    private static int argMin(java.util.List<Double> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(best)) {
                best = i;
            }
        }
        return best;
    }
}
