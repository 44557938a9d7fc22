/**
 * Working practices with each person on a caseload (REFOCUS component 2): values and treatment
 * preferences, strengths assessments, recovery goals with coaching conversations, action steps and
 * Goal Attainment Scaling reviews, and contacts that record which practices they used; brought
 * together as the person's recovery plan, which the person sees and writes in their own words.
 *
 * <p>Every read and change checks reach through {@link org.refocus.people.People#requireReach(long)}
 * and is audited in the same transaction. Every version of every item is kept (the history pages);
 * the person may change only what is in their own voice. Provides
 * {@link org.refocus.programme.WorkingPracticeRecords} to the programme module, and demo plans
 * through {@link org.refocus.demo.DemoContent}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "organisation", "people", "demo", "programme", "measures"})
package org.refocus.recovery;
