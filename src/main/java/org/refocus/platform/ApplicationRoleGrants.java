package org.refocus.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * After every migration, gives the role the application runs as exactly what it needs and no more: it
 * reads and writes rows, but it does not own the tables, so it cannot drop, alter or truncate them,
 * disable a trigger, or rewrite the migration history; and the audit trail is insert-and-read only for
 * it, whatever happens to the triggers that also guard it. The schema is owned by the role that runs the
 * migrations. Run again on each start, so that tables added by a new migration are covered at once.
 */
final class ApplicationRoleGrants implements Callback {

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String role;

    ApplicationRoleGrants(String role) {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("The application's database role must be a plain lower-case "
                    + "PostgreSQL name (letters, digits, underscores)");
        }
        this.role = role;
    }

    /** The statements, in order, for the role (already checked to be a plain name). */
    List<String> statements() {
        return List.of(
                "grant usage on schema public to " + role,
                "grant select, insert, update, delete on all tables in schema public to " + role,
                // nextval needs usage only; without update it cannot setval a sequence (the audit trail's, say).
                "grant usage, select on all sequences in schema public to " + role,
                "revoke update on all sequences in schema public from " + role,
                // Before PostgreSQL 15 everyone may create objects in schema public; refused unless allowed.
                "do $$ begin revoke create on schema public from public; exception when insufficient_privilege then "
                        + "raise warning 'REFOCUS could not revoke CREATE on schema public from PUBLIC; ask the "
                        + "database administrator to do it'; end $$",
                "revoke insert, update, delete, truncate on flyway_schema_history from " + role,
                "revoke update, delete, truncate on audit_entry from " + role);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            var owner = statement.executeQuery("select current_user");
            owner.next();
            if (role.equals(owner.getString(1))) {
                throw new FlywayException("The application's database role '" + role + "' is the role that runs "
                        + "the migrations. Give the application a role of its own (see the README), or leave "
                        + "refocus.database.application-role unset.");
            }
            for (String sql : statements()) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not grant the application's database role '" + role
                    + "' its privileges: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "application role grants";
    }
}
