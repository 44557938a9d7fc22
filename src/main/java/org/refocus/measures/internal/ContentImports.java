package org.refocus.measures.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
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
 * is checked against its definition first; the file is stored only when all of it fits.
 */
@Service
public class ContentImports {

    private final InstrumentLibrary library;
    private final AuditTrail audit;

    ContentImports(InstrumentLibrary library, AuditTrail audit) {
        this.library = library;
        this.audit = audit;
    }

    /** What happened: problems (nothing stored), or the wording stored, each with its content id. */
    public record Result(List<String> problems, List<Stored> stored) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public record Stored(long contentId, long versionId, InstrumentContent content) {
    }

    /**
     * @param fhirInstrumentCode which instrument a FHIR Questionnaire holds the wording of (FHIR has no
     *                           element for our code); may be null when the Questionnaire's url is ours
     */
    @Transactional
    public Result importFile(byte[] bytes, String fileName, String fhirInstrumentCode) {
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
        List<Stored> stored = new ArrayList<>();
        for (InstrumentContent content : contents) {
            InstrumentContent normalised = new InstrumentContent(content.instrumentCode(), content.version(),
                    InstrumentLibrary.LANGUAGE, content.title(), content.instructions(), content.copyright(),
                    content.licenceNote(), content.demo(), content.itemTexts(), content.optionLabels(),
                    content.itemOptionLabels(), origin);
            long versionId = library.find(content.instrumentCode(), content.version()).orElseThrow().id();
            long id = library.storeContent(normalised, fhir ? "FHIR_QUESTIONNAIRE" : "REFOCUS_JSON", origin);
            audit.record(AuditAction.CREATED, "instrument_content", id, null,
                    content.instrumentCode() + " v" + content.version() + (fhir ? " from FHIR Questionnaire" : ""));
            stored.add(new Stored(id, versionId, normalised));
        }
        return new Result(List.of(), stored);
    }

    /** Our own Questionnaires carry {@code urn:refocus:instrument:<code>} as their url. */
    static String codeFromUrl(String url) {
        return url.startsWith(FhirResources.INSTRUMENT_URL_PREFIX)
                ? url.substring(FhirResources.INSTRUMENT_URL_PREFIX.length()) : null;
    }
}
