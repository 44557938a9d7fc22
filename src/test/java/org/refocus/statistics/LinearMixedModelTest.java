package org.refocus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path against the dense textbook likelihood on data it was never tuned to: unequal
 * clusters, factors, missing values, the boundary and a dominant cluster variance.
 */
class LinearMixedModelTest {

    private static void assertClose(double expected, double actual, double relative, String what) {
        double scale = Math.max(Math.abs(expected), 1e-300);
        assertTrue(Math.abs(expected - actual) <= relative * scale,
                what + ": expected " + expected + " but was " + actual);
    }

    private static void agreesWithTheDenseLikelihood(GeneratedTrial trial, EstimationMethod method) {
        RandomInterceptFit fit = LinearMixedModel.randomIntercept("y", GeneratedTrial.FIXED, "team")
                .withMethod(method).fit(trial.dataset);
        DenseRandomInterceptModel dense = trial.dense(method == EstimationMethod.REML);

        assertEquals(trial.outcome.length, fit.n());
        assertEquals(trial.dropped, fit.dropped());
        assertEquals(GeneratedTrial.TERMS, fit.fixedEffects().stream().map(FixedEffect::term).toList());

        // At the fast path's estimates the dense formulas give the same criterion, β and covariance.
        DenseRandomInterceptModel.Evaluation there = dense.evaluate(fit.groupVariance(), fit.residualVariance());
        assertClose(there.criterion(), fit.criterion(), 1e-10, "criterion");
        double[][] covariance = fit.fixedEffectCovariance();
        for (int k = 0; k < there.beta().length; k++) {
            FixedEffect effect = fit.fixedEffects().get(k);
            assertClose(there.beta()[k], effect.estimate(), 1e-9, "beta " + effect.term());
            for (int l = 0; l < there.beta().length; l++) {
                assertEquals(there.covariance()[k][l], covariance[k][l],
                        1e-9 * Math.sqrt(there.covariance()[k][k] * there.covariance()[l][l]), "covariance");
            }
        }

        // An independent two-parameter optimiser finds nothing better and lands in the same place.
        double[] optimum = dense.maximise(Math.max(fit.groupVariance(), 1) * 2, fit.residualVariance() / 2);
        double denseBest = dense.evaluate(optimum[0], optimum[1]).criterion();
        assertTrue(fit.criterion() <= denseBest + 1e-9 * Math.abs(denseBest),
                "fast criterion " + fit.criterion() + " vs dense optimum " + denseBest);
        assertClose(optimum[1], fit.residualVariance(), 1e-4, "residual variance");
        assertEquals(optimum[0], fit.groupVariance(), 1e-4 * (fit.groupVariance() + fit.residualVariance()),
                "group variance");

        // Satterthwaite df by finite differences of the dense criterion and covariance.
        for (int k = 0; k < there.beta().length; k++) {
            double df = dense.satterthwaite(k, fit.groupVariance(), fit.residualVariance());
            assertClose(df, fit.fixedEffects().get(k).degreesOfFreedom(), 1e-4, "df " + k);
        }
    }

    @Test
    void matchesTheDenseRemlLikelihoodWithUnequalClustersFactorsAndMissingRows() {
        agreesWithTheDenseLikelihood(GeneratedTrial.generate(11, 14, 3, 25, 2.0, 3.0, 0.08), EstimationMethod.REML);
    }

    @Test
    void matchesTheDenseMlLikelihoodWithUnequalClustersFactorsAndMissingRows() {
        agreesWithTheDenseLikelihood(GeneratedTrial.generate(12, 14, 3, 25, 2.0, 3.0, 0.08), EstimationMethod.ML);
    }

    @Test
    void matchesTheDenseLikelihoodWhenTheClusterVarianceDominates() {
        agreesWithTheDenseLikelihood(GeneratedTrial.generate(13, 10, 3, 12, 40.0, 0.5, 0.0), EstimationMethod.REML);
    }

    @Test
    void matchesTheDenseLikelihoodWithSmallClustersAndLittleClusterVariance() {
        agreesWithTheDenseLikelihood(GeneratedTrial.generate(14, 30, 3, 5, 0.4, 3.0, 0.05), EstimationMethod.ML);
    }

    @Test
    void estimatesAGroupVarianceOfExactlyZeroOnTheBoundary() {
        // Residuals centred within each team: the teams' means agree exactly, so the between-team
        // mean square falls below the within-team one and REML puts σ_b² on the boundary.
        int teams = 8;
        int size = 6;
        String[] team = new String[teams * size];
        double[] y = new double[teams * size];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int j = 0; j < teams; j++) {
            double[] e = new double[size];
            double mean = 0;
            for (int i = 0; i < size; i++) {
                e[i] = GeneratedTrial.gaussian(random);
                mean += e[i] / size;
            }
            for (int i = 0; i < size; i++) {
                team[j * size + i] = "team" + j;
                y[j * size + i] = 50 + e[i] - mean;
            }
        }
        Dataset data = Dataset.builder().text("team", team).numeric("y", y).build();
        RandomInterceptFit fit = LinearMixedModel.randomIntercept("y", List.of(), "team").fit(data);
        assertTrue(fit.isSingular());
        assertEquals(0.0, fit.groupVariance());
        assertEquals(0.0, fit.icc());
        // On the boundary the model is ordinary least squares: σ² is the usual variance, df = N − 1.
        double ss = 0;
        for (double value : y) {
            ss += (value - 50) * (value - 50);
        }
        assertClose(ss / (y.length - 1), fit.residualVariance(), 1e-12, "residual variance");
        assertClose(y.length - 1, fit.fixedEffect("(Intercept)").degreesOfFreedom(), 1e-10, "df");
        int[] cluster = new int[y.length];
        double[][] x = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            cluster[i] = i / size;
            x[i] = new double[] {1};
        }
        DenseRandomInterceptModel dense = new DenseRandomInterceptModel(x, y, cluster, true);
        assertClose(dense.evaluate(0, fit.residualVariance()).criterion(), fit.criterion(), 1e-12, "criterion");
        assertTrue(dense.evaluate(1e-3, fit.residualVariance()).criterion() > fit.criterion());
    }

    @Test
    void namesFactorCoefficientsAsRDoesWithTheFirstSortedLevelAsReference() {
        Dataset data = Dataset.builder()
                .text("site", new String[] {"C", "A", "B", "A", "C", "B", "A", "B", "C", "A", "B", "C"})
                .text("team", new String[] {"t1", "t1", "t1", "t2", "t2", "t2", "t3", "t3", "t3", "t4", "t4", "t4"})
                .numeric("y", new double[] {3, 1, 2, 1.5, 3.2, 2.4, 0.7, 2.1, 3.3, 1.1, 1.9, 2.6})
                .build();
        RandomInterceptFit fit = LinearMixedModel.randomIntercept("y", List.of("site"), "team").fit(data);
        assertEquals(List.of("(Intercept)", "siteB", "siteC"),
                fit.fixedEffects().stream().map(FixedEffect::term).toList());
    }

    @Test
    void dropsUnusedFactorLevelsLikeLme4() {
        Dataset data = Dataset.builder()
                .text("site", new String[] {"A", "B", "A", "B", "A", "B", "Z", "B"})
                .text("team", new String[] {"t1", "t1", "t2", "t2", "t3", "t3", "t4", "t4"})
                .numeric("y", new double[] {1, 2, 1.2, 2.5, 0.8, 2.2, Double.NaN, 1.9})
                .build();
        RandomInterceptFit fit = LinearMixedModel.randomIntercept("y", List.of("site"), "team").fit(data);
        assertEquals(List.of("(Intercept)", "siteB"), fit.fixedEffects().stream().map(FixedEffect::term).toList());
        assertEquals(1, fit.dropped());
        assertEquals(7, fit.n());
    }

    @Test
    void reportsConfidenceIntervalsFromStudentsTOnTheSatterthwaiteDegreesOfFreedom() {
        RandomInterceptFit fit = LinearMixedModel.randomIntercept("Reaction", List.of("Days"), "Subject")
                .fit(ReferenceData.csv("sleepstudy.csv"));
        FixedEffect days = fit.fixedEffect("Days");
        double quantile = new org.apache.commons.math3.distribution.TDistribution(days.degreesOfFreedom())
                .inverseCumulativeProbability(0.975);
        assertClose(days.estimate() - quantile * days.standardError(), days.confidenceLow(), 1e-9, "low");
        assertClose(days.estimate() + quantile * days.standardError(), days.confidenceHigh(), 1e-9, "high");
    }

    @Test
    void refusesASingleCluster() {
        Dataset data = Dataset.builder().text("team", new String[] {"a", "a", "a"})
                .numeric("y", new double[] {1, 2, 3}).build();
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> LinearMixedModel.randomIntercept("y", List.of(), "team").fit(data));
        assertTrue(error.getMessage().contains("only one cluster"), error.getMessage());
    }

    @Test
    void refusesATextOutcomeAndAMissingColumn() {
        Dataset data = Dataset.builder().text("team", new String[] {"a", "b", "a", "b"})
                .text("y", new String[] {"x", "y", "z", "w"}).numeric("z", new double[] {1, 2, 3, 4}).build();
        assertTrue(assertThrows(InvalidDataException.class,
                () -> LinearMixedModel.randomIntercept("y", List.of(), "team").fit(data))
                .getMessage().contains("not numeric"));
        assertTrue(assertThrows(InvalidDataException.class,
                () -> LinearMixedModel.randomIntercept("z", List.of("nope"), "team").fit(data))
                .getMessage().contains("'nope' not found"));
    }

    @Test
    void refusesCollinearFixedEffectsNamingTheTerm() {
        Dataset data = Dataset.builder().text("team", new String[] {"a", "a", "b", "b", "c", "c"})
                .numeric("x", new double[] {1, 2, 3, 4, 5, 6})
                .numeric("twiceX", new double[] {2, 4, 6, 8, 10, 12})
                .numeric("y", new double[] {1, 3, 2, 5, 4, 7}).build();
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> LinearMixedModel.randomIntercept("y", List.of("x", "twiceX"), "team").fit(data));
        assertTrue(error.getMessage().contains("'twiceX'"), error.getMessage());
    }

    @Test
    void givesTheSameFitWhateverTheOrderOfTheRows() {
        GeneratedTrial trial = GeneratedTrial.generate(21, 12, 3, 15, 1.5, 2.0, 0.05);
        int rows = trial.dataset.rowCount();
        int[] reversed = new int[rows];
        for (int i = 0; i < rows; i++) {
            reversed[i] = rows - 1 - i;
        }
        LinearMixedModel model = LinearMixedModel.randomIntercept("y", GeneratedTrial.FIXED, "team");
        RandomInterceptFit forward = model.fit(trial.dataset);
        RandomInterceptFit backward = model.fit(trial.dataset.selectRows(reversed));
        assertClose(forward.criterion(), backward.criterion(), 1e-12, "criterion");
        assertClose(forward.groupVariance(), backward.groupVariance(), 1e-8, "group variance");
        assertFalse(forward.isSingular());
    }

    @Test
    void keepsItsPrecisionWhenTheDataSitFarFromZero() {
        // Raw sums of squares would lose about ten digits here; the centred statistics lose almost none.
        GeneratedTrial trial = GeneratedTrial.generate(31, 12, 3, 15, 1.5, 2.0, 0.0);
        Dataset data = trial.dataset;
        double[] y = data.numeric("y");
        double[] baseline = data.numeric("baseline");
        for (int i = 0; i < y.length; i++) {
            y[i] += 1e6;
            baseline[i] += 1e5;
        }
        Dataset shifted = data.withNumeric("y", y).withNumeric("baseline", baseline);
        LinearMixedModel model = LinearMixedModel.randomIntercept("y", GeneratedTrial.FIXED, "team");
        RandomInterceptFit near = model.fit(data);
        RandomInterceptFit far = model.fit(shifted);
        assertClose(near.groupVariance(), far.groupVariance(), 1e-7, "group variance");
        assertClose(near.residualVariance(), far.residualVariance(), 1e-8, "residual variance");
        assertClose(near.fixedEffect("baseline").estimate(), far.fixedEffect("baseline").estimate(), 1e-8, "slope");
        assertClose(near.fixedEffect("armintervention").degreesOfFreedom(),
                far.fixedEffect("armintervention").degreesOfFreedom(), 1e-6, "df");
        assertClose(near.criterion(), far.criterion(), 1e-10, "criterion");
    }
}
