-- The audit trail is append-only (hazard H-16): entries are inserted and never changed or removed, so
-- that an incident review can trust what it reads. Only INSERT is allowed; UPDATE, DELETE and TRUNCATE
-- are refused with an error naming the table, whoever issues them (the application, a script or psql).
-- Retention (removing entries older than a deployment's rule) would be a deliberate, separately
-- reviewed migration or procedure that drops this guard for the purpose; nothing in REFOCUS does it.
--
-- Added after V10-V30 existed, so an existing database applies it out of order
-- (spring.flyway.out-of-order=true; see CONTRIBUTING.md). It depends only on V1's audit_entry.

create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused. Audit entries are never changed or deleted; record a new entry instead', tg_op
        using hint = 'See hazard H-16 in docs/clinical-safety/hazard-log.md.';
end $$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

-- Row triggers do not fire for TRUNCATE; a statement trigger does.
create trigger audit_entry_never_truncated before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
