/**
 * Outcome-measure instruments as data, and their exact scoring.
 *
 * <p>Pure Java: no Spring, no database. An instrument's <em>structure and scoring</em> live in a
 * definition file ({@code instruments/definitions/<code>.json}) loaded by {@link
 * org.refocus.measures.instrument.InstrumentCatalogue}; its <em>wording</em> is content with an owner,
 * loaded from a content file ({@link org.refocus.measures.instrument.InstrumentContentParser}) or a FHIR
 * R4 Questionnaire ({@link org.refocus.measures.instrument.FhirQuestionnaireParser}) that the deploying
 * organisation supplies under its own licence.
 *
 * <p>Entry points for the service layer: {@link org.refocus.measures.instrument.InstrumentCatalogue#loadDefault()},
 * {@link org.refocus.measures.instrument.Scoring#score(InstrumentDefinition, java.util.Map)} and the two
 * content parsers.
 */
package org.refocus.measures.instrument;
