package org.refocus.organisation.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.organisation.OrganisationView;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.SiteView;
import org.refocus.organisation.TeamView;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcOrganisations implements Organisations {

    private static final String TEAM_SELECT = """
            select t.id, t.site_id, s.name as site_name, o.name as organisation_name, t.name, t.description,
                   t.active, t.version
            from team t join site s on s.id = t.site_id join organisation o on o.id = s.organisation_id""";
    private static final String TEAM_ORDER = " order by o.name, s.name, t.name";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    JdbcOrganisations(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationView> organisations() {
        return jdbc.sql("select id, name, code, version from organisation order by name")
                .query(OrganisationView.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public OrganisationView organisation(long id) {
        return jdbc.sql("select id, name, code, version from organisation where id = ?").param(id)
                .query(OrganisationView.class).optional().orElseThrow(() -> new NotFoundException("organisation"));
    }

    @Override
    public long createOrganisation(String name, String code) {
        long id = unique(() -> jdbc.sql("insert into organisation (name, code, created_by, updated_by) "
                        + "values (?, ?, ?, ?) returning id")
                .params(name.trim(), blankToNull(code), actor(), actor()).query(Long.class).single());
        audit.record(AuditAction.CREATED, "organisation", id, null, null);
        return id;
    }

    @Override
    public void updateOrganisation(long id, String name, String code, int version) {
        organisation(id);
        int rows = unique(() -> jdbc.sql("update organisation set name = ?, code = ?, updated_at = now(), "
                        + "updated_by = ?, version = version + 1 where id = ? and version = ?")
                .params(name.trim(), blankToNull(code), actor(), id, version).update());
        requireOneRow(rows, "organisation");
        audit.record(AuditAction.CHANGED, "organisation", id, null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SiteView> sites(long organisationId) {
        return jdbc.sql(SITE_SELECT + " where s.organisation_id = ? order by s.name").param(organisationId)
                .query(SiteView.class).list();
    }

    private static final String SITE_SELECT = """
            select s.id, s.organisation_id, o.name as organisation_name, s.name, s.version
            from site s join organisation o on o.id = s.organisation_id""";

    @Override
    @Transactional(readOnly = true)
    public List<SiteView> allSites() {
        return jdbc.sql(SITE_SELECT + " order by o.name, s.name").query(SiteView.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public SiteView site(long id) {
        return jdbc.sql(SITE_SELECT + " where s.id = ?").param(id).query(SiteView.class).optional()
                .orElseThrow(() -> new NotFoundException("site"));
    }

    @Override
    public long createSite(long organisationId, String name) {
        organisation(organisationId);
        long id = unique(() -> jdbc.sql("insert into site (organisation_id, name, created_by, updated_by) "
                        + "values (?, ?, ?, ?) returning id")
                .params(organisationId, name.trim(), actor(), actor()).query(Long.class).single());
        audit.record(AuditAction.CREATED, "site", id, null, null);
        return id;
    }

    @Override
    public void updateSite(long id, String name, int version) {
        site(id);
        int rows = unique(() -> jdbc.sql("update site set name = ?, updated_at = now(), updated_by = ?, "
                        + "version = version + 1 where id = ? and version = ?")
                .params(name.trim(), actor(), id, version).update());
        requireOneRow(rows, "site");
        audit.record(AuditAction.CHANGED, "site", id, null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TeamView> teams() {
        return jdbc.sql(TEAM_SELECT + TEAM_ORDER).query(TeamView.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public TeamView team(long id) {
        return jdbc.sql(TEAM_SELECT + " where t.id = ?").param(id).query(TeamView.class).optional()
                .orElseThrow(() -> new NotFoundException("team"));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, TeamView> teams(Collection<Long> ids) {
        Map<Long, TeamView> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        jdbc.sql(TEAM_SELECT + " where t.id = any(?)" + TEAM_ORDER)
                .param(ids.toArray(Long[]::new))
                .query(TeamView.class).list().forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    @Override
    public long createTeam(long siteId, String name, String description) {
        site(siteId);
        long id = unique(() -> jdbc.sql("insert into team (site_id, name, description, created_by, updated_by) "
                        + "values (?, ?, ?, ?, ?) returning id")
                .params(siteId, name.trim(), blankToNull(description), actor(), actor()).query(Long.class).single());
        audit.record(AuditAction.CREATED, "team", id, null, null);
        return id;
    }

    @Override
    public void updateTeam(long id, String name, String description, boolean active, int version) {
        TeamView before = team(id);
        int rows = unique(() -> jdbc.sql("update team set name = ?, description = ?, active = ?, updated_at = now(), "
                        + "updated_by = ?, version = version + 1 where id = ? and version = ?")
                .params(name.trim(), blankToNull(description), active, actor(), id, version).update());
        requireOneRow(rows, "team");
        audit.record(before.active() && !active ? AuditAction.DEACTIVATED
                : !before.active() && active ? AuditAction.REACTIVATED : AuditAction.CHANGED, "team", id, null, null);
    }

    private static void requireOneRow(int rows, String recordType) {
        if (rows != 1) {
            throw new ConflictException(recordType);
        }
    }

    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long actor() {
        return AuthenticatedActor.currentAccountId();
    }
}
