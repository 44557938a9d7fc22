package org.refocus.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated cluster trial — teams, arm, baseline, site and a one-year outcome — with the complete-case
 * design matrix written out by hand, independently of the model code, for the dense check.
 */
final class GeneratedTrial {

    static final List<String> FIXED = List.of("arm", "baseline", "site");
    static final List<String> TERMS = List.of("(Intercept)", "armintervention", "baseline", "sitesouth", "sitewest");

    final Dataset dataset;
    final double[][] design;
    final double[] outcome;
    final int[] cluster;
    final int dropped;

    private GeneratedTrial(Dataset dataset, double[][] design, double[] outcome, int[] cluster, int dropped) {
        this.dataset = dataset;
        this.design = design;
        this.outcome = outcome;
        this.cluster = cluster;
        this.dropped = dropped;
    }

    /**
     * @param clusters number of teams (alternately control and intervention)
     * @param minSize smallest team (at least 3, so a team keeps rows after missing values)
     * @param maxSize largest team: sizes are drawn uniformly, so unequal
     * @param missingRate chance that each of outcome, baseline and site is missing in a row
     */
    static GeneratedTrial generate(long seed, int clusters, int minSize, int maxSize, double groupSd,
            double residualSd, double missingRate) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] sites = {"north", "south", "west"};
        double[] siteEffect = {0, 1.5, -2.0};
        List<String> team = new ArrayList<>();
        List<String> arm = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<String> site = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<double[]> design = new ArrayList<>();
        List<Double> completeOutcome = new ArrayList<>();
        List<Integer> completeCluster = new ArrayList<>();
        int dropped = 0;
        for (int j = 0; j < clusters; j++) {
            int size = minSize + random.nextInt(maxSize - minSize + 1);
            boolean intervention = j % 2 == 1;
            double teamEffect = groupSd * gaussian(random);
            for (int i = 0; i < size; i++) {
                int s = random.nextInt(3);
                double b = 20 + 5 * gaussian(random);
                double value = 30 + (intervention ? 2.5 : 0) + 0.6 * b + siteEffect[s] + teamEffect
                        + residualSd * gaussian(random);
                // The first two rows of a team are always complete so no team vanishes.
                boolean outcomeMissing = i >= 2 && random.nextDouble() < missingRate;
                boolean baselineMissing = i >= 2 && random.nextDouble() < missingRate;
                boolean siteMissing = i >= 2 && random.nextDouble() < missingRate;
                team.add(String.format("T%02d", j));
                arm.add(intervention ? "intervention" : "control");
                baseline.add(baselineMissing ? Double.NaN : b);
                site.add(siteMissing ? null : sites[s]);
                y.add(outcomeMissing ? Double.NaN : value);
                if (outcomeMissing || baselineMissing || siteMissing) {
                    dropped++;
                } else {
                    design.add(new double[] {1, intervention ? 1 : 0, b, s == 1 ? 1 : 0, s == 2 ? 1 : 0});
                    completeOutcome.add(value);
                    completeCluster.add(j);
                }
            }
        }
        Dataset dataset = Dataset.builder()
                .text("team", team.toArray(new String[0]))
                .text("arm", arm.toArray(new String[0]))
                .numeric("baseline", baseline.stream().mapToDouble(Double::doubleValue).toArray())
                .text("site", site.toArray(new String[0]))
                .numeric("y", y.stream().mapToDouble(Double::doubleValue).toArray())
                .build();
        return new GeneratedTrial(dataset, design.toArray(new double[0][]),
                completeOutcome.stream().mapToDouble(Double::doubleValue).toArray(),
                completeCluster.stream().mapToInt(Integer::intValue).toArray(), dropped);
    }

    DenseRandomInterceptModel dense(boolean reml) {
        return new DenseRandomInterceptModel(design, outcome, cluster, reml);
    }

    static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
