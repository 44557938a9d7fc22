package org.refocus.statistics;

/**
 * Design effects: the factor by which clustering inflates the variance of a comparison of means, so
 * the factor by which an individually randomised sample size must be multiplied.
 */
public final class DesignEffect {

    private DesignEffect() {
    }

    /** Equal cluster sizes m: {@code 1 + (m − 1)·ICC}. */
    public static double equalClusters(double clusterSize, double icc) {
        requireSize(clusterSize);
        requireIcc(icc);
        return 1 + (clusterSize - 1) * icc;
    }

    /**
     * Unequal cluster sizes with mean m̄ and coefficient of variation cv (Eldridge, Ashby &amp; Kerry
     * 2006): {@code 1 + ((cv² + 1)·m̄ − 1)·ICC}. With cv = 0 this is {@link #equalClusters}.
     */
    public static double unequalClusters(double meanClusterSize, double coefficientOfVariation, double icc) {
        requireSize(meanClusterSize);
        requireIcc(icc);
        if (!(coefficientOfVariation >= 0) || Double.isInfinite(coefficientOfVariation)) {
            throw new IllegalArgumentException("coefficient of variation must be finite and ≥ 0: "
                    + coefficientOfVariation);
        }
        double cv2 = coefficientOfVariation * coefficientOfVariation;
        return 1 + ((cv2 + 1) * meanClusterSize - 1) * icc;
    }

    /**
     * The design effect of given cluster sizes: {@code 1 + (Σn_j²/Σn_j − 1)·ICC}, the same as
     * {@link #unequalClusters} with the cv computed with divisor J (the clusters are the whole
     * population of interest, not a sample of it).
     */
    public static double forClusterSizes(int[] sizes, double icc) {
        requireIcc(icc);
        if (sizes.length == 0) {
            throw new IllegalArgumentException("no cluster sizes");
        }
        double total = 0;
        double squares = 0;
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("cluster sizes must be ≥ 1: " + size);
            }
            total += size;
            squares += (double) size * size;
        }
        return 1 + (squares / total - 1) * icc;
    }

    /**
     * A design effect for an analysis adjusted for the baseline measurement, which removes the
     * fraction r² of the variance: {@code designEffect·(1 − r²)}. This assumes the correlation
     * between baseline and outcome is the same between clusters as within them (Teerenstra et al.
     * 2012); with a smaller cluster-level correlation the reduction is smaller.
     */
    public static double adjustedForBaseline(double designEffect, double baselineCorrelation) {
        if (!(baselineCorrelation > -1 && baselineCorrelation < 1)) {
            throw new IllegalArgumentException("baseline correlation must be in (−1, 1): " + baselineCorrelation);
        }
        return designEffect * (1 - baselineCorrelation * baselineCorrelation);
    }

    static void requireSize(double size) {
        if (!(size >= 1) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("cluster size must be finite and ≥ 1: " + size);
        }
    }

    static void requireIcc(double icc) {
        if (!(icc >= 0 && icc <= 1)) {
            throw new IllegalArgumentException("ICC must be in [0, 1]: " + icc);
        }
    }
}
