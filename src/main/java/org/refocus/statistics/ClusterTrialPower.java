package org.refocus.statistics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Sample size and power for a two-arm, parallel cluster randomised trial with a continuous outcome,
 * equal allocation and a two-sided test, by the normal approximation:
 * <pre>
 *   participants per arm  = 2 (z_{1−α/2} + z_{1−β})² / δ² × DE × (1 − r²)
 *   DE                    = 1 + ((cv² + 1)·m̄ − 1)·ICC
 *   clusters per arm      = ⌈participants per arm / m̄⌉
 *   power(k)              = Φ(δ / √(2·DE·(1 − r²) / (k·m̄)) − z_{1−α/2})
 * </pre>
 * δ is the standardised difference (difference / total SD), m̄ the mean cluster size, cv the
 * coefficient of variation of cluster sizes and r the correlation between baseline and outcome
 * (0 for an unadjusted analysis; see {@link DesignEffect#adjustedForBaseline}). With few clusters the
 * normal approximation is optimistic; a common correction adds one cluster per arm (Hayes &amp;
 * Bennett 1999), which the caller can apply to {@link SampleSize#clustersPerArm()}.
 *
 * @param icc intraclass correlation, in [0, 1]
 * @param meanClusterSize mean participants per cluster, ≥ 1
 * @param clusterSizeCv coefficient of variation of cluster sizes, ≥ 0
 * @param baselineCorrelation correlation of outcome with baseline, in (−1, 1)
 * @param alpha two-sided significance level, in (0, 1)
 */
public record ClusterTrialPower(double icc, double meanClusterSize, double clusterSizeCv, double baselineCorrelation,
        double alpha) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public ClusterTrialPower {
        DesignEffect.requireIcc(icc);
        DesignEffect.requireSize(meanClusterSize);
        if (!(clusterSizeCv >= 0) || Double.isInfinite(clusterSizeCv)) {
            throw new IllegalArgumentException("cluster size cv must be finite and ≥ 0: " + clusterSizeCv);
        }
        if (!(baselineCorrelation > -1 && baselineCorrelation < 1)) {
            throw new IllegalArgumentException("baseline correlation must be in (−1, 1): " + baselineCorrelation);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
    }

    /** A design tested at the two-sided 5% level. */
    public static ClusterTrialPower of(double icc, double meanClusterSize, double clusterSizeCv,
            double baselineCorrelation) {
        return new ClusterTrialPower(icc, meanClusterSize, clusterSizeCv, baselineCorrelation, 0.05);
    }

    /** The variance inflation relative to an unadjusted individually randomised trial: DE × (1 − r²). */
    public double varianceInflation() {
        return DesignEffect.adjustedForBaseline(
                DesignEffect.unequalClusters(meanClusterSize, clusterSizeCv, icc), baselineCorrelation);
    }

    /**
     * The clusters and participants per arm to detect a standardised difference with the given power.
     *
     * @param standardisedEffect δ &gt; 0
     * @param power in (0, 1), e.g. 0.8
     */
    public SampleSize sampleSize(double standardisedEffect, double power) {
        requireEffect(standardisedEffect);
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1): " + power);
        }
        double z = zAlpha() + STANDARD_NORMAL.inverseCumulativeProbability(power);
        double individual = 2 * z * z / (standardisedEffect * standardisedEffect);
        double participants = individual * varianceInflation();
        int clusters = (int) Math.ceil(participants / meanClusterSize - 1e-9);
        return new SampleSize(Math.max(clusters, 1), participants, individual, varianceInflation());
    }

    /** The power to detect a standardised difference δ &gt; 0 with the given clusters per arm. */
    public double power(double standardisedEffect, int clustersPerArm) {
        requireEffect(standardisedEffect);
        if (clustersPerArm < 1) {
            throw new IllegalArgumentException("clusters per arm must be ≥ 1: " + clustersPerArm);
        }
        double standardError = Math.sqrt(2 * varianceInflation() / (clustersPerArm * meanClusterSize));
        return STANDARD_NORMAL.cumulativeProbability(standardisedEffect / standardError - zAlpha());
    }

    private double zAlpha() {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }

    private static void requireEffect(double effect) {
        if (!(effect > 0) || Double.isInfinite(effect)) {
            throw new IllegalArgumentException("standardised effect must be finite and > 0: " + effect);
        }
    }

    /**
     * @param clustersPerArm clusters needed in each arm (rounded up)
     * @param participantsPerArm participants needed in each arm before rounding to whole clusters
     * @param individuallyRandomisedPerArm participants per arm an unadjusted individually randomised
     *     trial would need
     * @param varianceInflation DE × (1 − r²)
     */
    public record SampleSize(int clustersPerArm, double participantsPerArm, double individuallyRandomisedPerArm,
            double varianceInflation) {
    }
}
