/**
 * Outcome measures: instrument versions stored as loaded, their licensed wording, schedules, responses
 * completed by the person or given by staff or imported, exact scores with their history, results for
 * care (charts, change since baseline, INSPIRE support gaps), team aggregates and FHIR R4 output.
 *
 * <p>{@link org.refocus.measures.Measures} is the door for other modules. The pure instrument core
 * ({@code instrument}) stays inside this module. {@link org.refocus.programme.OutcomeRecords} is
 * implemented here for the programme's REFOCUS model view.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "organisation", "people", "demo", "programme"})
package org.refocus.measures;
