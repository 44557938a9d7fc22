package org.refocus.statistics;

/** How the variance components are estimated. */
public enum EstimationMethod {
    /** Restricted maximum likelihood: lme4's default, unbiased for balanced designs. */
    REML,
    /** Maximum likelihood: needed to compare models that differ in their fixed effects. */
    ML
}
