package org.refocus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.junit.jupiter.api.Test;

class TrialQuantitiesTest {

    @Test
    void oneWayIccOfBalancedDataEqualsTheRemlIcc() {
        Dataset dyestuff = ReferenceData.csv("dyestuff.csv");
        IntraclassCorrelation.OneWayIcc icc = IntraclassCorrelation.oneWay(dyestuff, "Yield", "Batch");
        double reml = LinearMixedModel.randomIntercept("Yield", List.of(), "Batch").fit(dyestuff).icc();
        assertEquals(reml, icc.estimate(), 1e-12);
        // lme4 stops its optimiser about 1e-9 short of this exact optimum; six figures is the contract.
        assertEquals(0.4184874159, icc.estimate(), 5e-7 * 0.4184874159, "lme4 reference ICC");
        assertEquals(5.0, icc.effectiveClusterSize(), 1e-12);
        // Searle's interval from the F quantiles on (5, 24) df.
        FDistribution f = new FDistribution(5, 24);
        double ratio = icc.meanSquareBetween() / icc.meanSquareWithin();
        double fLow = ratio / f.inverseCumulativeProbability(0.975);
        double fHigh = ratio / f.inverseCumulativeProbability(0.025);
        assertEquals((fLow - 1) / (fLow + 4), icc.low(), 1e-8);
        assertEquals((fHigh - 1) / (fHigh + 4), icc.high(), 1e-8);
        assertTrue(icc.low() < icc.estimate() && icc.estimate() < icc.high());
    }

    @Test
    void oneWayIccUsesTheEffectiveClusterSizeForUnequalClusters() {
        Dataset data = Dataset.builder()
                .text("team", new String[] {"a", "a", "b", "b", "b", "c", "c", "c", "c", "c"})
                .numeric("y", new double[] {1, 2, 4, 5, 6, 2, 3, 3, 4, Double.NaN})
                .build();
        IntraclassCorrelation.OneWayIcc icc = IntraclassCorrelation.oneWay(data, "y", "team");
        // Sizes 2, 3, 4 (one missing): n0 = (9 − 29/9) / 2; means 1.5, 5, 3; grand mean 30/9.
        double n0 = (9 - 29.0 / 9) / 2;
        double grand = 30.0 / 9;
        double msb = (2 * sq(1.5 - grand) + 3 * sq(5 - grand) + 4 * sq(3 - grand)) / 2;
        double msw = (0.5 + 2 + 2) / 6;
        assertEquals(n0, icc.effectiveClusterSize(), 1e-12);
        assertEquals((msb - msw) / (msb + (n0 - 1) * msw), icc.estimate(), 1e-12);
        assertEquals(1, icc.dropped());
        assertEquals(9, icc.n());
    }

    private static double sq(double x) {
        return x * x;
    }

    @Test
    void designEffectsForEqualAndUnequalClusters() {
        assertEquals(1.95, DesignEffect.equalClusters(20, 0.05), 1e-12);
        assertEquals(1 + (1.36 * 20 - 1) * 0.05, DesignEffect.unequalClusters(20, 0.6, 0.05), 1e-12);
        assertEquals(DesignEffect.equalClusters(20, 0.05), DesignEffect.unequalClusters(20, 0, 0.05), 1e-12);
        // Sizes 10, 20, 30: Σn²/N = 1400/60; the same as mean 20 with cv = sd/mean, sd with divisor J.
        assertEquals(1 + (1400.0 / 60 - 1) * 0.1, DesignEffect.forClusterSizes(new int[] {10, 20, 30}, 0.1), 1e-12);
        assertEquals(DesignEffect.unequalClusters(20, Math.sqrt(200.0 / 3) / 20, 0.1),
                DesignEffect.forClusterSizes(new int[] {10, 20, 30}, 0.1), 1e-12);
        assertEquals(1.95 * 0.75, DesignEffect.adjustedForBaseline(1.95, 0.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> DesignEffect.equalClusters(20, 1.5));
    }

    @Test
    void sampleSizeForAClusterTrialMatchesTheTextbookFormula() {
        // δ = 0.3, 80% power, 5% two-sided: 2(1.959964 + 0.841621)²/0.09 = 174.42 per arm individually;
        // × DE 1.95 (m = 20, ICC 0.05) = 340.12 participants = 17.006 clusters → 18 per arm.
        ClusterTrialPower design = ClusterTrialPower.of(0.05, 20, 0, 0);
        ClusterTrialPower.SampleSize size = design.sampleSize(0.3, 0.8);
        assertEquals(174.4195, size.individuallyRandomisedPerArm(), 1e-3);
        assertEquals(340.118, size.participantsPerArm(), 1e-3);
        assertEquals(18, size.clustersPerArm());
        assertTrue(design.power(0.3, 18) >= 0.8);
        assertTrue(design.power(0.3, 17) < 0.8);
    }

    @Test
    void baselineCorrelationAndUnequalClustersChangeTheSampleSize() {
        ClusterTrialPower plain = ClusterTrialPower.of(0.05, 20, 0, 0);
        ClusterTrialPower adjusted = ClusterTrialPower.of(0.05, 20, 0, 0.6);
        ClusterTrialPower unequal = ClusterTrialPower.of(0.05, 20, 0.7, 0);
        assertEquals(plain.sampleSize(0.3, 0.8).participantsPerArm() * 0.64,
                adjusted.sampleSize(0.3, 0.8).participantsPerArm(), 1e-9);
        assertTrue(unequal.sampleSize(0.3, 0.8).clustersPerArm() > plain.sampleSize(0.3, 0.8).clustersPerArm());
    }

    @Test
    void powerIsTheInverseOfTheSampleSizeFormula() {
        ClusterTrialPower design = new ClusterTrialPower(0.03, 15, 0.4, 0.5, 0.05);
        double participants = design.sampleSize(0.25, 0.9).participantsPerArm();
        // With fractional clusters the formula would give exactly 90%.
        double standardError = Math.sqrt(2 * design.varianceInflation() / participants);
        double z = 0.25 / standardError - 1.959963984540054;
        assertEquals(0.9, new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z), 1e-9);
    }
}
