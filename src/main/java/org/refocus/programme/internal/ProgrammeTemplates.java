package org.refocus.programme.internal;

import java.util.List;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programme templates: the shipped REFOCUS default (read-only) and organisations' adapted copies.
 * Administrators manage them (the URL rules allow only them to reach the pages). A team's programme
 * copies its template's activities when it starts, so changes here never touch a team's history.
 */
@Service
@Transactional
public class ProgrammeTemplates {

    private static final String SELECT = """
            select t.id, t.organisation_id, o.name as organisation_name, t.name, t.description, t.duration_months,
                   t.is_default, (select count(*) from programme_template_activity a where a.template_id = t.id)
                   as activities, t.version
            from programme_template t left join organisation o on o.id = t.organisation_id""";

    public record TemplateSummary(long id, Long organisationId, String organisationName, String name,
            String description, int durationMonths, boolean isDefault, int activities, int version) {
    }

    public record TemplateActivity(long id, long templateId, Component component, ActivityKind kind, String title,
            int targetCount, Audience audience, int month, int version) {
    }

    public record ActivityInput(Component component, ActivityKind kind, String title, int targetCount,
            Audience audience, int month) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Organisations organisations;

    ProgrammeTemplates(JdbcClient jdbc, AuditTrail audit, Organisations organisations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public List<TemplateSummary> all() {
        return jdbc.sql(SELECT + " order by t.is_default desc, o.name nulls first, lower(t.name)")
                .query(TemplateSummary.class).list();
    }

    /** The templates a team may start from: the default and its own organisation's. */
    @Transactional(readOnly = true)
    public List<TemplateSummary> forTeam(long teamId) {
        TeamView team = organisations.team(teamId);
        long organisationId = organisations.site(team.siteId()).organisationId();
        return jdbc.sql(SELECT + " where t.is_default or t.organisation_id = ? order by t.is_default desc, lower(t.name)")
                .param(organisationId).query(TemplateSummary.class).list();
    }

    @Transactional(readOnly = true)
    public TemplateSummary template(long id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(TemplateSummary.class).optional()
                .orElseThrow(() -> new NotFoundException("programme template"));
    }

    @Transactional(readOnly = true)
    public List<TemplateActivity> activities(long templateId) {
        return jdbc.sql("""
                        select id, template_id, component, kind, title, target_count, audience, month, version
                        from programme_template_activity where template_id = ? order by month, id""")
                .param(templateId).query(TemplateActivity.class).list();
    }

    @Transactional(readOnly = true)
    public TemplateActivity activity(long id) {
        return jdbc.sql("""
                        select id, template_id, component, kind, title, target_count, audience, month, version
                        from programme_template_activity where id = ?""")
                .param(id).query(TemplateActivity.class).optional()
                .orElseThrow(() -> new NotFoundException("programme template activity"));
    }

    /** Copies a template, with all its activities, for an organisation to adapt. */
    public long copy(long templateId, long organisationId, String name) {
        TemplateSummary source = template(templateId);
        organisations.organisation(organisationId);
        Long actor = AuthenticatedActor.currentAccountId();
        long id;
        try {
            id = jdbc.sql("""
                            insert into programme_template (organisation_id, name, description, duration_months,
                                                            copied_from_id, created_by, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(organisationId, name.trim(), source.description(), source.durationMonths(), templateId,
                            actor, actor)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "template.name.duplicate");
        }
        jdbc.sql("""
                        insert into programme_template_activity (template_id, component, kind, title, target_count,
                                                                 audience, month, created_by, updated_by)
                        select ?, component, kind, title, target_count, audience, month, ?, ?
                        from programme_template_activity where template_id = ? order by month, id""")
                .params(id, actor, actor, templateId).update();
        audit.record(AuditAction.CREATED, "programme_template", id, null, "copied from " + templateId);
        return id;
    }

    public void update(long id, String name, String description, int durationMonths, int version) {
        editable(id);
        Integer latest = jdbc.sql("select max(month) from programme_template_activity where template_id = ?")
                .param(id).query(Integer.class).single();
        if (latest != null && latest > durationMonths) {
            throw new InvalidInputException("durationMonths", "template.duration.beforeActivities");
        }
        int rows;
        try {
            rows = jdbc.sql("""
                            update programme_template set name = ?, description = ?, duration_months = ?,
                                   updated_at = now(), updated_by = ?, version = version + 1
                            where id = ? and version = ?""")
                    .params(name.trim(), blankToNull(description), durationMonths,
                            AuthenticatedActor.currentAccountId(), id, version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "template.name.duplicate");
        }
        if (rows != 1) {
            throw new ConflictException("programme template");
        }
        audit.record(AuditAction.CHANGED, "programme_template", id, null, "details");
    }

    public long addActivity(long templateId, ActivityInput input) {
        TemplateSummary template = editable(templateId);
        checkMonth(input, template);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into programme_template_activity (template_id, component, kind, title, target_count,
                                                                 audience, month, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(templateId, input.component().name(), input.kind().name(), input.title().trim(),
                        input.targetCount(), input.audience().name(), input.month(), actor, actor)
                .query(Long.class).single();
        touch(templateId);
        audit.record(AuditAction.CREATED, "programme_template_activity", id, null, "template " + templateId);
        return id;
    }

    public void updateActivity(long activityId, ActivityInput input, int version) {
        TemplateActivity activity = activity(activityId);
        TemplateSummary template = editable(activity.templateId());
        checkMonth(input, template);
        int rows = jdbc.sql("""
                        update programme_template_activity set component = ?, kind = ?, title = ?, target_count = ?,
                               audience = ?, month = ?, updated_at = now(), updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(input.component().name(), input.kind().name(), input.title().trim(), input.targetCount(),
                        input.audience().name(), input.month(), AuthenticatedActor.currentAccountId(), activityId,
                        version)
                .update();
        if (rows != 1) {
            throw new ConflictException("programme template activity");
        }
        touch(template.id());
        audit.record(AuditAction.CHANGED, "programme_template_activity", activityId, null, null);
    }

    public void removeActivity(long activityId, int version) {
        TemplateActivity activity = activity(activityId);
        editable(activity.templateId());
        int rows = jdbc.sql("delete from programme_template_activity where id = ? and version = ?")
                .params(activityId, version).update();
        if (rows != 1) {
            throw new ConflictException("programme template activity");
        }
        touch(activity.templateId());
        audit.record(AuditAction.CHANGED, "programme_template", activity.templateId(), null,
                "removed activity " + activityId);
    }

    /** The shipped default is never edited, only copied. */
    private TemplateSummary editable(long id) {
        TemplateSummary template = template(id);
        if (template.isDefault()) {
            throw new NotFoundException("editable programme template");
        }
        return template;
    }

    private static void checkMonth(ActivityInput input, TemplateSummary template) {
        if (input.month() > template.durationMonths()) {
            throw new InvalidInputException("month", "activity.month.afterEnd");
        }
    }

    private void touch(long templateId) {
        jdbc.sql("update programme_template set updated_at = now(), updated_by = ? where id = ?")
                .params(AuthenticatedActor.currentAccountId(), templateId).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
