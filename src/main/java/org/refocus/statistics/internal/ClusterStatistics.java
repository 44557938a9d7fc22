package org.refocus.statistics.internal;

import java.util.Arrays;

/**
 * Sufficient statistics of a random-intercept linear model, gathered in one pass over the rows.
 *
 * <p>Let the augmented design row be {@code u = (1, x_1 .. x_{p-1}, y)}. For cluster {@code j} with
 * {@code n_j} rows and precision ratio {@code s = θ²}, the cluster's contribution to
 * {@code [X y]ᵀ V⁻¹ [X y] · σ²} is {@code W_j + n_j/(1 + n_j s) · ū_j ū_jᵀ}, where {@code W_j} is the
 * within-cluster cross-product of deviations from the cluster means {@code ū_j}. So the likelihood at
 * any θ needs only the pooled within cross-product {@code W} and, for every distinct cluster size
 * {@code n}, the sum of {@code ū_j ū_jᵀ} over clusters of that size. Working with deviations (and
 * cluster means centred on the grand mean) rather than raw sums of squares keeps the cancellation in
 * the residual sum of squares small.
 *
 * <p>The centring is a change of fixed-effect basis with determinant one: it leaves the likelihood
 * unchanged and is undone by {@link #basisChange()}.
 */
public final class ClusterStatistics {

    private final int observations;
    private final int groups;
    private final int fixedCount;
    private final double[] within;
    private final int[] sizes;
    private final int[] sizeCounts;
    private final double[][] between;
    private final double[] centre;

    private ClusterStatistics(int observations, int groups, int fixedCount, double[] within, int[] sizes,
            int[] sizeCounts, double[][] between, double[] centre) {
        this.observations = observations;
        this.groups = groups;
        this.fixedCount = fixedCount;
        this.within = within;
        this.sizes = sizes;
        this.sizeCounts = sizeCounts;
        this.between = between;
        this.centre = centre;
    }

    /**
     * Gathers the statistics.
     *
     * @param columns the non-intercept fixed-effect columns followed by the outcome, each of length N;
     *     <strong>overwritten</strong> with within-cluster deviations (the caller builds them for this)
     * @param cluster the cluster index of every row, in {@code [0, groups)}
     * @param groups the number of clusters; every cluster must have at least one row
     */
    public static ClusterStatistics compute(double[][] columns, int[] cluster, int groups) {
        int q = columns.length;
        int n = cluster.length;
        int dim = q + 1;
        int[] clusterSize = new int[groups];
        for (int i = 0; i < n; i++) {
            clusterSize[cluster[i]]++;
        }
        // Cluster means, column by column so each pass streams one array.
        double[][] means = new double[q][groups];
        for (int k = 0; k < q; k++) {
            double[] column = columns[k];
            double[] mean = means[k];
            for (int i = 0; i < n; i++) {
                mean[cluster[i]] += column[i];
            }
            for (int j = 0; j < groups; j++) {
                mean[j] /= clusterSize[j];
            }
            for (int i = 0; i < n; i++) {
                column[i] -= mean[cluster[i]];
            }
        }
        double[] within = new double[dim * dim];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l <= k; l++) {
                double value = dot(columns[k], columns[l], n);
                within[(k + 1) * dim + (l + 1)] = value;
                within[(l + 1) * dim + (k + 1)] = value;
            }
        }
        // The grand mean of each column, as the size-weighted mean of cluster means.
        double[] centre = new double[dim];
        for (int k = 0; k < q; k++) {
            double sum = 0;
            for (int j = 0; j < groups; j++) {
                sum += clusterSize[j] * means[k][j];
            }
            centre[k + 1] = sum / n;
        }
        int[] distinctSizes = Arrays.stream(clusterSize).distinct().sorted().toArray();
        int[] sizeCounts = new int[distinctSizes.length];
        double[][] between = new double[distinctSizes.length][dim * dim];
        double[] u = new double[dim];
        u[0] = 1.0;
        for (int j = 0; j < groups; j++) {
            int slot = Arrays.binarySearch(distinctSizes, clusterSize[j]);
            sizeCounts[slot]++;
            for (int k = 0; k < q; k++) {
                u[k + 1] = means[k][j] - centre[k + 1];
            }
            double[] target = between[slot];
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b <= a; b++) {
                    target[a * dim + b] += u[a] * u[b];
                }
            }
        }
        for (double[] target : between) {
            symmetriseFromLower(target, dim);
        }
        return new ClusterStatistics(n, groups, q, within, distinctSizes, sizeCounts, between, centre);
    }

    private static double dot(double[] a, double[] b, int n) {
        // Four accumulators let the JIT keep several multiply-adds in flight.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void symmetriseFromLower(double[] m, int dim) {
        for (int a = 0; a < dim; a++) {
            for (int b = a + 1; b < dim; b++) {
                m[a * dim + b] = m[b * dim + a];
            }
        }
    }

    /** The number of rows N. */
    public int observations() {
        return observations;
    }

    /** The number of clusters J. */
    public int groups() {
        return groups;
    }

    /** The number of fixed-effect coefficients p, intercept included. */
    public int fixedCount() {
        return fixedCount;
    }

    int[] sizes() {
        return sizes;
    }

    int[] sizeCounts() {
        return sizeCounts;
    }

    double[][] between() {
        return between;
    }

    double[] within() {
        return within;
    }

    /**
     * The p×p matrix T (row-major) that maps coefficients in the centred basis to coefficients on
     * the original columns: β = T β′ (plus the outcome's centre on the intercept, see
     * {@link #outcomeCentre()}).
     */
    public double[] basisChange() {
        int p = fixedCount;
        double[] t = new double[p * p];
        for (int k = 0; k < p; k++) {
            t[k * p + k] = 1.0;
        }
        for (int k = 1; k < p; k++) {
            t[k] = -centre[k];
        }
        return t;
    }

    /** The grand mean of the outcome, added back to the intercept. */
    public double outcomeCentre() {
        return centre[fixedCount];
    }
}
