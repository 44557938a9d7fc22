package org.refocus.recovery.internal;

import static org.refocus.recovery.internal.Rows.text;

import java.util.List;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.recovery.LifeDomains;
import org.refocus.recovery.RecoveryPlan.LifeDomain;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
class JdbcLifeDomains implements LifeDomains {

    private static final String RECORD = "recovery_life_domain";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    JdbcLifeDomains(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LifeDomain> all() {
        return jdbc.sql("select * from recovery_life_domain order by not active, position, id")
                .query((rs, n) -> map(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public LifeDomain domain(long id) {
        return jdbc.sql("select * from recovery_life_domain where id = ?").param(id).query((rs, n) -> map(rs))
                .optional().orElseThrow(() -> new NotFoundException(RECORD));
    }

    @Override
    public long add(String name, String prompt) {
        Long actor = AuthenticatedActor.currentAccountId();
        try {
            long id = jdbc.sql("""
                            insert into recovery_life_domain (name, prompt, position, created_by, updated_by)
                            values (?, ?, (select coalesce(max(position), 0) + 1 from recovery_life_domain), ?, ?)
                            returning id""")
                    .params(text(name), text(prompt), actor, actor).query(Long.class).single();
            audit.record(AuditAction.CREATED, RECORD, id, null, null);
            return id;
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException();
        }
    }

    @Override
    public void change(long id, String name, String prompt, int position, boolean active, int version) {
        domain(id);
        int rows;
        try {
            rows = jdbc.sql("""
                            update recovery_life_domain set name = ?, prompt = ?, position = ?, active = ?,
                                   updated_at = now(), updated_by = ?, version = version + 1
                            where id = ? and version = ?""")
                    .params(text(name), text(prompt), position, active, AuthenticatedActor.currentAccountId(), id,
                            version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException();
        }
        if (rows != 1) {
            throw new ConflictException(RECORD);
        }
        audit.record(AuditAction.CHANGED, RECORD, id, null, active ? "active" : "retired");
    }

    private static LifeDomain map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LifeDomain(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("prompt"),
                rs.getInt("position"), rs.getBoolean("active"), rs.getInt("version"));
    }
}
