package org.refocus.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The participation analysis: within the intervention arm, do teams whose staff took part more
 * ("high participation") have better outcomes than the other intervention teams? Fits
 * {@code outcome ~ participation_high + covariates + (1 | cluster)} to the intervention arm's rows,
 * where {@code participation_high} is 1 for the listed high-participation teams and 0 for every other
 * intervention team. Which teams count as high participation (e.g. a threshold on training
 * attendance) is the trial's decision and is passed in.
 *
 * <p>Being a comparison between non-randomised groups of teams, its estimate is observational.
 */
public final class ParticipationAnalysis {

    /** The name of the indicator term in the fit. */
    public static final String TERM = "participation_high";

    private final String outcome;
    private final List<String> covariates;
    private final String cluster;
    private final String armColumn;
    private final String interventionArm;
    private final Set<String> highParticipationTeams;
    private final EstimationMethod method;

    private ParticipationAnalysis(String outcome, List<String> covariates, String cluster, String armColumn,
            String interventionArm, Set<String> highParticipationTeams, EstimationMethod method) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.covariates = List.copyOf(covariates);
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.armColumn = Objects.requireNonNull(armColumn, "armColumn");
        this.interventionArm = Objects.requireNonNull(interventionArm, "interventionArm");
        this.highParticipationTeams = Set.copyOf(highParticipationTeams);
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * @param covariates adjustment columns, typically the baseline outcome
     * @param armColumn the column holding the randomised arm
     * @param interventionArm the arm's value for the intervention, as {@link Dataset#label} writes it
     *     ({@code "intervention"}, or {@code "1"} for a 0/1 numeric arm)
     * @param highParticipationTeams the cluster labels of the high-participation teams
     */
    public static ParticipationAnalysis of(String outcome, List<String> covariates, String cluster, String armColumn,
            String interventionArm, Set<String> highParticipationTeams) {
        return new ParticipationAnalysis(outcome, covariates, cluster, armColumn, interventionArm,
                highParticipationTeams, EstimationMethod.REML);
    }

    /** The same analysis fitted by the given method (REML by default). */
    public ParticipationAnalysis withMethod(EstimationMethod method) {
        return new ParticipationAnalysis(outcome, covariates, cluster, armColumn, interventionArm,
                highParticipationTeams, method);
    }

    /**
     * Runs the analysis on the whole trial's data (the control arm's rows are set aside here).
     *
     * @throws InvalidDataException if a listed team has no intervention-arm rows, if there is not at
     *     least one high and one other intervention team, or if the model cannot be fitted
     */
    public Result run(Dataset data) {
        if (data.hasColumn(TERM)) {
            throw new InvalidDataException("the data already has a column named '" + TERM + "'");
        }
        data.column(armColumn);
        data.column(cluster);
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < data.rowCount(); row++) {
            if (interventionArm.equals(data.label(armColumn, row)) && data.label(cluster, row) != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidDataException("no rows with " + armColumn + " = '" + interventionArm + "'");
        }
        Dataset arm = data.selectRows(rows.stream().mapToInt(Integer::intValue).toArray());
        TreeSet<String> high = new TreeSet<>();
        TreeSet<String> low = new TreeSet<>();
        double[] indicator = new double[arm.rowCount()];
        for (int row = 0; row < arm.rowCount(); row++) {
            String team = arm.label(cluster, row);
            boolean isHigh = highParticipationTeams.contains(team);
            indicator[row] = isHigh ? 1 : 0;
            (isHigh ? high : low).add(team);
        }
        for (String team : new TreeSet<>(highParticipationTeams)) {
            if (!high.contains(team)) {
                throw new InvalidDataException("high-participation team '" + team + "' has no rows in the "
                        + "intervention arm");
            }
        }
        if (high.isEmpty() || low.isEmpty()) {
            throw new InvalidDataException("the intervention arm needs both high- and low-participation teams ("
                    + high.size() + " high, " + low.size() + " low)");
        }
        List<String> fixed = new ArrayList<>();
        fixed.add(TERM);
        fixed.addAll(covariates);
        RandomInterceptFit fit = LinearMixedModel.randomIntercept(outcome, fixed, cluster).withMethod(method)
                .fit(arm.withNumeric(TERM, indicator));
        return new Result(fit, fit.fixedEffect(TERM), List.copyOf(high), List.copyOf(low));
    }

    /**
     * @param fit the model fitted to the intervention arm
     * @param highVersusLow the adjusted difference, high minus low participation teams
     * @param highTeams the high-participation teams found in the intervention arm
     * @param lowTeams the other intervention teams
     */
    public record Result(RandomInterceptFit fit, FixedEffect highVersusLow, List<String> highTeams,
            List<String> lowTeams) {
    }
}
