package org.refocus.statistics;

/**
 * One fixed-effect coefficient with its inference, as lmerTest's {@code summary()} reports it.
 *
 * @param term the coefficient name as R writes it: {@code (Intercept)}, a numeric column's name, or
 *     a factor column's name followed by the level ({@code siteB})
 * @param estimate the estimate
 * @param standardError its standard error
 * @param degreesOfFreedom Satterthwaite's degrees of freedom (may be fractional)
 * @param t estimate / standard error
 * @param p two-sided p-value from Student's t on {@code degreesOfFreedom}
 * @param confidenceLow lower end of the 95% interval {@code estimate ± t_{0.975, df} · se}
 * @param confidenceHigh upper end of that interval
 */
public record FixedEffect(String term, double estimate, double standardError, double degreesOfFreedom,
        double t, double p, double confidenceLow, double confidenceHigh) {
}
