package org.refocus.measures.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.Scoring;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-scores stored responses after a scoring rule was corrected. The corrected rule is published as a
 * new instrument version that supersedes the old one (a published version is never edited). Every
 * response answered on the old version is scored again with the new version's rules; for each one
 * whose scores or scoring version change, the old and new scores are kept in {@code measure_rescore}
 * with the reason, and the change is audited. Nothing is changed silently. Administrators only.
 * Responses to the old version completed afterwards are scored with the same rules
 * ({@link InstrumentLibrary#scoringVersion(long)}), so that they compare with the re-scored ones.
 */
@Service
@Transactional
public class Rescoring {

    private final JdbcClient jdbc;
    private final InstrumentLibrary library;
    private final AuditTrail audit;

    Rescoring(JdbcClient jdbc, InstrumentLibrary library, AuditTrail audit) {
        this.jdbc = jdbc;
        this.library = library;
        this.audit = audit;
    }

    /**
     * @param examined   completed responses answered on the version
     * @param rescored   responses whose stored scores or scoring version changed (each recorded)
     * @param valuesChanged of those, how many had a different score value or absence
     */
    public record Outcome(int examined, int rescored, int valuesChanged) {
    }

    /** The two versions cannot score the same answers (the new one lacks an item or a code). */
    public static class IncompatibleVersionsException extends RuntimeException {
        public IncompatibleVersionsException(String message) {
            super(message);
        }
    }

    /**
     * Scores every completed response answered on {@code answeredOnVersionId} with the rules of
     * {@code scoringVersionId} (the same version to re-apply corrected scoring code, or the version
     * that supersedes it).
     */
    public Outcome rescore(long answeredOnVersionId, long scoringVersionId, String reason) {
        if (CurrentUser.required().role() != Role.ADMIN) {
            throw new AccessDeniedException("administrators only");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        InstrumentDefinition answeredOn = library.version(answeredOnVersionId).definition();
        InstrumentDefinition scoringWith = library.version(scoringVersionId).definition();
        if (!answeredOn.code().equals(scoringWith.code())) {
            throw new NotFoundException("instrument version");
        }
        List<String> incompatible = new ArrayList<>();
        for (Item item : answeredOn.items()) {
            Item other = scoringWith.item(item.key()).orElse(null);
            if (other == null) {
                incompatible.add(item.key() + " is not in " + scoringWith.reference());
            } else if (item.responseSet().options().stream().anyMatch(o -> !other.responseSet().accepts(o.code()))) {
                incompatible.add(item.key() + " accepts different codes in " + scoringWith.reference());
            }
        }
        if (!incompatible.isEmpty()) {
            throw new IncompatibleVersionsException(String.join("; ", incompatible));
        }
        // First, so that a response being completed meanwhile waits for this and is then scored the same way.
        library.rescoredWith(answeredOnVersionId, scoringVersionId);
        Long actor = AuthenticatedActor.currentAccountId();
        List<Row> rows = jdbc.sql("""
                select id, person_id, scoring_version_id, answers::text as answers, score_values::text as score_values,
                       score_absences::text as score_absences
                from measure_response where instrument_version_id = ? and status = 'COMPLETED' order by id""")
                .param(answeredOnVersionId).query(Row.class).list();
        int rescored = 0;
        int valuesChanged = 0;
        for (Row row : rows) {
            Map<String, Integer> answers = ResponseCodec.answers(answeredOn, row.answers());
            long fromVersion = row.scoringVersionId() == null ? answeredOnVersionId : row.scoringVersionId();
            Map<String, StoredScore> before = ResponseCodec.scores(library.version(fromVersion).definition(),
                    row.scoreValues(), row.scoreAbsences(), answers);
            ScoreResult result = Scoring.score(scoringWith, answers);
            Map<String, StoredScore> after = ResponseCodec.scores(scoringWith, ResponseCodec.values(result),
                    ResponseCodec.absences(result), answers);
            boolean sameScores = same(before, after);
            if (sameScores && fromVersion == scoringVersionId) {
                continue;
            }
            jdbc.sql("""
                    insert into measure_rescore (response_id, from_scoring_version_id, to_scoring_version_id, old_scores,
                        new_scores, reason, rescored_by)
                    values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""")
                    .params(row.id(), fromVersion, scoringVersionId, ResponseCodec.json(before),
                            ResponseCodec.json(after), reason.strip(), actor)
                    .update();
            jdbc.sql("""
                    update measure_response set score_values = cast(? as numeric[]), score_absences = cast(? as text[]),
                           scoring_version_id = ?, updated_at = now(), updated_by = ?, version = version + 1
                    where id = ?""")
                    .params(ResponseCodec.values(result), ResponseCodec.absences(result), scoringVersionId, actor,
                            row.id())
                    .update();
            audit.record(AuditAction.CHANGED, "measure_response", row.id(), row.personId(),
                    "rescored with " + scoringWith.reference() + (sameScores ? " (values unchanged)" : " (values changed)"));
            rescored++;
            if (!sameScores) {
                valuesChanged++;
            }
        }
        audit.record(AuditAction.CHANGED, "instrument_version", answeredOnVersionId, null,
                "rescore with " + scoringWith.reference() + ": examined=" + rows.size() + " rescored=" + rescored
                        + " valuesChanged=" + valuesChanged);
        return new Outcome(rows.size(), rescored, valuesChanged);
    }

    record Row(long id, long personId, Long scoringVersionId, String answers, String scoreValues,
            String scoreAbsences) {
    }

    private static boolean same(Map<String, StoredScore> before, Map<String, StoredScore> after) {
        if (!before.keySet().equals(after.keySet())) {
            return false;
        }
        for (Map.Entry<String, StoredScore> e : before.entrySet()) {
            StoredScore b = e.getValue();
            StoredScore a = after.get(e.getKey());
            boolean values = b.value() == null ? a.value() == null : a.value() != null && b.value().compareTo(a.value()) == 0;
            if (!values || !java.util.Objects.equals(b.absence(), a.absence())) {
                return false;
            }
        }
        return true;
    }

    /** The history of one response's scores, oldest first. */
    public record RescoreEntry(java.time.Instant at, long fromVersionId, long toVersionId, Map<String, StoredScore> before,
            Map<String, StoredScore> after, String reason) {
    }

    @Transactional(readOnly = true)
    public List<RescoreEntry> history(long responseId) {
        return jdbc.sql("""
                select rescored_at, from_scoring_version_id, to_scoring_version_id, old_scores::text, new_scores::text,
                       reason
                from measure_rescore where response_id = ? order by id""")
                .param(responseId)
                .query((rs, n) -> new RescoreEntry(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3),
                        ResponseCodec.fromJson(rs.getString(4)), ResponseCodec.fromJson(rs.getString(5)),
                        rs.getString(6)))
                .list();
    }
}
