package org.refocus.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.refocus.statistics.internal.ClusterStatistics;
import org.refocus.statistics.internal.RandomInterceptDeviance;
import org.refocus.statistics.internal.Satterthwaite;
import org.refocus.statistics.internal.StudentT;
import org.refocus.statistics.internal.ThetaSearch;

/**
 * A linear mixed model with a random intercept for one grouping factor:
 * {@code outcome ~ fixed₁ + fixed₂ + … + (1 | cluster)} in lme4's notation.
 *
 * <p>Numeric fixed-effect columns enter as they are; text columns are factors with treatment
 * contrasts (reference = first level, in {@link String#compareTo} order, of the levels present in the
 * rows used; coefficients named column + level, e.g. {@code siteB}). An intercept is always included.
 * Rows with a missing outcome, fixed-effect value or cluster are dropped and counted.
 *
 * <p>Results agree with R's lme4 and lmerTest (Satterthwaite degrees of freedom) to at least six
 * significant figures on the reference data, including fits on the boundary (group variance 0).
 * Fitting is O(N·p²) once, then O(D·p²) per likelihood evaluation (D distinct cluster sizes), so a
 * model on half a million rows fits in well under a second on one core.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LinearMixedModel {

    private final String outcome;
    private final List<String> fixed;
    private final String cluster;
    private final EstimationMethod method;

    private LinearMixedModel(String outcome, List<String> fixed, String cluster, EstimationMethod method) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.fixed = List.copyOf(fixed);
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * {@code outcome ~ fixed… + (1 | cluster)}, fitted by REML unless {@link #withMethod} says
     * otherwise.
     *
     * @param fixed the fixed-effect columns besides the intercept (may be empty)
     */
    public static LinearMixedModel randomIntercept(String outcome, List<String> fixed, String cluster) {
        return new LinearMixedModel(outcome, fixed, cluster, EstimationMethod.REML);
    }

    /** The same model fitted by the given method. */
    public LinearMixedModel withMethod(EstimationMethod method) {
        return new LinearMixedModel(outcome, fixed, cluster, method);
    }

    public String outcome() {
        return outcome;
    }

    public List<String> fixed() {
        return fixed;
    }

    public String cluster() {
        return cluster;
    }

    public EstimationMethod method() {
        return method;
    }

    /**
     * Fits the model.
     *
     * @throws InvalidDataException if a column is missing, the outcome is not numeric, fewer than two
     *     clusters or no more clusters than rows remain, there are too few rows for the fixed
     *     effects, a factor has a single level, the fixed effects are collinear, or they fit the
     *     outcome exactly
     */
    public RandomInterceptFit fit(Dataset data) {
        ModelFrame frame = ModelFrame.build(data, outcome, fixed, cluster);
        int n = frame.observations();
        int groups = frame.groups();
        int p = frame.terms.size();
        if (groups < 2) {
            throw new InvalidDataException(groups == 0
                    ? "no complete rows to analyse (" + frame.dropped + " dropped for missing values)"
                    : "only one cluster ('" + frame.clusterLabels[0] + "') in column '" + cluster
                            + "'; a random intercept needs at least two");
        }
        if (groups >= n) {
            throw new InvalidDataException("every cluster in '" + cluster + "' has one row; the cluster and "
                    + "residual variances cannot be told apart");
        }
        if (n <= p) {
            throw new InvalidDataException(n + " complete rows are too few for " + p + " fixed-effect coefficients");
        }
        ClusterStatistics statistics = ClusterStatistics.compute(frame.columns, frame.cluster, groups);
        RandomInterceptDeviance deviance = new RandomInterceptDeviance(statistics, method == EstimationMethod.REML);
        RandomInterceptDeviance.Evaluation atZero = deviance.evaluate(0);
        if (atZero.singularColumn() >= 0) {
            throw new InvalidDataException("fixed-effect term '" + frame.terms.get(atZero.singularColumn())
                    + "' is constant or collinear with the terms before it");
        }
        if (!(atZero.pwrss() > 0)) {
            throw new InvalidDataException("the fixed effects fit outcome '" + outcome + "' exactly; nothing is left "
                    + "to estimate variances from");
        }
        RandomInterceptDeviance.Evaluation optimum = ThetaSearch.minimise(deviance);
        double[] basisChange = statistics.basisChange();
        Satterthwaite.Result inference = Satterthwaite.compute(deviance, optimum, basisChange);

        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            double sum = 0;
            for (int k = 0; k < p; k++) {
                sum += basisChange[i * p + k] * optimum.beta()[k];
            }
            beta[i] = sum;
        }
        beta[0] += statistics.outcomeCentre();

        List<FixedEffect> effects = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
            double se = Math.sqrt(inference.covariance()[k * p + k]);
            double df = inference.degreesOfFreedom()[k];
            double t = beta[k] / se;
            double margin = StudentT.quantile(0.975, df) * se;
            effects.add(new FixedEffect(frame.terms.get(k), beta[k], se, df, t, StudentT.twoSidedP(t, df),
                    beta[k] - margin, beta[k] + margin));
        }
        double residualVariance = optimum.pwrss() / deviance.residualDenominator();
        double groupVariance = optimum.s() * residualVariance;
        return new RandomInterceptFit(this, n, groups, frame.dropped, effects, inference.covariance(),
                groupVariance, residualVariance, Math.sqrt(optimum.s()), optimum.criterion());
    }

    @Override
    public String toString() {
        String rhs = fixed.isEmpty() ? "1" : String.join(" + ", fixed);
        return outcome + " ~ " + rhs + " + (1 | " + cluster + ") [" + method + "]";
    }
}
