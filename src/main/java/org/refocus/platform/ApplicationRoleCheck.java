package org.refocus.platform;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At start-up, after the migrations: the application's own connections must really be the role that was
 * granted rows, and that role must not be able to do more. Otherwise (a typo, the owner's user in
 * {@code SPRING_DATASOURCE_USERNAME}, a role that is a member of the owner or a superuser) the start
 * stops with an explanation, instead of running as the owner while the audit trail's protection is
 * believed to be in place.
 */
final class ApplicationRoleCheck implements InitializingBean {

    private final JdbcClient jdbc;
    private final String role;

    ApplicationRoleCheck(DataSource dataSource, String role) {
        this.jdbc = JdbcClient.create(dataSource);
        this.role = role;
    }

    record Standing(String user, boolean superuser, boolean ownerOrMember, boolean createsInPublic) {
    }

    Standing standing() {
        return jdbc.sql("""
                select current_user as user, r.rolsuper as superuser,
                       pg_has_role(current_user, t.tableowner, 'MEMBER') as owner_or_member,
                       has_schema_privilege(current_user, 'public', 'CREATE') as creates_in_public
                from pg_roles r, pg_tables t
                where r.rolname = current_user and t.schemaname = 'public' and t.tablename = 'audit_entry'""")
                .query((rs, n) -> new Standing(rs.getString("user"), rs.getBoolean("superuser"),
                        rs.getBoolean("owner_or_member"), rs.getBoolean("creates_in_public")))
                .single();
    }

    @Override
    public void afterPropertiesSet() {
        Standing s = standing();
        String problem = !role.equals(s.user()) ? "connects as '" + s.user() + "', not as the application role '"
                + role + "' that was granted its privileges"
                : s.superuser() ? "connects as '" + role + "', which is a superuser"
                : s.ownerOrMember() ? "connects as '" + role + "', which owns the tables or is a member of their owner"
                : s.createsInPublic() ? "connects as '" + role + "', which may create objects in schema public"
                : null;
        if (problem != null) {
            throw new IllegalStateException("REFOCUS will not start: the application " + problem + ". Set "
                    + "SPRING_DATASOURCE_USERNAME to that role, make sure it owns nothing and is no member of the "
                    + "owner, and run 'revoke create on schema public from public' as the database administrator. "
                    + "See the README.");
        }
    }
}
