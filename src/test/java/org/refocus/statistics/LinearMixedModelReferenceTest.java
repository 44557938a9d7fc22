package org.refocus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every number in lme4-reference.txt, reproduced from the CSVs beside it to at least six significant
 * figures (a relative difference below 5e-7, or an exact zero where R reports zero).
 */
class LinearMixedModelReferenceTest {

    /** Six significant figures: the relative difference rounds away in the sixth figure. */
    private static final double SIX_FIGURES = 5e-7;

    @TestFactory
    List<DynamicTest> reproducesEveryNumberInTheLme4Reference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReferenceData.Fit reference : ReferenceData.fits()) {
            tests.add(DynamicTest.dynamicTest(reference.name(), () -> check(reference)));
        }
        assertEquals(5, tests.size(), "reference sections");
        return tests;
    }

    private static void check(ReferenceData.Fit reference) {
        RandomInterceptFit fit = LinearMixedModel
                .randomIntercept(reference.outcome(), reference.fixed(), reference.cluster())
                .withMethod(reference.method())
                .fit(ReferenceData.csv(reference.dataFile()));
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        assertEquals(reference.n(), fit.n(), "n");
        assertEquals(reference.fixedEffects().size(), fit.fixedEffects().size(), "number of fixed effects");
        for (Map.Entry<String, double[]> entry : reference.fixedEffects().entrySet()) {
            FixedEffect effect = fit.fixedEffect(entry.getKey());
            double[] expected = entry.getValue();
            double[] actual = {effect.estimate(), effect.standardError(), effect.degreesOfFreedom(), effect.t(),
                    effect.p()};
            String[] names = {"estimate", "se", "df", "t", "p"};
            for (int i = 0; i < 5; i++) {
                compare(reference.name() + " " + entry.getKey() + "." + names[i], expected[i], actual[i], report,
                        failures);
            }
        }
        Map<String, Double> values = reference.values();
        compare(reference.name() + " variance.group", values.get("variance.group"), fit.groupVariance(), report,
                failures);
        compare(reference.name() + " variance.residual", values.get("variance.residual"), fit.residualVariance(),
                report, failures);
        compare(reference.name() + " icc", values.get("icc"), fit.icc(), report, failures);
        compare(reference.name() + " logLik", values.get("logLik"), fit.logLikelihood(), report, failures);
        compare(reference.name() + " criterion", values.get("deviance_or_REMLcrit"), fit.criterion(), report,
                failures);
        report.forEach(System.out::println);
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    /** Records how many significant figures agree and fails below six. */
    private static void compare(String what, double expected, double actual, List<String> report,
            List<String> failures) {
        if (expected == 0) {
            report.add(String.format("%-48s R=0 ours=%s (exact zero required)", what, actual));
            if (actual != 0) {
                failures.add(what + ": expected exactly 0 but was " + actual);
            }
            return;
        }
        double relative = Math.abs(actual - expected) / Math.abs(expected);
        double figures = relative == 0 ? 17 : -Math.log10(relative);
        report.add(String.format("%-48s R=%-22s ours=%-24s agree to %.1f significant figures", what, expected,
                actual, figures));
        if (!(relative < SIX_FIGURES)) {
            failures.add(what + ": expected " + expected + " but was " + actual + " (relative difference " + relative
                    + ")");
        }
    }

    @Test
    void readsTheReferenceFromTheSharedFolderWhenItIsThere() {
        assertTrue(ReferenceData.directory().resolve("lme4-reference.txt").toFile().isFile());
    }
}
