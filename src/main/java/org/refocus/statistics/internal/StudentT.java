package org.refocus.statistics.internal;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;

/** Tail probabilities and quantiles of Student's t, accurate far into the tails. */
public final class StudentT {

    private StudentT() {
    }

    /**
     * The two-sided p-value 2·P(T_df > |t|). Computed as the regularised incomplete beta
     * I_{df/(df+t²)}(df/2, 1/2) rather than 1 − CDF, which would round to 0 below about 1e-16
     * (the reference p-values go down to 1e-27). df = ∞ gives the normal tail.
     */
    public static double twoSidedP(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df)) {
            return Double.NaN;
        }
        if (Double.isInfinite(df)) {
            return Erf.erfc(Math.abs(t) / Math.sqrt(2));
        }
        double x = df / (df + t * t);
        return Beta.regularizedBeta(x, df / 2, 0.5, 1e-15, Integer.MAX_VALUE);
    }

    /** The quantile q with P(T_df ≤ q) = probability. */
    public static double quantile(double probability, double df) {
        if (Double.isNaN(df)) {
            return Double.NaN;
        }
        if (Double.isInfinite(df) || df > 1e7) {
            return new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(probability);
        }
        // No random generator: only the distribution functions are used.
        return new TDistribution(null, df, 1e-12).inverseCumulativeProbability(probability);
    }
}
