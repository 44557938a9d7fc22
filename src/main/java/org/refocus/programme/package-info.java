/**
 * Recovery-promoting relationships: the team programme, sessions and attendance, the team's shared
 * understanding of recovery, staff values, the Partnership Project, raising expectations, and team
 * participation along the REFOCUS model. Working-practice and outcome figures come in through
 * {@link org.refocus.programme.WorkingPracticeRecords} and {@link org.refocus.programme.OutcomeRecords},
 * implemented by the modules that own those records.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "organisation", "people", "demo"})
package org.refocus.programme;
