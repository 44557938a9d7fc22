package org.refocus.measures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wording an administrator uploaded that has passed every check but is not used yet (hazard H-09): each
 * instrument version of the file waits, for at most a day, until the administrator who uploaded it has seen a
 * preview and made it live, or cancelled it. Only that administrator sees or decides it; anyone else is told
 * it does not exist. A decision is taken once: deciding again, or after a day, changes nothing; and wording is
 * made live only over the wording its preview was compared with, so that what someone else made live in the
 * meantime is never replaced unseen. Making wording live and cancelling it are audited with the file's SHA-256.
 */
@Service
public class PendingContentImports {

    /** How long uploaded wording waits for a decision. */
    public static final String KEPT_FOR = "24 hours";
    /** With the version id: one change at a time to the wording a version uses. */
    private static final int WORDING_LOCK = 20260423;

    private final InstrumentLibrary library;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PendingContentImports(InstrumentLibrary library, JdbcClient jdbc, AuditTrail audit) {
        this.library = library;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public enum Status { WAITING, LIVE, CANCELLED, EXPIRED }

    /**
     * One instrument version's wording from an uploaded file.
     *
     * @param content   the wording while it waits; null once decided or expired (nothing of it is kept)
     * @param contentId the stored wording it became, once live
     * @param decidedAt when it was made live, cancelled or found expired
     */
    public record Pending(long id, long versionId, InstrumentDefinition definition, InstrumentContent content,
            String fileName, String fileSha256, String sourceFormat, Status status, Instant createdAt,
            Instant expiresAt, Long contentId, Instant decidedAt, long createdBy) {
    }

    public enum Outcome {
        MADE_LIVE, CANCELLED, ALREADY_LIVE, ALREADY_CANCELLED, EXPIRED,
        /** The wording in use is no longer the one the preview was compared with: nothing was changed. */
        WORDING_CHANGED
    }

    public record Decision(Outcome outcome, Pending pending, Long contentId) {
    }

    /**
     * Keeps wording that passed every check, waiting for the current administrator to check and make it live.
     *
     * @return the ids, in the file's order
     */
    List<Long> store(List<InstrumentContent> contents, String fileName, String fileSha256, String sourceFormat) {
        long by = administrator().accountId();
        expireOld();
        UUID upload = UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (InstrumentContent content : contents) {
            InstrumentLibrary.StoredVersion version = library.find(content.instrumentCode(), content.version())
                    .orElseThrow(() -> new NotFoundException("instrument version"));
            long id = jdbc.sql("""
                    insert into instrument_content_import (upload_id, position, instrument_version_id, file_name,
                        file_sha256, source_format, content, status, expires_at, created_by, updated_by)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), 'PENDING', now() + cast(? as interval), ?, ?)
                    returning id""")
                    .params(upload, ids.size(), version.id(), fileName, fileSha256, sourceFormat,
                            ContentJson.write(content), KEPT_FOR, by, by)
                    .query(Long.class).single();
            audit.record(AuditAction.CREATED, "instrument_content_import", id, null,
                    version.definition().reference() + " waiting to be checked and made live; " + file(fileName,
                            sourceFormat, fileSha256));
            ids.add(id);
        }
        return ids;
    }

    /** Uploaded wording of the current administrator's; someone else's is not found. */
    @Transactional(readOnly = true)
    public Pending find(long id) {
        return own(id, false);
    }

    /** Every wording of the same file, in the file's order. */
    @Transactional(readOnly = true)
    public List<Pending> sameFile(Pending pending) {
        return jdbc.sql(SELECT + " where upload_id = (select upload_id from instrument_content_import where id = ?) "
                + "and created_by = ? order by position").params(pending.id(), administrator().accountId())
                .query(this::pending).list();
    }

    /**
     * The current administrator's uploaded wording still waiting for a decision, oldest first. Wording that
     * waited more than a day, anyone's, is dropped first: nothing runs on a timer, and the upload page is
     * where administrators come back to.
     */
    @Transactional
    public List<Pending> waiting() {
        expireOld();
        return jdbc.sql(SELECT + " where created_by = ? and status = 'PENDING' and expires_at > now() order by id")
                .param(administrator().accountId()).query(this::pending).list();
    }

    /**
     * Makes the wording the one people are asked, in place of {@code replacing}.
     *
     * @param replacing the id of the wording in use that the administrator's preview was compared with, or
     *                  null when there was none; if another is in use now, nothing changes
     */
    @Transactional
    public Decision makeLive(long id, Long replacing) {
        Pending pending = own(id, true);
        if (pending.status() != Status.WAITING) {
            return settled(pending);
        }
        jdbc.sql("select pg_advisory_xact_lock(?, cast(? as integer))").params(WORDING_LOCK, pending.versionId())
                .query().singleRow();
        Long inUse = library.currentContent(pending.versionId()).map(InstrumentLibrary.StoredContent::id).orElse(null);
        if (!Objects.equals(inUse, replacing)) {
            return new Decision(Outcome.WORDING_CHANGED, pending, inUse);
        }
        long contentId = library.storeContent(pending.content(), pending.sourceFormat(), pending.fileName());
        decide(pending, "LIVE", contentId);
        audit.record(AuditAction.CREATED, "instrument_content", contentId, null,
                pending.definition().reference() + " made live" + (inUse == null ? "" : " in place of wording " + inUse)
                        + " after its preview " + id + " was checked; " + file(pending));
        return new Decision(Outcome.MADE_LIVE, pending, contentId);
    }

    /** Drops the wording without using it: the wording in use stays as it is. */
    @Transactional
    public Decision cancel(long id) {
        Pending pending = own(id, true);
        if (pending.status() != Status.WAITING) {
            return settled(pending);
        }
        decide(pending, "CANCELLED", null);
        audit.record(AuditAction.CHANGED, "instrument_content_import", id, null,
                pending.definition().reference() + " cancelled after its preview: not made live, not kept; "
                        + file(pending));
        return new Decision(Outcome.CANCELLED, pending, null);
    }

    /** Uploaded wording nobody decided on within a day is dropped. */
    void expireOld() {
        jdbc.sql("""
                update instrument_content_import set status = 'EXPIRED', content = null, decided_at = now(),
                       updated_at = now(), version = version + 1
                where status = 'PENDING' and expires_at <= now()""").update();
    }

    private Decision settled(Pending pending) {
        return switch (pending.status()) {
            case LIVE -> new Decision(Outcome.ALREADY_LIVE, pending, pending.contentId());
            case CANCELLED -> new Decision(Outcome.ALREADY_CANCELLED, pending, null);
            default -> {
                expireOld();
                yield new Decision(Outcome.EXPIRED, pending, null);
            }
        };
    }

    private void decide(Pending pending, String status, Long contentId) {
        jdbc.sql("""
                update instrument_content_import set status = ?, content = null, content_id = ?, decided_at = now(),
                       updated_at = now(), updated_by = ?, version = version + 1
                where id = ? and status = 'PENDING'""")
                .params(status, contentId, administrator().accountId(), pending.id()).update();
    }

    private Pending own(long id, boolean forUpdate) {
        CurrentUser user = administrator();
        Pending pending = jdbc.sql(SELECT + " where id = ?" + (forUpdate ? " for update" : "")).param(id)
                .query(this::pending).optional().orElseThrow(() -> new NotFoundException("uploaded wording"));
        if (pending.createdBy() != user.accountId()) {
            audit.recordDenied(forUpdate ? AuditAction.CHANGED : AuditAction.VIEWED, "instrument_content_import", id,
                    null);
            throw new NotFoundException("uploaded wording");
        }
        return pending;
    }

    private static CurrentUser administrator() {
        CurrentUser user = CurrentUser.required();
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("administrators only");
        }
        return user;
    }

    private static String file(Pending pending) {
        return file(pending.fileName(), pending.sourceFormat(), pending.fileSha256());
    }

    private static String file(String fileName, String sourceFormat, String sha256) {
        return "file " + fileName + " (" + sourceFormat + "), SHA-256 " + sha256;
    }

    private static final String SELECT = """
            select id, instrument_version_id, content::text as content, file_name, file_sha256, source_format,
                   case when status = 'PENDING' and expires_at <= now() then 'EXPIRED' else status end as status,
                   created_at, expires_at, content_id, decided_at, created_by
            from instrument_content_import""";

    private Pending pending(ResultSet rs, int row) throws SQLException {
        String json = rs.getString("content");
        String status = rs.getString("status");
        long contentId = rs.getLong("content_id");
        Long live = rs.wasNull() ? null : contentId;
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Pending(rs.getLong("id"), rs.getLong("instrument_version_id"),
                library.version(rs.getLong("instrument_version_id")).definition(),
                json == null || !status.equals("PENDING") ? null : ContentJson.read(json, rs.getString("file_name")),
                rs.getString("file_name"), rs.getString("file_sha256"), rs.getString("source_format"),
                status.equals("PENDING") ? Status.WAITING : Status.valueOf(status),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(), live,
                decided == null ? null : decided.toInstant(), rs.getLong("created_by"));
    }
}
