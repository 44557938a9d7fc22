package org.refocus.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Mediation by the product of coefficients, as in the REFOCUS model (intervention → INSPIRE → QPR),
 * with two random-intercept models on the same complete cases:
 * <pre>
 *   mediator ~ treatment + covariates + (1 | cluster)              a = treatment coefficient
 *   outcome  ~ treatment + mediator + covariates + (1 | cluster)   b = mediator coefficient,
 *                                                                  c′ = treatment (direct effect)
 *   outcome  ~ treatment + covariates + (1 | cluster)              c = total effect
 * </pre>
 * The indirect effect is a·b. Its confidence interval is the percentile interval of a·b over
 * bootstrap samples that resample whole clusters with replacement — within each arm when the
 * treatment is constant within clusters, as in a cluster randomised trial, so every sample keeps the
 * trial's allocation — and give each drawn cluster a fresh identity so a cluster drawn twice counts
 * as two. The random numbers come from {@link SplittableRandom} with the given seed, so the interval
 * is the same on every run and machine.
 *
 * <p>The treatment must enter as one coefficient: a numeric column (normally 0/1) or a text column
 * with exactly two levels (the first in sorted order is the reference).
 */
public final class MediationAnalysis {

    private static final String BOOTSTRAP_CLUSTER = "__bootstrap_cluster";

    private final String treatment;
    private final String mediator;
    private final String outcome;
    private final List<String> covariates;
    private final String cluster;
    private final EstimationMethod method;
    private final int replicates;
    private final long seed;
    private final double confidence;

    private MediationAnalysis(String treatment, String mediator, String outcome, List<String> covariates,
            String cluster, EstimationMethod method, int replicates, long seed, double confidence) {
        this.treatment = Objects.requireNonNull(treatment, "treatment");
        this.mediator = Objects.requireNonNull(mediator, "mediator");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.covariates = List.copyOf(covariates);
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.method = Objects.requireNonNull(method, "method");
        if (replicates < 0) {
            throw new IllegalArgumentException("replicates must be ≥ 0: " + replicates);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        this.replicates = replicates;
        this.seed = seed;
        this.confidence = confidence;
    }

    /**
     * A mediation analysis with REML fits, 2000 bootstrap samples, seed 1 and a 95% interval.
     *
     * @param covariates adjustment columns in all three models, typically baseline measures
     */
    public static MediationAnalysis of(String treatment, String mediator, String outcome, List<String> covariates,
            String cluster) {
        return new MediationAnalysis(treatment, mediator, outcome, covariates, cluster, EstimationMethod.REML, 2000,
                1L, 0.95);
    }

    /** The same analysis with this many bootstrap samples (0 for none) and this seed. */
    public MediationAnalysis withBootstrap(int replicates, long seed) {
        return new MediationAnalysis(treatment, mediator, outcome, covariates, cluster, method, replicates, seed,
                confidence);
    }

    /** The same analysis with another confidence level for the interval. */
    public MediationAnalysis withConfidence(double confidence) {
        return new MediationAnalysis(treatment, mediator, outcome, covariates, cluster, method, replicates, seed,
                confidence);
    }

    /** The same analysis fitted by the given method. */
    public MediationAnalysis withMethod(EstimationMethod method) {
        return new MediationAnalysis(treatment, mediator, outcome, covariates, cluster, method, replicates, seed,
                confidence);
    }

    /**
     * Runs the three fits and the bootstrap.
     *
     * @throws InvalidDataException if a column is missing, the treatment is not a single coefficient,
     *     or a model cannot be fitted to the complete cases
     */
    public Result run(Dataset data) {
        if (data.hasColumn(BOOTSTRAP_CLUSTER)) {
            throw new InvalidDataException("the data already has a column named '" + BOOTSTRAP_CLUSTER + "'");
        }
        Dataset complete = completeCases(data);
        int dropped = data.rowCount() - complete.rowCount();
        String treatmentTerm = treatmentTerm(complete);
        Estimate full = estimate(complete, cluster, treatmentTerm, true);

        // Rows of each cluster, and clusters by arm when the treatment is a cluster-level variable.
        Map<String, List<Integer>> rowsByCluster = new TreeMap<>();
        for (int row = 0; row < complete.rowCount(); row++) {
            rowsByCluster.computeIfAbsent(complete.label(cluster, row), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<String>> strata = strata(complete, rowsByCluster);
        double[] indirect = new double[replicates];
        int succeeded = 0;
        int failed = 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (int replicate = 0; replicate < replicates; replicate++) {
            List<Integer> rows = new ArrayList<>();
            List<Double> ids = new ArrayList<>();
            int draw = 0;
            for (List<String> stratum : strata.values()) {
                for (int k = 0; k < stratum.size(); k++) {
                    String chosen = stratum.get(random.nextInt(stratum.size()));
                    for (int row : rowsByCluster.get(chosen)) {
                        rows.add(row);
                        ids.add((double) draw);
                    }
                    draw++;
                }
            }
            Dataset sample = complete.selectRows(rows.stream().mapToInt(Integer::intValue).toArray())
                    .withNumeric(BOOTSTRAP_CLUSTER, ids.stream().mapToDouble(Double::doubleValue).toArray());
            try {
                // The total-effect model is not needed for a·b, so each resample fits two models, not three.
                indirect[succeeded] = estimate(sample, BOOTSTRAP_CLUSTER, treatmentTerm, false).indirect();
                succeeded++;
            } catch (InvalidDataException e) {
                // A resample can be degenerate (e.g. a covariate constant in it); it is counted, not fatal.
                failed++;
            }
        }
        double[] sorted = Arrays.copyOf(indirect, succeeded);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        double low = succeeded == 0 ? Double.NaN : quantile(sorted, tail);
        double high = succeeded == 0 ? Double.NaN : quantile(sorted, 1 - tail);
        return new Result(full.a(), full.b(), full.direct(), full.total(), full.indirect(), low, high, confidence,
                succeeded, failed, seed, strata.size() > 1, complete.rowCount(), rowsByCluster.size(), dropped);
    }

    private record Estimate(FixedEffect a, FixedEffect b, FixedEffect direct, FixedEffect total) {
        double indirect() {
            return a.estimate() * b.estimate();
        }
    }

    private Estimate estimate(Dataset data, String clusterColumn, String treatmentTerm, boolean withTotal) {
        List<String> mediatorFixed = new ArrayList<>();
        mediatorFixed.add(treatment);
        mediatorFixed.addAll(covariates);
        List<String> outcomeFixed = new ArrayList<>();
        outcomeFixed.add(treatment);
        outcomeFixed.add(mediator);
        outcomeFixed.addAll(covariates);
        RandomInterceptFit mediatorFit = LinearMixedModel.randomIntercept(mediator, mediatorFixed, clusterColumn)
                .withMethod(method).fit(data);
        RandomInterceptFit outcomeFit = LinearMixedModel.randomIntercept(outcome, outcomeFixed, clusterColumn)
                .withMethod(method).fit(data);
        FixedEffect total = withTotal
                ? LinearMixedModel.randomIntercept(outcome, mediatorFixed, clusterColumn).withMethod(method).fit(data)
                        .fixedEffect(treatmentTerm)
                : null;
        return new Estimate(mediatorFit.fixedEffect(treatmentTerm), outcomeFit.fixedEffect(mediator),
                outcomeFit.fixedEffect(treatmentTerm), total);
    }

    private Dataset completeCases(Dataset data) {
        List<String> used = new ArrayList<>(List.of(treatment, mediator, outcome, cluster));
        used.addAll(covariates);
        List<Dataset.Column> columns = new ArrayList<>();
        for (String name : used) {
            columns.add(data.column(name));
        }
        if (!data.isNumeric(mediator)) {
            throw new InvalidDataException("mediator column '" + mediator + "' is not numeric");
        }
        int[] rows = new int[data.rowCount()];
        int count = 0;
        for (int row = 0; row < data.rowCount(); row++) {
            boolean complete = true;
            for (Dataset.Column column : columns) {
                complete &= !column.isMissing(row);
            }
            if (complete) {
                rows[count++] = row;
            }
        }
        return data.selectRows(Arrays.copyOf(rows, count));
    }

    private String treatmentTerm(Dataset complete) {
        if (complete.isNumeric(treatment)) {
            return treatment;
        }
        java.util.TreeSet<String> levels = new java.util.TreeSet<>();
        for (int row = 0; row < complete.rowCount(); row++) {
            levels.add(complete.label(treatment, row));
        }
        if (levels.size() != 2) {
            throw new InvalidDataException("treatment column '" + treatment + "' must have exactly two levels in the "
                    + "complete cases; it has " + levels.size());
        }
        return treatment + levels.last();
    }

    /** One stratum per treatment value when the treatment is constant within clusters, else one. */
    private Map<String, List<String>> strata(Dataset complete, Map<String, List<Integer>> rowsByCluster) {
        Map<String, List<String>> byArm = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> entry : rowsByCluster.entrySet()) {
            String arm = null;
            for (int row : entry.getValue()) {
                String value = complete.label(treatment, row);
                if (arm != null && !arm.equals(value)) {
                    Map<String, List<String>> single = new LinkedHashMap<>();
                    single.put("all", new ArrayList<>(rowsByCluster.keySet()));
                    return single;
                }
                arm = value;
            }
            byArm.computeIfAbsent(arm, k -> new ArrayList<>()).add(entry.getKey());
        }
        return byArm;
    }

    /** R's default (type 7) sample quantile: linear interpolation between order statistics. */
    static double quantile(double[] sorted, double probability) {
        double position = (sorted.length - 1) * probability;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * @param a treatment → mediator
     * @param b mediator → outcome, adjusted for treatment
     * @param direct c′, treatment → outcome adjusted for the mediator
     * @param total c, treatment → outcome without the mediator
     * @param indirect a·b
     * @param indirectLow lower percentile limit of a·b (NaN without bootstrap samples)
     * @param indirectHigh upper percentile limit of a·b
     * @param confidence the interval's confidence level
     * @param replicates bootstrap samples that were fitted
     * @param failedReplicates bootstrap samples that could not be fitted and were left out
     * @param seed the random seed
     * @param stratifiedByArm whether clusters were resampled within arms
     * @param n complete cases used
     * @param groups clusters among them
     * @param dropped rows dropped for a missing value in any of the variables
     */
    public record Result(FixedEffect a, FixedEffect b, FixedEffect direct, FixedEffect total, double indirect,
            double indirectLow, double indirectHigh, double confidence, int replicates, int failedReplicates, long seed,
            boolean stratifiedByArm, int n, int groups, int dropped) {
    }
}
