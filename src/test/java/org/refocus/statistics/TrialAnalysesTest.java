package org.refocus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The participation and mediation analyses on a simulated REFOCUS-like trial. */
class TrialAnalysesTest {

    /**
     * 24 teams of 8–20, alternately control and intervention; intervention teams 1, 5, 9, … have high
     * participation. INSPIRE = 40 + 6·intervention + 3·high + team + noise;
     * QPR = 10 + 1·intervention + 0.5·INSPIRE + 0.6·QPR₀ + team + noise, so a = 6, b = 0.5, ab = 3.
     */
    private static Dataset trial(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> team = new ArrayList<>();
        List<String> arm = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> inspire = new ArrayList<>();
        List<Double> qpr = new ArrayList<>();
        for (int j = 0; j < 24; j++) {
            boolean intervention = j % 2 == 1;
            boolean high = intervention && j % 4 == 1;
            double teamInspire = 2 * GeneratedTrial.gaussian(random);
            double teamQpr = 1.5 * GeneratedTrial.gaussian(random);
            int size = 8 + random.nextInt(13);
            for (int i = 0; i < size; i++) {
                double q0 = 35 + 8 * GeneratedTrial.gaussian(random);
                double m = 40 + (intervention ? 6 : 0) + (high ? 3 : 0) + teamInspire + 5 * GeneratedTrial.gaussian(random);
                double y = 10 + (intervention ? 1 : 0) + 0.5 * m + 0.6 * q0 + teamQpr + 4 * GeneratedTrial.gaussian(random);
                team.add("team" + (char) ('A' + j));
                arm.add(intervention ? "intervention" : "control");
                baseline.add(q0);
                inspire.add(i == 3 ? Double.NaN : m);
                qpr.add(y);
            }
        }
        return Dataset.builder()
                .text("team", team.toArray(new String[0]))
                .text("arm", arm.toArray(new String[0]))
                .numeric("qpr0", baseline.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("inspire", inspire.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("qpr", qpr.stream().mapToDouble(Double::doubleValue).toArray())
                .build();
    }

    private static Set<String> highTeams() {
        Set<String> high = new java.util.HashSet<>();
        for (int j = 1; j < 24; j += 4) {
            high.add("team" + (char) ('A' + j));
        }
        return high;
    }

    @Test
    void participationAnalysisComparesHighWithLowTeamsWithinTheInterventionArm() {
        Dataset data = trial(7);
        ParticipationAnalysis.Result result = ParticipationAnalysis
                .of("inspire", List.of("qpr0"), "team", "arm", "intervention", highTeams()).run(data);
        assertEquals(6, result.highTeams().size());
        assertEquals(6, result.lowTeams().size());
        assertEquals(12, result.fit().groups());
        assertEquals(ParticipationAnalysis.TERM, result.highVersusLow().term());
        // The simulated difference is 3 points; the interval from 12 teams should cover it.
        assertTrue(result.highVersusLow().confidenceLow() < 3 && 3 < result.highVersusLow().confidenceHigh(),
                result.highVersusLow().toString());

        // The same as fitting the intervention arm by hand with a 0/1 indicator.
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < data.rowCount(); row++) {
            if (data.label("arm", row).equals("intervention")) {
                rows.add(row);
            }
        }
        Dataset arm = data.selectRows(rows.stream().mapToInt(Integer::intValue).toArray());
        double[] indicator = new double[arm.rowCount()];
        for (int row = 0; row < arm.rowCount(); row++) {
            indicator[row] = highTeams().contains(arm.label("team", row)) ? 1 : 0;
        }
        RandomInterceptFit byHand = LinearMixedModel.randomIntercept("inspire", List.of("high", "qpr0"), "team")
                .fit(arm.withNumeric("high", indicator));
        assertEquals(byHand.fixedEffect("high").estimate(), result.highVersusLow().estimate(), 1e-12);
        assertEquals(byHand.fixedEffect("high").degreesOfFreedom(), result.highVersusLow().degreesOfFreedom(), 1e-9);
    }

    @Test
    void participationAnalysisRefusesAnUnknownHighTeam() {
        InvalidDataException error = assertThrows(InvalidDataException.class, () -> ParticipationAnalysis
                .of("inspire", List.of(), "team", "arm", "intervention", Set.of("teamA")).run(trial(7)));
        assertTrue(error.getMessage().contains("teamA"), error.getMessage());
    }

    @Test
    void mediationEstimatesTheProductOfCoefficientsWithAReproducibleClusterBootstrap() {
        Dataset data = trial(8);
        MediationAnalysis analysis = MediationAnalysis.of("arm", "inspire", "qpr", List.of("qpr0"), "team")
                .withBootstrap(200, 42);
        MediationAnalysis.Result result = analysis.run(data);

        List<String> mediatorFixed = List.of("arm", "qpr0");
        Dataset complete = data; // the fits drop the same incomplete rows (inspire missing) themselves
        RandomInterceptFit aFit = LinearMixedModel.randomIntercept("inspire", mediatorFixed, "team").fit(complete);
        assertEquals(aFit.fixedEffect("armintervention").estimate(), result.a().estimate(), 1e-12);
        assertEquals(result.a().estimate() * result.b().estimate(), result.indirect(), 1e-12);
        assertEquals(24, result.groups());
        assertEquals(data.missingCount("inspire"), result.dropped());
        assertTrue(result.stratifiedByArm());
        assertEquals(200, result.replicates() + result.failedReplicates());
        assertTrue(result.indirectLow() < result.indirect() && result.indirect() < result.indirectHigh());
        assertTrue(result.indirectLow() < 3 && 3 < result.indirectHigh(), result.toString());

        MediationAnalysis.Result again = analysis.run(data);
        assertEquals(result.indirectLow(), again.indirectLow(), 0.0);
        assertEquals(result.indirectHigh(), again.indirectHigh(), 0.0);
        MediationAnalysis.Result otherSeed = analysis.withBootstrap(200, 43).run(data);
        assertNotEquals(result.indirectLow(), otherSeed.indirectLow());
    }

    @Test
    void mediationRefusesATreatmentWithMoreThanTwoLevels() {
        Dataset data = trial(9);
        String[] three = new String[data.rowCount()];
        for (int row = 0; row < three.length; row++) {
            three[row] = "arm" + (row % 3);
        }
        InvalidDataException error = assertThrows(InvalidDataException.class, () -> MediationAnalysis
                .of("three", "inspire", "qpr", List.of(), "team").withBootstrap(0, 1).run(data.withText("three", three)));
        assertTrue(error.getMessage().contains("exactly two levels"), error.getMessage());
    }

    @Test
    void percentileIntervalUsesRsDefaultQuantile() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // quantile(1:10, c(0.025, 0.975)) in R: 1.225 and 9.775.
        assertEquals(1.225, MediationAnalysis.quantile(sorted, 0.025), 1e-12);
        assertEquals(9.775, MediationAnalysis.quantile(sorted, 0.975), 1e-12);
    }
}
