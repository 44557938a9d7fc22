package org.refocus.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditEntryView;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditQuery;
import org.refocus.audit.AuditTrail;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.PageOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT = """
            insert into audit_entry (actor_id, actor_username, action, outcome, record_type, record_id, person_id,
                                     client_address, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JdbcTemplate streaming;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        // A cursor-backed template so that an export of millions of entries streams instead of filling memory.
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String recordType, Object recordId, Long personId, String detail) {
        insert(action, AuditOutcome.ALLOWED, recordType, recordId, personId, detail);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDenied(AuditAction action, String recordType, Object recordId, Long personId) {
        insert(action, AuditOutcome.DENIED, recordType, recordId, personId, null);
    }

    @Override
    @Transactional
    public void recordFor(String username, Long actorId, AuditAction action, AuditOutcome outcome, String recordType,
            Object recordId, String detail) {
        template.update(INSERT, actorId, username, action.name(), outcome.name(), recordType, string(recordId), null,
                clientAddress(), detail);
    }

    private void insert(AuditAction action, AuditOutcome outcome, String recordType, Object recordId, Long personId,
            String detail) {
        AuthenticatedActor actor = AuthenticatedActor.current();
        template.update(INSERT, actor == null ? null : actor.accountId(), actor == null ? null : actor.username(),
                action.name(), outcome.name(), recordType, string(recordId), personId, clientAddress(), detail);
    }

    private static String string(Object recordId) {
        return recordId == null ? null : recordId.toString();
    }


    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    @Override
    @Transactional(readOnly = true)
    public PageOf<AuditEntryView> find(AuditQuery query, int page, int size) {
        Filter filter = Filter.of(query);
        long total = jdbc.sql("select count(*) from audit_entry a" + filter.where())
                .params(filter.params()).query(Long.class).single();
        List<Object> params = new ArrayList<>(filter.params());
        params.add(size);
        params.add((long) page * size);
        List<AuditEntryView> items = jdbc.sql("select * from audit_entry a" + filter.where()
                        + " order by a.at desc, a.id desc limit ? offset ?")
                .params(params).query(JdbcAuditTrail::row).list();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    @Transactional(readOnly = true)
    public void exportCsv(AuditQuery query, Writer out) throws IOException {
        Filter filter = Filter.of(query);
        out.write("id,at,actor_id,actor_username,action,outcome,record_type,record_id,person_id,client_address,detail\r\n");
        try {
            streaming.query("select * from audit_entry a" + filter.where() + " order by a.at, a.id",
                    rs -> {
                        try {
                            writeCsvRow(out, row(rs, 0));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, filter.params().toArray());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeCsvRow(Writer out, AuditEntryView e) throws IOException {
        out.write(String.join(",", String.valueOf(e.id()), DateTimeFormatter.ISO_INSTANT.format(e.at()),
                csv(e.actorId()), csv(e.actorUsername()), e.action().name(), e.outcome().name(), csv(e.recordType()),
                csv(e.recordId()), csv(e.personId()), csv(e.clientAddress()), csv(e.detail())));
        out.write("\r\n");
    }

    /** RFC 4180 quoting, and a leading apostrophe against spreadsheet formula injection. */
    static String csv(Object value) {
        return org.refocus.shared.CsvCells.of(value);
    }

    private static AuditEntryView row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp at = rs.getTimestamp("at");
        return new AuditEntryView(rs.getLong("id"), at.toInstant(), (Long) rs.getObject("actor_id"),
                rs.getString("actor_username"), AuditAction.valueOf(rs.getString("action")),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("record_type"), rs.getString("record_id"),
                (Long) rs.getObject("person_id"), rs.getString("client_address"), rs.getString("detail"));
    }

    private record Filter(String where, List<Object> params) {
        static Filter of(AuditQuery q) {
            List<String> clauses = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (q.personId() != null) {
                clauses.add("a.person_id = ?");
                params.add(q.personId());
            }
            if (q.username() != null && !q.username().isBlank()) {
                clauses.add("a.actor_username = ?");
                params.add(q.username().trim());
            }
            if (q.action() != null) {
                clauses.add("a.action = ?");
                params.add(q.action().name());
            }
            if (q.from() != null) {
                clauses.add("a.at >= ?");
                params.add(Timestamp.from(q.from()));
            }
            if (q.to() != null) {
                clauses.add("a.at < ?");
                params.add(Timestamp.from(q.to()));
            }
            return new Filter(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
        }
    }

}
