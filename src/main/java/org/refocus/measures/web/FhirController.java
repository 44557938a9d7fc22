package org.refocus.measures.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.refocus.measures.internal.FhirPage;
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
 * Observation, searched by {@code subject=Patient/<person id>} a page at a time. The same reach and audit rules as the
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
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset, HttpServletRequest request) {
        FhirPage page = page(count, offset);
        return ok(paged(resources.questionnaireResponses(patient(subject), page), page, request));
    }

    @GetMapping("/QuestionnaireResponse/{id}")
    ResponseEntity<String> questionnaireResponse(@PathVariable String id) {
        return ok(resources.questionnaireResponse(id));
    }

    @GetMapping("/Observation")
    ResponseEntity<String> observations(@RequestParam(required = false) String subject,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset, HttpServletRequest request) {
        FhirPage page = page(count, offset);
        return ok(paged(resources.observations(patient(subject), page), page, request));
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

    /**
     * Searches answer a page at a time: {@code _count} results (default {@value FhirPage#DEFAULT_COUNT}, at
     * most {@value FhirPage#MAXIMUM_COUNT}) after skipping {@code _offset}. Clients follow the Bundle's
     * {@code next} link rather than building these.
     */
    private static FhirPage page(String count, String offset) {
        int c = count == null || count.isBlank() ? FhirPage.DEFAULT_COUNT : whole(count, "_count");
        int o = offset == null || offset.isBlank() ? 0 : whole(offset, "_offset");
        if (c < 1 || c > FhirPage.MAXIMUM_COUNT) {
            throw new BadSearchException("_count must be a whole number from 1 to " + FhirPage.MAXIMUM_COUNT + ".");
        }
        if (o < 0) {
            throw new BadSearchException("_offset must be 0 or more.");
        }
        return new FhirPage(o, c);
    }

    private static int whole(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadSearchException(name + " must be a whole number.");
        }
    }

    /** As {@link #searched}, with links to the first, previous and next pages. */
    private static Bundle paged(Bundle bundle, FhirPage page, HttpServletRequest request) {
        searched(bundle, request);
        int total = bundle.getTotal();
        bundle.addLink().setRelation("first").setUrl(pageUrl(request, 0, page.count()));
        if (page.offset() > 0) {
            bundle.addLink().setRelation("previous")
                    .setUrl(pageUrl(request, Math.max(0, page.offset() - page.count()), page.count()));
        }
        if ((long) page.offset() + page.count() < total) {
            bundle.addLink().setRelation("next").setUrl(pageUrl(request, page.offset() + page.count(), page.count()));
        }
        return bundle;
    }

    private static String pageUrl(HttpServletRequest request, int offset, int count) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("_offset", offset)
                .replaceQueryParam("_count", count).toUriString();
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
