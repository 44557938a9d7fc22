package org.refocus.statistics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The textbook random-intercept likelihood, written the slow and obvious way for checking the fast
 * path: V = σ²I + σ_b² Z Zᵀ as a dense N×N matrix, its Cholesky factor, generalised least squares,
 * and
 * <pre>
 *   −2 log L_ML   = N log 2π + log|V| + rᵀV⁻¹r
 *   −2 log L_REML = (N−p) log 2π + log|V| + log|XᵀV⁻¹X| + rᵀV⁻¹r
 * </pre>
 * maximised over both variances by Nelder–Mead, and derivatives by finite differences. Only for a
 * few hundred rows.
 */
final class DenseRandomInterceptModel {

    private final RealMatrix x;
    private final RealVector y;
    private final int[] cluster;
    private final boolean reml;

    DenseRandomInterceptModel(double[][] x, double[] y, int[] cluster, boolean reml) {
        this.x = new Array2DRowRealMatrix(x);
        this.y = new ArrayRealVector(y);
        this.cluster = cluster.clone();
        this.reml = reml;
    }

    /** GLS pieces at given variances. */
    record Evaluation(double criterion, double[] beta, double[][] covariance) {
    }

    Evaluation evaluate(double groupVariance, double residualVariance) {
        int n = y.getDimension();
        int p = x.getColumnDimension();
        RealMatrix v = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double value = cluster[i] == cluster[j] ? groupVariance : 0;
                if (i == j) {
                    value += residualVariance;
                }
                v.setEntry(i, j, value);
            }
        }
        CholeskyDecomposition cholesky = new CholeskyDecomposition(v, 1e-12, 1e-300);
        double logDetV = 0;
        RealMatrix l = cholesky.getL();
        for (int i = 0; i < n; i++) {
            logDetV += 2 * Math.log(l.getEntry(i, i));
        }
        RealMatrix vInverseX = cholesky.getSolver().solve(x);
        RealMatrix product = x.transpose().multiply(vInverseX);
        // Xᵀ(V⁻¹X) is symmetric only up to rounding; Cholesky insists on exact symmetry.
        RealMatrix information = product.add(product.transpose()).scalarMultiply(0.5);
        CholeskyDecomposition informationCholesky = new CholeskyDecomposition(information, 1e-14, 1e-300);
        RealMatrix covariance = informationCholesky.getSolver().getInverse();
        RealVector beta = covariance.operate(vInverseX.transpose().operate(y));
        RealVector residual = y.subtract(x.operate(beta));
        double quadratic = residual.dotProduct(cholesky.getSolver().solve(residual));
        double criterion = logDetV + quadratic;
        if (reml) {
            double logDetInformation = 0;
            RealMatrix li = informationCholesky.getL();
            for (int i = 0; i < p; i++) {
                logDetInformation += 2 * Math.log(li.getEntry(i, i));
            }
            criterion += (n - p) * Math.log(2 * Math.PI) + logDetInformation;
        } else {
            criterion += n * Math.log(2 * Math.PI);
        }
        return new Evaluation(criterion, beta.toArray(), covariance.getData());
    }

    /** −2 log L in lmerTest's parameters (θ = σ_b/σ, σ). */
    double criterionAt(double theta, double sigma) {
        return evaluate(theta * theta * sigma * sigma, sigma * sigma).criterion();
    }

    /** Maximum (restricted) likelihood variances {σ_b², σ²}, by Nelder–Mead on (σ_b, log σ). */
    double[] maximise(double groupStart, double residualStart) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-15);
        double[] start = {Math.sqrt(groupStart), 0.5 * Math.log(residualStart)};
        PointValuePair best = null;
        // Restarting from the previous optimum guards against a collapsed simplex.
        for (int round = 0; round < 4; round++) {
            PointValuePair found = optimizer.optimize(new MaxEval(20_000),
                    new ObjectiveFunction(point -> evaluate(point[0] * point[0], Math.exp(2 * point[1])).criterion()),
                    GoalType.MINIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(new double[] {0.2 * Math.max(Math.abs(start[0]), 0.1), 0.2}));
            if (best == null || found.getValue() < best.getValue()) {
                best = found;
            }
            start = best.getPoint();
        }
        return new double[] {best.getPoint()[0] * best.getPoint()[0], Math.exp(2 * best.getPoint()[1])};
    }

    /**
     * Satterthwaite degrees of freedom for coefficient k by finite differences (with one Richardson
     * step) of the dense criterion and covariance in (θ, σ), exactly as lmerTest defines them.
     */
    double satterthwaite(int k, double groupVariance, double residualVariance) {
        double sigma = Math.sqrt(residualVariance);
        double theta = Math.sqrt(groupVariance / residualVariance);
        double hTheta = 1e-3 * Math.max(theta, 0.1);
        double hSigma = 1e-3 * sigma;
        double[][] hessian = new double[2][2];
        hessian[0][0] = richardson(h -> second(t -> criterionAt(t, sigma), theta, h), hTheta);
        hessian[1][1] = richardson(h -> second(s -> criterionAt(theta, s), sigma, h), hSigma);
        hessian[0][1] = richardson(h -> (criterionAt(theta + h, sigma + h * hSigma / hTheta)
                - criterionAt(theta + h, sigma - h * hSigma / hTheta)
                - criterionAt(theta - h, sigma + h * hSigma / hTheta)
                + criterionAt(theta - h, sigma - h * hSigma / hTheta)) / (4 * h * h * hSigma / hTheta), hTheta);
        hessian[1][0] = hessian[0][1];
        double[] gradient = {
                richardson(h -> (variance(k, theta + h, sigma) - variance(k, theta - h, sigma)) / (2 * h), hTheta),
                richardson(h -> (variance(k, theta, sigma + h) - variance(k, theta, sigma - h)) / (2 * h), hSigma)};
        RealMatrix asymptotic = new Array2DRowRealMatrix(hessian).scalarMultiply(0.5);
        RealMatrix inverse = new org.apache.commons.math3.linear.LUDecomposition(asymptotic).getSolver().getInverse();
        double denominator = new ArrayRealVector(gradient).dotProduct(inverse.operate(new ArrayRealVector(gradient)));
        double c = variance(k, theta, sigma);
        return 2 * c * c / denominator;
    }

    private double variance(int k, double theta, double sigma) {
        return evaluate(theta * theta * sigma * sigma, sigma * sigma).covariance()[k][k];
    }

    private static double second(java.util.function.DoubleUnaryOperator f, double at, double h) {
        return (f.applyAsDouble(at + h) - 2 * f.applyAsDouble(at) + f.applyAsDouble(at - h)) / (h * h);
    }

    private static double richardson(java.util.function.DoubleUnaryOperator estimate, double h) {
        return (4 * estimate.applyAsDouble(h / 2) - estimate.applyAsDouble(h)) / 3;
    }
}
