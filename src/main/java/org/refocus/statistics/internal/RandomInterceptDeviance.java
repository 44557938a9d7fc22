package org.refocus.statistics.internal;

/**
 * The REML criterion or ML deviance of a random-intercept model as a function of
 * {@code s = θ² = σ_b²/σ²}, with the fixed effects and σ² profiled out, computed from
 * {@link ClusterStatistics} in O(D·p²) per evaluation (D = number of distinct cluster sizes).
 *
 * <p>With {@code M(s) = W + Σ_j n_j/(1+n_j s) ū_j ū_jᵀ = [[A, b], [bᵀ, c]]} (this is
 * {@code [X y]ᵀ V⁻¹ [X y]} times σ²), the penalised residual sum of squares is
 * {@code r² = c − bᵀA⁻¹b} and, exactly as lme4 writes them,
 * <pre>
 *   ML:   log|L|² + N (1 + log(2π r²/N))
 *   REML: log|L|² + log|A| + (N−p)(1 + log(2π r²/(N−p)))
 * </pre>
 * where {@code log|L|² = Σ_j log(1 + n_j s)}.
 */
public final class RandomInterceptDeviance {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** A fixed-effect pivot this small relative to its column's scale means collinear columns. */
    private static final double COLLINEARITY_TOLERANCE = 1e-10;
    /** A residual sum of squares this small relative to the outcome's means a perfect fit. */
    private static final double PERFECT_FIT_TOLERANCE = 1e-13;

    private final ClusterStatistics statistics;
    private final boolean reml;
    private final int p;
    private final int dim;

    public RandomInterceptDeviance(ClusterStatistics statistics, boolean reml) {
        this.statistics = statistics;
        this.reml = reml;
        this.p = statistics.fixedCount();
        this.dim = p + 1;
    }

    /** The residual degrees of freedom that divide r² to give σ²: N−p for REML, N for ML. */
    public int residualDenominator() {
        return reml ? statistics.observations() - p : statistics.observations();
    }

    public boolean isReml() {
        return reml;
    }

    public ClusterStatistics statistics() {
        return statistics;
    }

    /** The profiled criterion at s, or +∞ where the fixed-effect matrix is numerically singular. */
    public double criterion(double s) {
        Evaluation evaluation = evaluate(s);
        return evaluation.singularColumn() >= 0 || !(evaluation.pwrss() > 0)
                ? Double.POSITIVE_INFINITY : evaluation.criterion();
    }

    /** Evaluates the profiled criterion and the fixed effects at s ≥ 0. */
    public Evaluation evaluate(double s) {
        double[] m = statistics.within().clone();
        int[] sizes = statistics.sizes();
        int[] counts = statistics.sizeCounts();
        double[][] between = statistics.between();
        double logDetL = 0;
        for (int d = 0; d < sizes.length; d++) {
            double n = sizes[d];
            double ns = n * s;
            double g = n / (1 + ns);
            double[] sum = between[d];
            for (int i = 0; i < m.length; i++) {
                m[i] += g * sum[i];
            }
            logDetL += counts[d] * Math.log1p(ns);
        }
        double[] diagonal = new double[dim];
        for (int i = 0; i < dim; i++) {
            diagonal[i] = m[i * dim + i];
        }
        int failed = Cholesky.decomposeInPlace(m, dim, p, diagonal, COLLINEARITY_TOLERANCE);
        if (failed >= 0) {
            return new Evaluation(s, Double.NaN, Double.NaN, Double.NaN, null, null, failed);
        }
        double r = m[p * dim + p];
        double pwrss = r * r;
        if (!(pwrss > PERFECT_FIT_TOLERANCE * diagonal[p])) {
            pwrss = 0;
        }
        double logDetA = 0;
        for (int i = 0; i < p; i++) {
            logDetA += 2 * Math.log(m[i * dim + i]);
        }
        // β′ = L_A⁻ᵀ z, where z is the first p entries of the last row of the augmented factor.
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            beta[i] = m[p * dim + i];
        }
        Cholesky.solveUpper(m, dim, p, beta);
        double criterion;
        if (reml) {
            int dfResidual = statistics.observations() - p;
            criterion = logDetL + logDetA + dfResidual * (1 + LOG_2PI + Math.log(pwrss / dfResidual));
        } else {
            int n = statistics.observations();
            criterion = logDetL + n * (1 + LOG_2PI + Math.log(pwrss / n));
        }
        return new Evaluation(s, criterion, pwrss, logDetA, beta, m, -1);
    }

    /**
     * First and second derivatives with respect to s of the pieces of the deviance, for polishing the
     * optimum and for the Satterthwaite degrees of freedom.
     *
     * @param at an evaluation that succeeded
     */
    public Curvature curvature(Evaluation at) {
        double s = at.s();
        double[] m1 = new double[dim * dim];
        double[] m2 = new double[dim * dim];
        int[] sizes = statistics.sizes();
        int[] counts = statistics.sizeCounts();
        double[][] between = statistics.between();
        double logDetL1 = 0;
        double logDetL2 = 0;
        for (int d = 0; d < sizes.length; d++) {
            double n = sizes[d];
            double h = 1 / (1 + n * s);
            double g = n * h;
            double g1 = -g * g;
            double g2 = 2 * g * g * g;
            double[] sum = between[d];
            for (int i = 0; i < m1.length; i++) {
                m1[i] += g1 * sum[i];
                m2[i] += g2 * sum[i];
            }
            logDetL1 += counts[d] * g;
            logDetL2 -= counts[d] * g * g;
        }
        double[] aInverse = Cholesky.inverseFromFactor(at.factor(), dim, p);
        double[] beta = at.beta();
        // v = (−β′, 1): M′v and M″v give the envelope derivatives of r².
        double[] t = new double[p];
        double vm1v = quadraticWithNegatedBeta(m1, beta, t);
        double vm2v = quadraticWithNegatedBeta(m2, beta, null);
        double[] aInverseT = multiply(aInverse, t, p);
        double tAinvT = 0;
        for (int i = 0; i < p; i++) {
            tAinvT += t[i] * aInverseT[i];
        }
        double pwrss1 = vm1v;
        double pwrss2 = vm2v - 2 * tAinvT;

        double[] a1 = topLeft(m1);
        double[] a2 = topLeft(m2);
        double[] aInvA1 = multiply(aInverse, a1, p, p);
        double[] aInvA1AInv = multiply(aInvA1, aInverse, p, p);
        double trace1 = 0;
        double trace2 = 0;
        double traceSquare = 0;
        double[] aInvA2 = multiply(aInverse, a2, p, p);
        for (int i = 0; i < p; i++) {
            trace1 += aInvA1[i * p + i];
            trace2 += aInvA2[i * p + i];
            for (int k = 0; k < p; k++) {
                traceSquare += aInvA1[i * p + k] * aInvA1[k * p + i];
            }
        }
        return new Curvature(logDetL1, logDetL2, trace1, trace2 - traceSquare, pwrss1, pwrss2,
                aInverse, aInvA1AInv);
    }

    /** The derivatives of the profiled criterion with respect to s: {first, second}. */
    public double[] profiledDerivatives(Evaluation at, Curvature c) {
        double denominator = residualDenominator();
        double ratio = c.pwrss1() / at.pwrss();
        double first = c.logDetL1() + denominator * ratio;
        double second = c.logDetL2() + denominator * (c.pwrss2() / at.pwrss() - ratio * ratio);
        if (reml) {
            first += c.logDetA1();
            second += c.logDetA2();
        }
        return new double[] {first, second};
    }

    private double quadraticWithNegatedBeta(double[] matrix, double[] beta, double[] topOfProduct) {
        double[] v = new double[dim];
        for (int i = 0; i < p; i++) {
            v[i] = -beta[i];
        }
        v[p] = 1;
        double total = 0;
        for (int i = 0; i < dim; i++) {
            double row = 0;
            for (int k = 0; k < dim; k++) {
                row += matrix[i * dim + k] * v[k];
            }
            if (topOfProduct != null && i < p) {
                topOfProduct[i] = row;
            }
            total += v[i] * row;
        }
        return total;
    }

    private double[] topLeft(double[] matrix) {
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(matrix, i * dim, out, i * p, p);
        }
        return out;
    }

    static double[] multiply(double[] a, double[] b, int rows, int inner) {
        int cols = b.length / inner;
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i * inner + k];
                for (int j = 0; j < cols; j++) {
                    out[i * cols + j] += aik * b[k * cols + j];
                }
            }
        }
        return out;
    }

    private static double[] multiply(double[] a, double[] x, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += a[i * n + k] * x[k];
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * The criterion and fixed effects at one s.
     *
     * @param criterion the profiled REML criterion or ML deviance
     * @param pwrss the penalised residual sum of squares r² (0 for a perfect fit)
     * @param logDetA log|A|, A = XᵀV⁻¹X·σ² in the centred basis (same determinant as the original)
     * @param beta the fixed effects in the centred basis
     * @param factor the augmented Cholesky factor (row-major, lower)
     * @param singularColumn the first fixed-effect column found collinear with earlier ones, or −1
     */
    public record Evaluation(double s, double criterion, double pwrss, double logDetA, double[] beta,
            double[] factor, int singularColumn) {
    }

    /**
     * Derivatives with respect to s of log|L|², log|A| and r², with A⁻¹ and A⁻¹A′A⁻¹ (centred
     * basis, row-major p×p), all at one s.
     */
    public record Curvature(double logDetL1, double logDetL2, double logDetA1, double logDetA2,
            double pwrss1, double pwrss2, double[] aInverse, double[] aInverseA1AInverse) {
    }
}
