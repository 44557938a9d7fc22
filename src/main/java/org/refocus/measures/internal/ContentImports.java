package org.refocus.measures.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.measures.instrument.FhirQuestionnaireParser;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentContentParser;
import org.refocus.measures.instrument.InvalidInstrumentException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An administrator imports the wording of instruments under the organisation's own licence: a REFOCUS
 * content file (one instrument or a bundle) or a FHIR R4 Questionnaire. Every instrument in the file
 * is checked against its definition first; only when all of it fits is it kept, and then only as
 * {@link PendingContentImports pending wording}, which nobody is asked until the administrator has seen a
 * preview of it and made it live (hazard H-09).
 */
@Service
public class ContentImports {

    private final InstrumentLibrary library;
    private final PendingContentImports pending;

    ContentImports(InstrumentLibrary library, PendingContentImports pending) {
        this.library = library;
        this.pending = pending;
    }

    /**
     * What happened: problems (nothing kept), or the ids of the {@link PendingContentImports pending wording}
     * kept for a preview, one per instrument version in the file, in the file's order.
     */
    public record Result(List<String> problems, List<Long> waiting) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param fhirInstrumentCode which instrument a FHIR Questionnaire holds the wording of (FHIR has no
     *                           element for our code); may be null when the Questionnaire's url is ours
     */
    @Transactional
    public Result upload(byte[] bytes, String fileName, String fhirInstrumentCode) {
        if (CurrentUser.required().role() != Role.ADMIN) {
            throw new AccessDeniedException("administrators only");
        }
        String origin = fileName == null || fileName.isBlank() ? "upload" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        JsonNode root;
        try {
            root = ContentJson.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            return new Result(List.of("The file is not JSON. Choose a REFOCUS content file or a FHIR Questionnaire "
                    + "saved as JSON."), List.of());
        }
        boolean fhir = root != null && root.isObject() && "Questionnaire".equals(root.path("resourceType").asString(""));
        List<InstrumentContent> contents;
        try {
            if (fhir) {
                String code = Optional.ofNullable(fhirInstrumentCode).filter(c -> !c.isBlank())
                        .orElseGet(() -> codeFromUrl(root.path("url").asString("")));
                if (code == null) {
                    return new Result(List.of("Choose which instrument this FHIR Questionnaire holds the wording of."),
                            List.of());
                }
                contents = List.of(FhirQuestionnaireParser.parse(new ByteArrayInputStream(bytes), origin, code));
            } else {
                contents = InstrumentContentParser.parse(new ByteArrayInputStream(bytes), origin);
            }
        } catch (InvalidInstrumentException e) {
            return new Result(e.problems(), List.of());
        }
        List<String> problems = new ArrayList<>();
        for (InstrumentContent content : contents) {
            var version = library.find(content.instrumentCode(), content.version());
            if (version.isEmpty()) {
                problems.add(content.instrumentCode() + " version " + content.version()
                        + ": there is no such instrument version in this installation");
                continue;
            }
            if (!content.language().equalsIgnoreCase(InstrumentLibrary.LANGUAGE)
                    && !content.language().equalsIgnoreCase("en")) {
                problems.add(content.instrumentCode() + ": language " + content.language()
                        + " is not supported yet (en-GB only)");
            }
            content.problemsAgainst(version.get().definition())
                    .forEach(p -> problems.add(version.get().definition().reference() + ": " + p));
        }
        if (!problems.isEmpty()) {
            return new Result(problems, List.of());
        }
        List<InstrumentContent> normalised = contents.stream().map(content -> new InstrumentContent(
                content.instrumentCode(), content.version(), InstrumentLibrary.LANGUAGE, content.title(),
                content.instructions(), content.copyright(), content.licenceNote(), content.demo(),
                content.itemTexts(), content.optionLabels(), content.itemOptionLabels(), origin)).toList();
        return new Result(List.of(), pending.store(normalised, origin, ImportedFiles.sha256(bytes),
                fhir ? "FHIR_QUESTIONNAIRE" : "REFOCUS_JSON"));
    }

    /** Our own Questionnaires carry {@code urn:refocus:instrument:<code>} as their url. */
    static String codeFromUrl(String url) {
        return url.startsWith(FhirResources.INSTRUMENT_URL_PREFIX)
                ? url.substring(FhirResources.INSTRUMENT_URL_PREFIX.length()) : null;
    }
}
