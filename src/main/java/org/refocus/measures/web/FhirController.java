package org.refocus.measures.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.refocus.measures.internal.FhirResources;
import org.refocus.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Read-only FHIR R4 (JSON, {@code application/fhir+json}): Questionnaire, QuestionnaireResponse and
 * Observation, searched by {@code subject=Patient/<person id>}. The same reach and audit rules as the
 * pages apply; a person out of reach is reported exactly like one that does not exist.
 */
@RestController
@RequestMapping("/fhir")
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final FhirResources resources;
    private final ObjectProvider<FhirContext> fhir;

    FhirController(FhirResources resources, ObjectProvider<FhirContext> fhir) {
        this.resources = resources;
        this.fhir = fhir;
    }

    @GetMapping("/Questionnaire")
    ResponseEntity<String> questionnaires(HttpServletRequest request) {
        return ok(searched(resources.questionnaires(), request));
    }

    @GetMapping("/Questionnaire/{id}")
    ResponseEntity<String> questionnaire(@PathVariable String id) {
        return ok(resources.questionnaire(id));
    }

    @GetMapping("/QuestionnaireResponse")
    ResponseEntity<String> questionnaireResponses(@RequestParam(required = false) String subject,
            HttpServletRequest request) {
        return ok(searched(resources.questionnaireResponses(patient(subject)), request));
    }

    @GetMapping("/QuestionnaireResponse/{id}")
    ResponseEntity<String> questionnaireResponse(@PathVariable String id) {
        return ok(resources.questionnaireResponse(id));
    }

    @GetMapping("/Observation")
    ResponseEntity<String> observations(@RequestParam(required = false) String subject,
            HttpServletRequest request) {
        return ok(searched(resources.observations(patient(subject)), request));
    }

    @GetMapping("/Observation/{id}")
    ResponseEntity<String> observation(@PathVariable String id) {
        return ok(resources.observation(id));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound() {
        return outcome(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND, "Not found");
    }

    @ExceptionHandler(BadSearchException.class)
    ResponseEntity<String> badSearch(BadSearchException e) {
        return outcome(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.INVALID, e.getMessage());
    }

    private static long patient(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new BadSearchException("Search by subject, for example subject=Patient/123.");
        }
        String id = subject.startsWith("Patient/") ? subject.substring("Patient/".length()) : subject;
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BadSearchException("subject must be Patient/<id> with a numeric id.");
        }
    }

    /** A search's self link (what was searched) and each entry's absolute fullUrl on this server. */
    private static Bundle searched(Bundle bundle, HttpServletRequest request) {
        bundle.addLink().setRelation("self").setUrl(ServletUriComponentsBuilder.fromRequest(request).toUriString());
        String base = ServletUriComponentsBuilder.fromContextPath(request).path("/fhir/").toUriString();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            entry.setFullUrl(base + entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart());
        }
        return bundle;
    }

    private ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.getObject().newJsonParser().encodeResourceToString(resource));
    }

    private ResponseEntity<String> outcome(HttpStatus status, OperationOutcome.IssueType type, String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
        return ResponseEntity.status(status).contentType(FHIR_JSON)
                .body(fhir.getObject().newJsonParser().encodeResourceToString(outcome));
    }

    /** A search without a usable subject; the message holds no personal data. */
    static class BadSearchException extends RuntimeException {
        BadSearchException(String message) {
            super(message);
        }
    }
}
