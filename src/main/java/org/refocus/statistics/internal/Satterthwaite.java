package org.refocus.statistics.internal;

/**
 * Fixed-effect covariance and Satterthwaite degrees of freedom, as lmerTest computes them.
 *
 * <p>lmerTest takes the variance parameters as (θ, σ) — θ the relative standard deviation of the
 * random intercept, σ the residual standard deviation — and uses
 * <pre>
 *   df_k = 2 C_kk² / (∇C_kk)ᵀ Σ (∇C_kk),   Σ = 2 H⁻¹,
 * </pre>
 * where C = σ² (XᵀV⁻¹X·σ²)⁻¹ is the fixed-effect covariance, ∇ is the gradient with respect to
 * (θ, σ), and H is the Hessian of the (unprofiled) REML criterion or ML deviance in (θ, σ). lmerTest
 * differentiates numerically; here every derivative is analytic. The parameterisation matters only
 * on the boundary θ = 0, where it gives a zero θ-gradient (the criterion and C are even in θ) and so,
 * like lmerTest, N − p degrees of freedom for the intercept-only REML fit of Dyestuff2.
 */
public final class Satterthwaite {

    private Satterthwaite() {
    }

    /**
     * @param basisChange T with β = Tβ′ (from {@link ClusterStatistics#basisChange()})
     * @return the covariance (row-major p×p) in the original basis and the degrees of freedom per
     *     coefficient
     */
    public static Result compute(RandomInterceptDeviance deviance, RandomInterceptDeviance.Evaluation at,
            double[] basisChange) {
        int p = deviance.statistics().fixedCount();
        RandomInterceptDeviance.Curvature c = deviance.curvature(at);
        double m = deviance.residualDenominator();
        double sigma2 = at.pwrss() / m;
        double sigma = Math.sqrt(sigma2);
        double s = at.s();
        double theta = Math.sqrt(s);

        double dS = c.logDetL1() + c.pwrss1() / sigma2;
        double dSS = c.logDetL2() + c.pwrss2() / sigma2;
        if (deviance.isReml()) {
            dS += c.logDetA1();
            dSS += c.logDetA2();
        }
        double hThetaTheta = 2 * dS + 4 * s * dSS;
        double hThetaSigma = -4 * theta * c.pwrss1() / (sigma2 * sigma);
        double hSigmaSigma = 6 * at.pwrss() / (sigma2 * sigma2) - 2 * m / sigma2;
        double[] asymptoticCovariance = twiceThePseudoInverse(hThetaTheta, hThetaSigma, hSigmaSigma);

        double[] covarianceCentred = scale(c.aInverse(), sigma2);
        double[] dTheta = scale(c.aInverseA1AInverse(), -2 * theta * sigma2);
        double[] dSigma = scale(c.aInverse(), 2 * sigma);
        double[] covariance = sandwich(basisChange, covarianceCentred, p);
        double[] covarianceByTheta = sandwich(basisChange, dTheta, p);
        double[] covarianceBySigma = sandwich(basisChange, dSigma, p);

        double[] df = new double[p];
        for (int k = 0; k < p; k++) {
            double variance = covariance[k * p + k];
            double g0 = covarianceByTheta[k * p + k];
            double g1 = covarianceBySigma[k * p + k];
            double denominator = g0 * (asymptoticCovariance[0] * g0 + asymptoticCovariance[1] * g1)
                    + g1 * (asymptoticCovariance[1] * g0 + asymptoticCovariance[2] * g1);
            df[k] = denominator > 0 ? 2 * variance * variance / denominator : Double.POSITIVE_INFINITY;
        }
        return new Result(covariance, df);
    }

    /**
     * 2 H⁺ for the symmetric 2×2 H = [[a, b], [b, d]], as {a', b', d'}. Like lmerTest this is a
     * Moore–Penrose inverse keeping only clearly positive eigenvalues; unlike lmerTest's absolute
     * cut-off (1e-8) the cut-off here is relative to the largest eigenvalue, because H mixes the
     * dimensionless θ with σ in the outcome's units.
     */
    static double[] twiceThePseudoInverse(double a, double b, double d) {
        double mean = (a + d) / 2;
        double radius = Math.hypot((a - d) / 2, b);
        double[] eigenvalues = {mean + radius, mean - radius};
        double[][] vectors = new double[2][];
        if (b == 0) {
            vectors[0] = a >= d ? new double[] {1, 0} : new double[] {0, 1};
            vectors[1] = a >= d ? new double[] {0, 1} : new double[] {1, 0};
        } else {
            vectors[0] = normalise(eigenvalues[0] - d, b);
            vectors[1] = normalise(eigenvalues[1] - d, b);
        }
        double largest = Math.max(Math.abs(eigenvalues[0]), Math.abs(eigenvalues[1]));
        double[] result = new double[3];
        for (int i = 0; i < 2; i++) {
            if (eigenvalues[i] > 1e-10 * largest) {
                double w = 2 / eigenvalues[i];
                result[0] += w * vectors[i][0] * vectors[i][0];
                result[1] += w * vectors[i][0] * vectors[i][1];
                result[2] += w * vectors[i][1] * vectors[i][1];
            }
        }
        return result;
    }

    private static double[] normalise(double x, double y) {
        double length = Math.hypot(x, y);
        return new double[] {x / length, y / length};
    }

    private static double[] scale(double[] matrix, double factor) {
        double[] out = new double[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = matrix[i] * factor;
        }
        return out;
    }

    /** T M Tᵀ for p×p row-major matrices. */
    static double[] sandwich(double[] t, double[] m, int p) {
        double[] tm = RandomInterceptDeviance.multiply(t, m, p, p);
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    sum += tm[i * p + k] * t[j * p + k];
                }
                out[i * p + j] = sum;
            }
        }
        return out;
    }

    /** The fixed-effect covariance (row-major p×p) and the Satterthwaite df of each coefficient. */
    public record Result(double[] covariance, double[] degreesOfFreedom) {
    }
}
