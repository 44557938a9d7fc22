package org.refocus.measures.internal;

import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Putting right a response that should not count: given for the wrong person or date, or a whole import
 * of the wrong file. Nothing is deleted or rewritten; the response is marked "entered in error" with the
 * reason, who and when, stays visible as such on the person's record and in FHIR, and drops out of
 * results, charts, team figures and re-scoring. The mark is final; the right answers are entered anew.
 */
@Service
@Transactional
public class ResponseCorrections {

    static final int MAX_REASON = 500;

    /** Marks responses entered in error; parameters: who, why, who; then the WHERE clause's. */
    private static final String MARK = """
            update measure_response set status = 'ENTERED_IN_ERROR', entered_in_error_at = now(),
                   entered_in_error_by = ?, entered_in_error_reason = ?, updated_at = now(), updated_by = ?,
                   version = version + 1
            """;

    private final JdbcClient jdbc;
    private final MeasureResponses responses;
    private final ResponseImports imports;
    private final AuditTrail audit;

    ResponseCorrections(JdbcClient jdbc, MeasureResponses responses, ResponseImports imports, AuditTrail audit) {
        this.jdbc = jdbc;
        this.responses = responses;
        this.imports = imports;
        this.audit = audit;
    }

    /** Staff of the person's team mark one completed response entered in error. */
    public void markEnteredInError(long responseId, int version, String reason) {
        requireStaff();
        String why = requireReason(reason);
        ResponseView response = responses.find(responseId);
        Long actor = AuthenticatedActor.currentAccountId();
        int rows = jdbc.sql(MARK + "where id = ? and version = ? and status = 'COMPLETED'")
                .params(actor, why, actor, responseId, version).update();
        if (rows != 1) {
            throw new ConflictException("measure_response");
        }
        audit.record(AuditAction.CHANGED, "measure_response", responseId, response.personId(), "entered in error");
    }

    /**
     * The member of staff who ran an import withdraws it: every response it stored is marked entered in
     * error with the one reason. The same file may then be imported again, corrected or not.
     *
     * @return how many responses were marked
     */
    public int withdrawImport(long jobId, String reason) {
        requireStaff();
        String why = requireReason(reason);
        ResponseImports.JobView job = imports.job(jobId);
        if (!job.status().equals("SUCCEEDED")) {
            throw new ConflictException("measure_import_job");
        }
        Long actor = AuthenticatedActor.currentAccountId();
        int marked = jdbc.sql(MARK + "where import_job_id = ? and status = 'COMPLETED'")
                .params(actor, why, actor, jobId).update();
        int jobs = jdbc.sql("""
                update measure_import_job set status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by = ?,
                       withdrawn_reason = ?, updated_at = now(), version = version + 1
                where id = ? and status = 'SUCCEEDED'""").params(actor, why, jobId).update();
        if (jobs != 1) {
            throw new ConflictException("measure_import_job");
        }
        audit.record(AuditAction.CHANGED, "measure_response", "import:" + jobId, null,
                "import withdrawn: " + marked + " responses entered in error");
        return marked;
    }

    private static void requireStaff() {
        if (!CurrentUser.required().role().isTeamStaff()) {
            throw new AccessDeniedException("staff only");
        }
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new IllegalArgumentException("a reason of 1 to " + MAX_REASON + " characters is required");
        }
        return why;
    }
}
