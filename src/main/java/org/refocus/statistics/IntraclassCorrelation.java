package org.refocus.statistics;

import org.apache.commons.math3.distribution.FDistribution;

/**
 * The one-way analysis-of-variance intraclass correlation with its F-based confidence interval.
 *
 * <p>With J clusters, N rows, mean squares MSB (between, J−1 df) and MSW (within, N−J df) and the
 * effective cluster size {@code n₀ = (N − Σn_j²/N)/(J−1)}:
 * <pre>
 *   ICC = (MSB − MSW) / (MSB + (n₀ − 1) MSW)
 *   F = MSB/MSW,  F_L = F / F_{1−α/2}(J−1, N−J),  F_U = F / F_{α/2}(J−1, N−J)
 *   CI = ((F_L − 1)/(F_L + n₀ − 1),  (F_U − 1)/(F_U + n₀ − 1))
 * </pre>
 * This is Searle's interval, exact for equal cluster sizes and the usual approximation otherwise; it
 * is the default ({@code CI.type = "THD"}) of R's {@code ICC::ICCest}. The estimate and limits are not
 * truncated at zero (the estimate can be negative when clusters agree less than chance): report them
 * as they are or truncate in the presentation. For balanced data a positive estimate equals the
 * REML estimate of {@link LinearMixedModel}.
 */
public final class IntraclassCorrelation {

    private IntraclassCorrelation() {
    }

    /**
     * The one-way ICC of {@code outcome} within {@code cluster} with a 95% interval; rows with a
     * missing outcome or cluster are dropped.
     *
     * @throws InvalidDataException if the outcome is not numeric, fewer than two clusters remain, or
     *     every cluster has a single row
     */
    public static OneWayIcc oneWay(Dataset data, String outcome, String cluster) {
        return oneWay(data, outcome, cluster, 0.95);
    }

    /** As {@link #oneWay(Dataset, String, String)} with the given confidence level (e.g. 0.90). */
    public static OneWayIcc oneWay(Dataset data, String outcome, String cluster, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
        }
        ModelFrame frame = ModelFrame.build(data, outcome, java.util.List.of(), cluster);
        double[] y = frame.columns[0];
        int n = y.length;
        int groups = frame.groups();
        if (groups < 2) {
            throw new InvalidDataException("the ICC needs at least two clusters in '" + cluster + "'");
        }
        if (groups >= n) {
            throw new InvalidDataException("every cluster in '" + cluster + "' has one row; the ICC needs repeats");
        }
        double[] sum = new double[groups];
        int[] size = new int[groups];
        double total = 0;
        for (int i = 0; i < n; i++) {
            sum[frame.cluster[i]] += y[i];
            size[frame.cluster[i]]++;
            total += y[i];
        }
        double grandMean = total / n;
        double between = 0;
        double sumSquaredSizes = 0;
        for (int j = 0; j < groups; j++) {
            double deviation = sum[j] / size[j] - grandMean;
            between += size[j] * deviation * deviation;
            sumSquaredSizes += (double) size[j] * size[j];
        }
        double within = 0;
        for (int i = 0; i < n; i++) {
            double deviation = y[i] - sum[frame.cluster[i]] / size[frame.cluster[i]];
            within += deviation * deviation;
        }
        int dfBetween = groups - 1;
        int dfWithin = n - groups;
        double msBetween = between / dfBetween;
        double msWithin = within / dfWithin;
        double n0 = (n - sumSquaredSizes / n) / dfBetween;
        double icc = (msBetween - msWithin) / (msBetween + (n0 - 1) * msWithin);
        double f = msBetween / msWithin;
        FDistribution distribution = new FDistribution(null, dfBetween, dfWithin, 1e-12);
        double tail = (1 - confidence) / 2;
        double fLow = f / distribution.inverseCumulativeProbability(1 - tail);
        double fHigh = f / distribution.inverseCumulativeProbability(tail);
        return new OneWayIcc(icc, (fLow - 1) / (fLow + n0 - 1), (fHigh - 1) / (fHigh + n0 - 1), confidence, n,
                groups, n0, msBetween, msWithin, frame.dropped);
    }

    /**
     * A one-way ICC.
     *
     * @param estimate the ANOVA estimate (may be negative)
     * @param low lower confidence limit
     * @param high upper confidence limit
     * @param confidence the confidence level of the interval
     * @param n rows used
     * @param groups clusters used
     * @param effectiveClusterSize n₀
     * @param meanSquareBetween MSB
     * @param meanSquareWithin MSW
     * @param dropped rows dropped for missing values
     */
    public record OneWayIcc(double estimate, double low, double high, double confidence, int n, int groups,
            double effectiveClusterSize, double meanSquareBetween, double meanSquareWithin, int dropped) {
    }
}
