package org.refocus.measures.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ResponseOption;
import org.refocus.measures.instrument.ScoreSpec;
import org.refocus.people.People;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FHIR R4 views of the measures: each instrument version as a Questionnaire (with the wording in use
 * and its copyright line), each response as a QuestionnaireResponse, each score as an Observation
 * (the QPR total coded with SNOMED CT 1035441000000106). Same reach and audit rules as the pages.
 *
 * <p>Ids: Questionnaire {@code <code>.<version>} (for example {@code qpr-15.1}); QuestionnaireResponse the
 * response id; Observation {@code <response id>-<score key with '-' for '_'>} (for example {@code 12-total}).
 */
@Service
@Transactional
public class FhirResources {

    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String INSTRUMENT_URL_PREFIX = "urn:refocus:instrument:";
    static final String SCORE_SYSTEM = "urn:refocus:measure-score";
    static final String UNCONFIRMED = "Not confirmed from a published source: ";
    static final String MODE_SYSTEM = "urn:refocus:response-mode";
    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private final InstrumentLibrary library;
    private final MeasureResponses responses;
    private final Rescoring rescoring;
    private final People people;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    FhirResources(InstrumentLibrary library, MeasureResponses responses, Rescoring rescoring, People people,
            AuditTrail audit, JdbcClient jdbc) {
        this.library = library;
        this.responses = responses;
        this.rescoring = rescoring;
        this.people = people;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- Questionnaire

    @Transactional(readOnly = true)
    public Bundle questionnaires() {
        List<Resource> all = new ArrayList<>();
        library.all().forEach(v -> all.add(questionnaire(v, library.currentContent(v.id()))));
        return searchSet(all);
    }

    @Transactional(readOnly = true)
    public Questionnaire questionnaire(String fhirId) {
        int dot = fhirId.indexOf('.');
        if (dot < 1) {
            throw new NotFoundException("questionnaire");
        }
        InstrumentLibrary.StoredVersion version = library.find(fhirId.substring(0, dot), fhirId.substring(dot + 1))
                .orElseThrow(() -> new NotFoundException("questionnaire"));
        return questionnaire(version, library.currentContent(version.id()));
    }

    static String questionnaireId(InstrumentDefinition d) {
        return d.code() + "." + d.version();
    }

    Questionnaire questionnaire(InstrumentLibrary.StoredVersion version,
            Optional<InstrumentLibrary.StoredContent> stored) {
        InstrumentDefinition d = version.definition();
        Optional<InstrumentContent> wording = stored.map(InstrumentLibrary.StoredContent::content);
        Questionnaire q = new Questionnaire();
        q.setId(questionnaireId(d));
        q.setUrl(INSTRUMENT_URL_PREFIX + d.code());
        q.setVersion(d.version());
        q.setLanguage(InstrumentLibrary.LANGUAGE);
        q.setTitle(wording.map(InstrumentContent::title).filter(t -> t != null && !t.isBlank()).orElse(d.title()));
        q.setStatus(d.superseded() ? Enumerations.PublicationStatus.RETIRED : Enumerations.PublicationStatus.ACTIVE);
        q.setCopyright(wording.map(InstrumentContent::copyright).orElse(d.copyright()));
        wording.map(InstrumentContent::instructions).filter(t -> t != null && !t.isBlank()).ifPresent(q::setDescription);
        String licence = wording.map(InstrumentContent::licenceNote).filter(t -> !t.isBlank()).orElse(d.licenceNote());
        if (!licence.isBlank()) {
            q.setPurpose(licence);
        }
        q.addSubjectType("Patient");
        for (Item item : d.items()) {
            Questionnaire.QuestionnaireItemComponent qi = q.addItem();
            qi.setLinkId(item.key());
            qi.setPrefix(Integer.toString(item.number()));
            qi.setText(wording.flatMap(w -> w.itemText(item.key())).orElse(item.label()));
            qi.setType(Questionnaire.QuestionnaireItemType.CHOICE);
            qi.setRequired(false);
            for (ResponseOption option : item.responseSet().options()) {
                Coding coding = answerCoding(d, item, option.code(), wording);
                coding.addExtension(new Extension(ORDINAL_VALUE, new DecimalType(option.code())));
                qi.addAnswerOption().setValue(coding);
            }
            if (item.gate() != null) {
                Item gateItem = d.item(item.gate().itemKey()).orElseThrow();
                qi.addEnableWhen().setQuestion(item.gate().itemKey())
                        .setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL)
                        .setAnswer(answerCoding(d, gateItem, item.gate().includeWhen(), wording));
            }
        }
        return q;
    }

    private static Coding answerCoding(InstrumentDefinition d, Item item, int code, Optional<InstrumentContent> wording) {
        String label = wording.flatMap(w -> w.optionLabel(item, code)).orElseGet(() -> item.responseSet().options()
                .stream().filter(o -> o.code() == code).map(ResponseOption::label).findFirst().orElse(null));
        return new Coding(INSTRUMENT_URL_PREFIX + d.code() + ":" + item.responseSet().id(), Integer.toString(code), label);
    }

    // ---------------------------------------------------------------- QuestionnaireResponse

    public QuestionnaireResponse questionnaireResponse(String fhirId) {
        ResponseView r = responses.open(parseId(fhirId));
        return questionnaireResponse(r, subject(r.personId()));
    }

    /** One page of the person's responses, oldest first; only the responses on the page are read. */
    public Bundle questionnaireResponses(long personId, FhirPage page) {
        people.requireReach(personId);
        long total = jdbc.sql("select count(*) from measure_response where person_id = ?").param(personId)
                .query(Long.class).single();
        List<ResponseView> shown = jdbc.sql("select id from measure_response where person_id = ? order by id "
                        + "limit ? offset ?").params(personId, page.count(), page.offset())
                .query(Long.class).list().stream().map(responses::find).toList();
        audit.record(AuditAction.LISTED, "measure_response", null, personId, "fhir responses=" + shown.size()
                + " of " + total);
        Reference subject = subject(personId);
        return searchSet(total, shown.stream().map(r -> (Resource) questionnaireResponse(r, subject)).toList());
    }

    QuestionnaireResponse questionnaireResponse(ResponseView r, Reference subject) {
        InstrumentDefinition d = library.version(r.versionId()).definition();
        Optional<InstrumentContent> wording = (r.contentId() != null ? library.content(r.contentId())
                : Optional.<InstrumentLibrary.StoredContent>empty()).map(InstrumentLibrary.StoredContent::content);
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(Long.toString(r.id()));
        qr.setQuestionnaire(INSTRUMENT_URL_PREFIX + d.code() + "|" + d.version());
        qr.setStatus(r.enteredInError() ? QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR
                : r.completed() ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                : QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        qr.setSubject(subject.copy());
        qr.setAuthored(Date.from(r.completed() ? r.completedAt() : r.startedAt()));
        qr.getMeta().addTag(MODE_SYSTEM, r.mode(), null);
        if ("SELF".equals(r.mode())) {
            qr.setAuthor(new Reference("Patient/" + r.personId()));
            qr.setSource(new Reference("Patient/" + r.personId()));
        } else if (r.enteredBy() != null) {
            qr.setAuthor(new Reference("Practitioner/" + r.enteredBy()));
            qr.setSource(new Reference("Patient/" + r.personId()));
        }
        for (Item item : d.items()) {
            Integer answer = r.answers().get(item.key());
            // A rating of something the person said does not matter stays on the record (and its page), but an
            // item its Questionnaire's enableWhen disables may carry no answer in FHIR.
            if (answer == null || !item.appliesGiven(r.answers())) {
                continue;
            }
            QuestionnaireResponse.QuestionnaireResponseItemComponent ri = qr.addItem();
            ri.setLinkId(item.key());
            wording.flatMap(w -> w.itemText(item.key())).ifPresent(ri::setText);
            ri.addAnswer().setValue(answerCoding(d, item, answer, wording));
        }
        return qr;
    }

    /**
     * The person a resource is about: our Patient id, and (UK Core) their NHS number as the identifier a
     * receiving system matches on, when it is recorded. Reach was checked when the response was opened.
     */
    private Reference subject(long personId) {
        Reference subject = new Reference("Patient/" + personId);
        String nhsNumber = people.requireReach(personId).nhsNumber();
        if (nhsNumber != null) {
            subject.setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(nhsNumber));
        }
        return subject;
    }

    // ---------------------------------------------------------------- Observation

    /** One page of the Observations of the person's completed responses, oldest first. */
    public Bundle observations(long personId, FhirPage page) {
        List<ResponseView> completed = responses.completedOf(personId);
        Reference subject = subject(personId);
        // Each completed response gives one Observation per score it has stored; only the responses with
        // an Observation on this page are turned into resources.
        List<Resource> shown = new ArrayList<>();
        long index = 0;
        for (ResponseView r : completed) {
            long scores = scoredWith(r).scores().stream().filter(spec -> r.scores().get(spec.key()) != null).count();
            if (index < (long) page.offset() + page.count() && index + scores > page.offset()) {
                List<Observation> all = observations(r, subject);
                for (int i = 0; i < all.size(); i++) {
                    if (page.shows(index + i)) {
                        shown.add(all.get(i));
                    }
                }
            }
            index += scores;
        }
        audit.record(AuditAction.VIEWED, "measure_results", personId, personId, "fhir observations=" + shown.size()
                + " of " + index);
        return searchSet(index, shown);
    }

    private InstrumentDefinition scoredWith(ResponseView r) {
        return library.version(r.scoringVersionId() != null ? r.scoringVersionId() : r.versionId()).definition();
    }

    public Observation observation(String fhirId) {
        int dash = fhirId.indexOf('-');
        if (dash < 1) {
            throw new NotFoundException("observation");
        }
        ResponseView r = responses.open(parseId(fhirId.substring(0, dash)));
        return observations(r, subject(r.personId())).stream().filter(o -> o.getIdElement().getIdPart().equals(fhirId)).findFirst()
                .orElseThrow(() -> new NotFoundException("observation"));
    }

    List<Observation> observations(ResponseView r, Reference subject) {
        if (!r.completed()) {
            return List.of();
        }
        InstrumentDefinition scoredWith = scoredWith(r);
        boolean amended = !rescoring.history(r.id()).isEmpty();
        List<Observation> result = new ArrayList<>();
        for (ScoreSpec spec : scoredWith.scores()) {
            StoredScore score = r.scores().get(spec.key());
            if (score == null) {
                continue;
            }
            Observation o = new Observation();
            o.setId(r.id() + "-" + spec.key().replace('_', '-'));
            o.setStatus(r.enteredInError() ? Observation.ObservationStatus.ENTEREDINERROR
                    : amended ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
            o.addCategory(new CodeableConcept(new Coding(CATEGORY, "survey", "Survey")));
            CodeableConcept code = new CodeableConcept();
            for (ScoreSpec.Coding coding : spec.codings()) {
                code.addCoding(new Coding(coding.system(), coding.code(), coding.display()));
            }
            code.addCoding(new Coding(SCORE_SYSTEM, scoredWith.code() + "." + spec.key(), spec.label()));
            code.setText(spec.label());
            o.setCode(code);
            o.setSubject(subject.copy());
            o.setEffective(new DateTimeType(Date.from(r.completedAt())));
            o.setIssued(Date.from(r.completedAt()));
            o.addDerivedFrom(new Reference("QuestionnaireResponse/" + r.id()));
            if (score.present()) {
                o.setValue(new Quantity().setValue(score.value()).setUnit("score")
                        .setSystem("http://unitsofmeasure.org").setCode("{score}"));
            } else {
                String reason = "NO_ITEM_APPLIES".equals(score.absence()) ? "not-applicable"
                        : "NOT_IN_CONVERSION_TABLE".equals(score.absence()) ? "error" : "unknown";
                o.setDataAbsentReason(new CodeableConcept(new Coding(DATA_ABSENT, reason, null)).setText(score.reason()));
            }
            o.addReferenceRange().setLow(new Quantity().setValue(spec.minimum()).setUnit("score"))
                    .setHigh(new Quantity().setValue(spec.maximum()).setUnit("score"));
            if (score.prorated()) {
                o.addNote().setText("Prorated: " + score.itemsMissing() + " item(s) missing.");
            }
            // Hazard H-18: a receiving system is told what of the scoring could not be confirmed, as staff are.
            for (String doubt : scoredWith.unconfirmed()) {
                o.addNote().setText(UNCONFIRMED + doubt);
            }
            result.add(o);
        }
        return result;
    }

    private static Bundle searchSet(List<? extends Resource> resources) {
        return searchSet(resources.size(), resources);
    }

    private static Bundle searchSet(long total, List<? extends Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(Math.toIntExact(total));
        for (Resource resource : resources) {
            bundle.addEntry().setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("resource");
        }
    }
}
