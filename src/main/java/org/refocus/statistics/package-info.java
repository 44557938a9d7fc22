/**
 * The statistics engine of REFOCUS: linear mixed models with a random intercept and the quantities a
 * cluster randomised trial reports, in plain Java so that the trial module, a command line and tests
 * can all use it. Nothing here depends on Spring or a database; only Apache Commons Math is used, for
 * distribution functions and Brent's minimiser.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.refocus.statistics.Dataset} and {@link org.refocus.statistics.CsvReader} — data in;</li>
 *   <li>{@link org.refocus.statistics.LinearMixedModel} → {@link org.refocus.statistics.RandomInterceptFit} —
 *       the primary analysis, agreeing with lme4/lmerTest;</li>
 *   <li>{@link org.refocus.statistics.IntraclassCorrelation}, {@link org.refocus.statistics.DesignEffect},
 *       {@link org.refocus.statistics.ClusterTrialPower} — trial design quantities;</li>
 *   <li>{@link org.refocus.statistics.ParticipationAnalysis} and
 *       {@link org.refocus.statistics.MediationAnalysis} — the secondary analyses;</li>
 *   <li>{@link org.refocus.statistics.cli.AnalyseCommand} — {@code refocus analyse} on a CSV file.</li>
 * </ul>
 * Failures caused by the data or the specification are {@link org.refocus.statistics.InvalidDataException}s
 * with a one-line message meant for the person who supplied the data.
 */
package org.refocus.statistics;
