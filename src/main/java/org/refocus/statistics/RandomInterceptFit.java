package org.refocus.statistics;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A fitted {@link LinearMixedModel}: fixed effects with Satterthwaite inference, variance
 * components, intraclass correlation and likelihood, named and scaled as lme4 and lmerTest report
 * them. Immutable.
 */
public final class RandomInterceptFit {

    private final LinearMixedModel model;
    private final int observations;
    private final int groups;
    private final int dropped;
    private final List<FixedEffect> fixedEffects;
    private final double[] covariance;
    private final double groupVariance;
    private final double residualVariance;
    private final double theta;
    private final double criterion;

    RandomInterceptFit(LinearMixedModel model, int observations, int groups, int dropped,
            List<FixedEffect> fixedEffects, double[] covariance, double groupVariance, double residualVariance,
            double theta, double criterion) {
        this.model = model;
        this.observations = observations;
        this.groups = groups;
        this.dropped = dropped;
        this.fixedEffects = List.copyOf(fixedEffects);
        this.covariance = covariance.clone();
        this.groupVariance = groupVariance;
        this.residualVariance = residualVariance;
        this.theta = theta;
        this.criterion = criterion;
    }

    /** The model that was fitted. */
    public LinearMixedModel model() {
        return model;
    }

    /** REML or ML. */
    public EstimationMethod method() {
        return model.method();
    }

    /** The number of rows used (complete cases). */
    public int n() {
        return observations;
    }

    /** The number of clusters among the rows used. */
    public int groups() {
        return groups;
    }

    /** The number of rows dropped for a missing outcome, fixed-effect value or cluster. */
    public int dropped() {
        return dropped;
    }

    /** The coefficients in design order: the intercept first, then each column's terms. */
    public List<FixedEffect> fixedEffects() {
        return fixedEffects;
    }

    /**
     * The coefficient with this R-style name.
     *
     * @throws NoSuchElementException if there is none
     */
    public FixedEffect fixedEffect(String term) {
        return fixedEffects.stream().filter(effect -> effect.term().equals(term)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no fixed-effect term '" + term + "'; terms are "
                        + fixedEffects.stream().map(FixedEffect::term).toList()));
    }

    /** The covariance matrix of the fixed effects (lme4's {@code vcov}), in design order. */
    public double[][] fixedEffectCovariance() {
        int p = fixedEffects.size();
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(covariance, i * p, out[i], 0, p);
        }
        return out;
    }

    /** The variance of the random intercept σ_b² (0 on the boundary). */
    public double groupVariance() {
        return groupVariance;
    }

    /** The residual variance σ². */
    public double residualVariance() {
        return residualVariance;
    }

    /** The intraclass correlation σ_b² / (σ_b² + σ²), from the fitted variance components. */
    public double icc() {
        return groupVariance / (groupVariance + residualVariance);
    }

    /** θ = σ_b / σ, the parameter lme4 optimises. */
    public double theta() {
        return theta;
    }

    /** Whether the group variance was estimated at exactly zero (lme4's "singular fit"). */
    public boolean isSingular() {
        return theta == 0;
    }

    /** The maximised log-likelihood: the restricted one for REML fits, as lme4's {@code logLik}. */
    public double logLikelihood() {
        return -criterion / 2;
    }

    /**
     * The REML criterion for a REML fit or the deviance for an ML fit: −2 × {@link #logLikelihood()},
     * as lme4 prints them.
     */
    public double criterion() {
        return criterion;
    }

    @Override
    public String toString() {
        return "RandomInterceptFit[" + model + ", n=" + observations + ", groups=" + groups + ", fixed="
                + fixedEffects + ", groupVariance=" + groupVariance + ", residualVariance=" + residualVariance
                + ", logLik=" + logLikelihood() + "]";
    }
}
