package org.refocus.recovery.internal;

import static org.refocus.recovery.internal.Rows.sqlDate;
import static org.refocus.recovery.internal.Rows.text;

import java.time.LocalDate;
import java.util.List;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.StrengthsAssessments;
import org.refocus.recovery.Voice;
import org.refocus.shared.AuthenticatedActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcStrengthsAssessments implements StrengthsAssessments {

    private final JdbcClient jdbc;
    private final Access access;
    private final PlanWriter writer;

    JdbcStrengthsAssessments(JdbcClient jdbc, Access access, PlanWriter writer) {
        this.jdbc = jdbc;
        this.access = access;
        this.writer = writer;
    }

    @Override
    public long start(long personId, LocalDate assessedOn) {
        Subject subject = access.reach(personId);
        subject.requireStaff();
        Long actor = AuthenticatedActor.currentAccountId();
        Long previous = jdbc.sql("select id from recovery_strengths_assessment where person_id = ? "
                        + "order by assessed_on desc, id desc limit 1")
                .param(personId).query(Long.class).optional().orElse(null);
        long id = jdbc.sql("""
                        insert into recovery_strengths_assessment (person_id, assessed_on, created_by, updated_by)
                        values (?, ?, ?, ?) returning id""")
                .params(personId, sqlDate(assessedOn), actor, actor).query(Long.class).single();
        writer.saved(RecordType.STRENGTHS_ASSESSMENT, id, subject, "CREATED",
                previous == null ? "first" : "reassessment after " + previous);
        // The conversation starts from what the person said last time, for every domain still in use.
        List<Long> entries = jdbc.sql("""
                        insert into recovery_strength_entry (assessment_id, person_id, domain_id, current_status, wants,
                               personal_resources, social_resources, community_resources, created_by, updated_by)
                        select ?, ?, d.id, p.current_status, p.wants, p.personal_resources, p.social_resources,
                               p.community_resources, ?, ?
                        from recovery_life_domain d
                        left join recovery_strength_entry p on p.domain_id = d.id and p.assessment_id = ?
                        where d.active order by d.position, d.id returning id""")
                .params(id, personId, actor, actor, previous == null ? -1L : previous).query(Long.class).list();
        entries.forEach(entry -> writer.versioned(RecordType.STRENGTH_ENTRY, entry, subject));
        return id;
    }

    @Override
    public void changeEntry(long entryId, EntryDetails e, int version) {
        Subject subject = access.reachThrough(RecordType.STRENGTH_ENTRY, entryId);
        subject.requireMayChange(Voice.PERSON);
        if (subject.isStaff()) {
            writer.update("update recovery_strength_entry set current_status = ?, wants = ?, personal_resources = ?, "
                            + "social_resources = ?, community_resources = ?", RecordType.STRENGTH_ENTRY, entryId,
                    version, text(e.currentStatus()), text(e.wants()), text(e.personalResources()),
                    text(e.socialResources()), text(e.communityResources()));
        } else {
            writer.update("update recovery_strength_entry set wants = ?", RecordType.STRENGTH_ENTRY, entryId, version,
                    text(e.wants()));
        }
        writer.saved(RecordType.STRENGTH_ENTRY, entryId, subject, "CHANGED", subject.isStaff() ? "all" : "wants");
    }

    @Override
    public void changeSummary(long assessmentId, LocalDate assessedOn, String agreedSummary, int version) {
        Subject subject = access.reachThrough(RecordType.STRENGTHS_ASSESSMENT, assessmentId);
        subject.requireStaff();
        writer.update("update recovery_strengths_assessment set assessed_on = ?, agreed_summary = ?",
                RecordType.STRENGTHS_ASSESSMENT, assessmentId, version, sqlDate(assessedOn), text(agreedSummary));
        writer.saved(RecordType.STRENGTHS_ASSESSMENT, assessmentId, subject, "CHANGED", "summary");
    }
}
