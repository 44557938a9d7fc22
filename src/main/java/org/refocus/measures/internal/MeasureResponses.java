package org.refocus.measures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.Scoring;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses given in a session (staff-administered) or completed by the person from their own account,
 * saved part-way and completed. A completed response is never edited: its answers are the record of
 * what the person said; its scores change only through {@link Rescoring}, which keeps the old ones.
 */
@Service
@Transactional
public class MeasureResponses {

    static final ZoneId UK = ZoneId.of("Europe/London");
    /** Reading, merging and writing a page again when another write lands in between, at most this often. */
    private static final int WRITE_ATTEMPTS = 3;

    private static final String SELECT = """
            select id, person_id, team_id, instrument_code, instrument_version_id, scoring_version_id, content_id,
                   schedule_id, mode, status, answers::text as answers, score_values::text as score_values,
                   score_absences::text as score_absences, complete, started_at,
                   completed_at, entered_by, import_job_id, version, entered_in_error_at, entered_in_error_reason
            from measure_response""";

    private final JdbcClient jdbc;
    private final InstrumentLibrary library;
    private final People people;
    private final AuditTrail audit;
    private final MeasureSchedules schedules;
    private final Clock clock;
    private final org.springframework.jdbc.core.RowMapper<ResponseView> rows = this::row;

    MeasureResponses(JdbcClient jdbc, InstrumentLibrary library, People people, AuditTrail audit,
            MeasureSchedules schedules, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.library = library;
        this.people = people;
        this.audit = audit;
        this.schedules = schedules;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The wording for an instrument is missing: nobody can be given it until an administrator imports it. */
    public static class WordingMissingException extends RuntimeException {
        public WordingMissingException(String code) {
            super("no wording imported for " + code);
        }
    }

    /** An answer that is not one of the item's response codes, or for an item the instrument does not have. */
    public static class InvalidAnswerException extends RuntimeException {
        private final String itemKey;

        public InvalidAnswerException(String itemKey) {
            super("invalid answer for " + itemKey);
            this.itemKey = itemKey;
        }

        public String itemKey() {
            return itemKey;
        }
    }

    /**
     * Starts (or, when one is already under way in the same mode, continues) a response to the current
     * version of an instrument. A service user completes it themselves; staff give it in a session.
     * It counts towards the given schedule, or the person's due schedule for this instrument.
     *
     * @param personAgrees staff say they have talked with the person and the person agrees to answer it
     *                     now; needed only from staff while the person has paused questionnaires (H-13),
     *                     and then audited. The person starting their own never needs it.
     * @return the response id
     * @throws MeasureSchedules.PausedException from staff while the person has paused and staff have not said so
     */
    public long start(long personId, String instrumentCode, Long scheduleId, boolean personAgrees) {
        PersonSummary person = people.requireReach(personId);
        CurrentUser user = CurrentUser.required();
        String mode = user.role() == Role.SERVICE_USER ? "SELF" : "STAFF_ADMINISTERED";
        InstrumentLibrary.StoredVersion version = library.current(instrumentCode);
        var content = library.currentContent(version.id()).orElseThrow(() -> new WordingMissingException(instrumentCode));
        boolean paused = schedules.requireAgreementWhilePaused(personId, personAgrees);
        Optional<Long> underWay = jdbc.sql("""
                select id from measure_response where person_id = ? and instrument_code = ? and mode = ?
                and status = 'IN_PROGRESS' order by id desc limit 1""")
                .params(personId, instrumentCode, mode).query(Long.class).optional();
        if (underWay.isPresent()) {
            if (paused) {
                schedules.recordAgreementWhilePaused(personId, "measure_response", underWay.get(), instrumentCode);
            }
            return underWay.get();
        }
        Long schedule = scheduleId != null
                ? schedules.activeScheduleOf(personId, scheduleId, instrumentCode).orElse(null)
                : schedules.dueScheduleFor(personId, instrumentCode).orElse(null);
        Long actor = user.accountId();
        long id = jdbc.sql("""
                insert into measure_response (person_id, team_id, instrument_code, instrument_version_id, content_id,
                    schedule_id, mode, status, answers, entered_by, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', cast(? as smallint[]), ?, ?, ?) returning id""")
                .params(personId, person.teamId(), instrumentCode, version.id(), content.id(), schedule, mode,
                        ResponseCodec.answers(version.definition(), Map.of()), actor, actor, actor)
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, "measure_response", id, personId, instrumentCode + " " + mode);
        if (paused) {
            schedules.recordAgreementWhilePaused(personId, "measure_response", id, instrumentCode);
        }
        return id;
    }

    /** A response the signed-in user may see (reach is checked); the read is audited. */
    public ResponseView open(long responseId) {
        ResponseView response = find(responseId);
        audit.record(AuditAction.VIEWED, "measure_response", responseId, response.personId(), null);
        return response;
    }

    /** Whether the signed-in user may answer this response: the person their own, staff those given in a session. */
    public boolean mayAnswer(ResponseView response) {
        if (response.completed()) {
            return false;
        }
        CurrentUser user = CurrentUser.required();
        return switch (response.mode()) {
            case "SELF" -> user.role() == Role.SERVICE_USER && Long.valueOf(response.personId()).equals(user.personId());
            case "STAFF_ADMINISTERED" -> user.role().isTeamStaff();
            default -> false;
        };
    }

    /**
     * Saves some answers of a response under way, keeping the others, if it is still at {@code version}
     * (a page from the questions page is saved with {@link #savePage}, which merges instead).
     * A null answer clears it (the question is skipped). Answers are checked against the version's items.
     *
     * @return the response's new version
     * @throws InvalidAnswerException naming the first item whose answer is not valid
     * @throws ConflictException when someone else saved in between
     */
    public int saveAnswers(long responseId, Map<String, Integer> answers, int version) {
        ResponseView response = find(responseId);
        requireAnswerable(response);
        InstrumentDefinition definition = library.version(response.versionId()).definition();
        Map<String, Integer> merged = new LinkedHashMap<>(response.answers());
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            Item item = definition.item(answer.getKey()).orElseThrow(() -> new InvalidAnswerException(answer.getKey()));
            if (answer.getValue() == null) {
                merged.remove(item.key());
            } else if (!item.responseSet().accepts(answer.getValue())) {
                throw new InvalidAnswerException(item.key());
            } else {
                merged.put(item.key(), answer.getValue());
            }
        }
        int rows = jdbc.sql("""
                update measure_response set answers = cast(? as smallint[]), updated_at = now(), updated_by = ?,
                       version = version + 1
                where id = ? and version = ? and status = 'IN_PROGRESS'""")
                .params(ResponseCodec.answers(definition, merged), AuthenticatedActor.currentAccountId(), responseId, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("measure_response");
        }
        audit.record(AuditAction.CHANGED, "measure_response", responseId, response.personId(),
                "answers saved: " + answers.size());
        return version + 1;
    }

    /**
     * Saves a page of answers from the questions page, merging it question by question with answers
     * saved since the page was opened (another tab, a double submit, someone else: H-06), see
     * {@link AnsweredPage#mergeOnto}. The write itself is still guarded by the response's version: when
     * another write lands between reading and writing, the page is merged again onto it, a few times at
     * most. Questions changed here and elsewhere to different answers are not saved and are returned, with
     * what is stored now, for the person to choose (their read is audited); the page's other answers are.
     *
     * @param complete also complete the response, in the same transaction, when the whole page was saved
     * @throws InvalidAnswerException naming the first item whose answer is not valid
     * @throws ConflictException when other writes kept landing in between
     */
    public PageSave savePage(long responseId, AnsweredPage page, boolean complete) {
        for (int attempt = 1; ; attempt++) {
            ResponseView response = find(responseId);
            if (response.completed()) {
                return new PageSave(PageSave.Outcome.COMPLETED_MEANWHILE, response, Map.of());
            }
            requireAnswerable(response);
            AnsweredPage.Merge merge = response.version() == page.shownVersion() ? page.unmerged()
                    : page.mergeOnto(response.answers());
            try {
                int version = merge.toSave().isEmpty() ? response.version()
                        : saveAnswers(responseId, merge.toSave(), response.version());
                if (!merge.conflicts().isEmpty()) {
                    ResponseView now = version == response.version() ? response : find(responseId);
                    audit.record(AuditAction.VIEWED, "measure_response", responseId, response.personId(),
                            "answers changed elsewhere: " + merge.conflicts().size());
                    return new PageSave(PageSave.Outcome.CHANGED_ELSEWHERE, now, merge.conflicts());
                }
                if (complete) {
                    complete(responseId, version);
                }
                return new PageSave(PageSave.Outcome.SAVED, find(responseId), Map.of());
            } catch (ConflictException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Completes a response: scores it with its version's rules (or, once an administrator re-scored that
     * version's responses with a corrected version, with the same rules as those), stores the scores and
     * moves its schedule on.
     */
    public ScoreResult complete(long responseId, int version) {
        ResponseView response = find(responseId);
        requireAnswerable(response);
        PersonSummary person = people.requireReach(response.personId());
        InstrumentDefinition definition = library.version(response.versionId()).definition();
        InstrumentLibrary.StoredVersion scoring = library.scoringVersionToScoreWith(response.versionId());
        ScoreResult result = Scoring.score(scoring.definition(), response.answers());
        Instant now = clock.instant();
        int rows = jdbc.sql("""
                update measure_response set status = 'COMPLETED', score_values = cast(? as numeric[]),
                       score_absences = cast(? as text[]), complete = ?, scoring_version_id = ?,
                       completed_at = ?, team_id = ?, updated_at = now(), updated_by = ?, version = version + 1
                where id = ? and version = ? and status = 'IN_PROGRESS'""")
                .params(ResponseCodec.values(result), ResponseCodec.absences(result), result.complete(), scoring.id(),
                        Timestamp.from(now), person.teamId(), AuthenticatedActor.currentAccountId(), responseId, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("measure_response");
        }
        if (response.scheduleId() != null) {
            schedules.advance(response.scheduleId(), LocalDate.ofInstant(now, UK));
        }
        audit.record(AuditAction.CHANGED, "measure_response", responseId, response.personId(),
                "completed " + definition.reference() + (result.complete() ? "" : " with questions skipped")
                        + (scoring.id() == response.versionId() ? "" : ", scored with " + scoring.definition().reference()
                                + " as its version's responses were re-scored"));
        return result;
    }

    /** Completed responses of one person, oldest first. Reach is checked; the caller audits its own read. */
    @Transactional(readOnly = true)
    public List<ResponseView> completedOf(long personId) {
        people.requireReach(personId);
        return jdbc.sql(SELECT + " where person_id = ? and status = 'COMPLETED' order by completed_at, id")
                .param(personId).query(rows).list();
    }

    /** Responses under way for one person, newest first. */
    @Transactional(readOnly = true)
    public List<ResponseView> inProgressOf(long personId) {
        people.requireReach(personId);
        return jdbc.sql(SELECT + " where person_id = ? and status = 'IN_PROGRESS' order by id desc")
                .param(personId).query(rows).list();
    }

    /** A response, after checking that the signed-in user reaches its person; not found otherwise. */
    @Transactional(readOnly = true)
    public ResponseView find(long responseId) {
        ResponseView response = jdbc.sql(SELECT + " where id = ?").param(responseId).query(rows)
                .optional().orElseThrow(() -> new NotFoundException("measure_response"));
        people.requireReach(response.personId());
        return response;
    }

    /**
     * The person's pause, when staff must first say that the person agrees before going on with this
     * response: it was begun before the person paused questionnaires (H-13). Empty for the person
     * themselves, and once staff have said so since the pause began.
     */
    @Transactional(readOnly = true)
    public Optional<MeasureSchedules.PausedPerson> agreementNeeded(ResponseView response) {
        return mayAnswer(response) ? schedules.agreementNeededFor(response.personId(), response.id())
                : Optional.empty();
    }

    /** Keeps and audits staff's word that the person, who has paused questionnaires, agrees to go on with this one. */
    public void agreeDespitePause(ResponseView response) {
        if (!mayAnswer(response)) {
            throw new AccessDeniedException("this response cannot be answered by the signed-in user");
        }
        if (schedules.agreementNeededFor(response.personId(), response.id()).isPresent()) {
            schedules.recordAgreementWhilePaused(response.personId(), "measure_response", response.id(),
                    response.instrumentCode());
        }
    }

    private void requireAnswerable(ResponseView response) {
        if (!mayAnswer(response)) {
            throw new AccessDeniedException("this response cannot be answered by the signed-in user");
        }
        Optional<MeasureSchedules.PausedPerson> pause = schedules.agreementNeededFor(response.personId(), response.id());
        if (pause.isPresent()) {
            throw new MeasureSchedules.PausedException(pause.get());
        }
    }

    private ResponseView row(ResultSet rs, int n) throws SQLException {
        long versionId = rs.getLong("instrument_version_id");
        Long scoringVersionId = nullableLong(rs, "scoring_version_id");
        InstrumentDefinition answeredOn = library.version(versionId).definition();
        Map<String, Integer> answers = ResponseCodec.answers(answeredOn, rs.getString("answers"));
        InstrumentDefinition scoredWith = scoringVersionId == null ? answeredOn
                : library.version(scoringVersionId).definition();
        return new ResponseView(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("team_id"),
                rs.getString("instrument_code"), versionId, scoringVersionId, nullableLong(rs, "content_id"),
                nullableLong(rs, "schedule_id"), rs.getString("mode"), rs.getString("status"), answers,
                ResponseCodec.scores(scoredWith, rs.getString("score_values"), rs.getString("score_absences"), answers),
                (Boolean) rs.getObject("complete"),
                rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("completed_at")),
                nullableLong(rs, "entered_by"), nullableLong(rs, "import_job_id"), rs.getInt("version"),
                instant(rs.getTimestamp("entered_in_error_at")), rs.getString("entered_in_error_reason"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
