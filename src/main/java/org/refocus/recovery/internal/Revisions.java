package org.refocus.recovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.refocus.identity.Accounts;
import org.refocus.identity.StaffMember;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryPlan.Change;
import org.refocus.recovery.RecoveryPlan.FieldChange;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.PageOf;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps every version of every plan item (a JSON copy of the row after each change) and reads them
 * back as "what changed, by whom and when". Comparing consecutive versions happens in SQL.
 */
@Component
class Revisions {

    /** Bookkeeping columns that are not part of what an item says. */
    private static final String NOT_CONTENT = "array['id','person_id','created_at','created_by','updated_at',"
            + "'updated_by','version']";
    /** Keys never shown as changes: links to the parent item, and the order of values (shown as a move). */
    private static final Set<String> HIDDEN = Set.of("assessment_id", "goal_id", "domain_id", "removed",
            "review_id");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern ARRAY_ITEM = Pattern.compile("\"([^\"]*)\"|(-?\\d+)");

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Accounts accounts;

    Revisions(JdbcClient jdbc, MessageSource messages, Accounts accounts) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.accounts = accounts;
    }

    /** Saves the item's current row as a new version, in the caller's transaction. */
    void record(RecordType type, long recordId, Subject subject, String change) {
        String content = type == RecordType.REVIEW
                ? "to_jsonb(t) - " + NOT_CONTENT + " || jsonb_build_object('ratings', (select coalesce(jsonb_agg("
                        + "jsonb_build_object('goal_id', r.goal_id, 'attainment', r.attainment, 'weight', r.weight, "
                        + "'comment', r.comment) order by r.goal_id), '[]'::jsonb) from recovery_goal_rating r "
                        + "where r.review_id = t.id))"
                : "to_jsonb(t) - " + NOT_CONTENT;
        jdbc.sql("insert into recovery_revision (person_id, record_type, record_id, record_version, change, changed_by, "
                        + "by_the_person, content) select t.person_id, ?, t.id, t.version, ?, ?, ?, " + content
                        + " from " + type.table() + " t where t.id = ?")
                .params(type.code(), change, AuthenticatedActor.currentAccountId(), subject.isThePerson(), recordId)
                .update();
    }

    PageOf<Change> page(long personId, RecordType type, Long recordId, int page, int size) {
        String filter = type == null ? "" : recordId == null ? " and r.record_type = ?" : " and r.record_type = ? and r.record_id = ?";
        List<Object> params = new ArrayList<>();
        params.add(personId);
        if (type != null) {
            params.add(type.code());
            if (recordId != null) {
                params.add(recordId);
            }
        }
        long total = jdbc.sql("select count(*) from recovery_revision r where r.person_id = ?" + filter)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Change> changes = read(personId, filter, pageParams, " order by id desc limit ? offset ?");
        return new PageOf<>(changes, page, size, total);
    }

    /** Versions saved after {@code since} by the person ({@code byThePerson}) or by anyone else, newest first. */
    List<Change> since(long personId, Instant since, boolean byThePerson, int limit) {
        // Contacts are staff records of meetings, not part of the plan the person writes.
        return read(personId, " and r.changed_at > ? and r.by_the_person = ? and r.record_type <> 'recovery_contact'",
                List.of(personId, java.sql.Timestamp.from(since), byThePerson, limit), " order by id desc limit ?");
    }

    private List<Change> read(long personId, String filter, List<Object> params, String order) {
        String sql = """
                with chosen as (
                    select r.id, r.record_type, r.record_id, r.change, r.changed_at, r.by_the_person, r.content,
                           a.display_name as changed_by,
                           (select p.content from recovery_revision p where p.record_type = r.record_type
                              and p.record_id = r.record_id and p.id < r.id order by p.id desc limit 1) as previous
                    from recovery_revision r left join account a on a.id = r.changed_by
                    where r.person_id = ?%s%s
                )
                select c.id, c.record_type, c.record_id, c.change, c.changed_at, c.by_the_person, c.changed_by,
                       case c.record_type
                           when 'recovery_strength_entry' then (select d.name from recovery_life_domain d
                                                                where d.id = (c.content->>'domain_id')::bigint)
                           else coalesce(c.content->>'words', c.content->>'what', c.content->>'name',
                                         c.content->>'assessed_on', c.content->>'held_on',
                                         c.content->>'reviewed_on', c.content->>'contact_on', '')
                       end as label,
                       k.key, c.previous->>k.key as before, c.content->>k.key as after
                from chosen c
                left join lateral (
                    select k.key from jsonb_object_keys(c.content) as k(key)
                    where (c.previous is null and c.content->k.key <> 'null'::jsonb
                           and c.content->k.key <> '[]'::jsonb and c.content->k.key <> 'false'::jsonb)
                       or (c.previous is not null and c.previous->k.key is distinct from c.content->k.key)
                ) k on true
                order by c.id desc, k.key""".formatted(filter, order.replace("order by id", "order by r.id"));
        List<Object> all = params;
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql(sql).params(all).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            long id = rs.getLong("id");
            Row row = rows.get(id);
            if (row == null) {
                row = new Row(rs);
                rows.put(id, row);
            }
            String key = rs.getString("key");
            if (key != null && !HIDDEN.contains(key)) {
                row.fields.add(new String[] {key, rs.getString("before"), rs.getString("after")});
            }
        });
        Lookups lookups = new Lookups(personId);
        return rows.values().stream().map(r -> r.toChange(lookups)).toList();
    }

    private final class Row {
        final long id;
        final RecordType type;
        final long recordId;
        final String change;
        final Instant changedAt;
        final boolean byThePerson;
        final String changedBy;
        final String label;
        final List<String[]> fields = new ArrayList<>();

        Row(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            type = RecordType.ofCode(rs.getString("record_type"));
            recordId = rs.getLong("record_id");
            change = rs.getString("change");
            changedAt = rs.getTimestamp("changed_at").toInstant();
            byThePerson = rs.getBoolean("by_the_person");
            changedBy = rs.getString("changed_by");
            label = rs.getString("label");
        }

        Change toChange(Lookups lookups) {
            List<FieldChange> formatted = fields.stream().map(f -> new FieldChange(fieldLabel(type, f[0]),
                    lookups.format(f[0], f[1]), lookups.format(f[0], f[2]))).toList();
            return new Change(id, type, recordId, change, changedAt, changedBy, byThePerson,
                    lookups.format(labelKey(type), label), formatted);
        }
    }

    private static String labelKey(RecordType type) {
        return switch (type) {
            case STRENGTHS_ASSESSMENT -> "assessed_on";
            case CONVERSATION -> "held_on";
            case REVIEW -> "reviewed_on";
            case CONTACT -> "contact_on";
            default -> "label";
        };
    }

    private String fieldLabel(RecordType type, String key) {
        String specific = messages.getMessage("recovery.field." + type.code() + "." + key, null, null, Locale.UK);
        return specific != null ? specific
                : messages.getMessage("recovery.field." + key, null, key.replace('_', ' '), Locale.UK);
    }

    /** Turns stored values into words: enum codes into labels, ids into names, dates into days. */
    private final class Lookups {
        private final long personId;
        private Map<Long, String> values;
        private Map<Long, String> domains;
        private final Map<Long, String> staff = new HashMap<>();

        Lookups(long personId) {
            this.personId = personId;
        }

        String format(String key, String raw) {
            if (raw == null || raw.isEmpty()) {
                return raw;
            }
            return switch (key) {
                case "value_ids" -> joined(raw, id -> values().getOrDefault(id, "?"));
                case "domain_ids" -> joined(raw, id -> domains().getOrDefault(id, "?"));
                case "staff_ids" -> joined(raw, this::staffName);
                case "owner_account_id" -> staffName(Long.parseLong(raw));
                case "chime" -> codes(raw, "recovery.chime.");
                case "practices" -> codes(raw, "recovery.practice.");
                case "status" -> message("recovery.goal.status." + raw, raw);
                case "area" -> message("recovery.preference.area." + raw, raw);
                case "voice" -> message("recovery.voice." + raw, raw);
                case "owner_kind" -> message("recovery.step.owner." + raw, raw);
                case "kind" -> message("recovery.contact.kind." + raw, raw);
                case "done", "advance_statement", "with_the_person", "removed" ->
                        message("recovery.boolean." + raw, raw);
                case "ratings" -> message("recovery.history.ratings", raw);
                default -> raw.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(raw).format(DAY) : raw;
            };
        }

        private String message(String key, String fallback) {
            return messages.getMessage(key, null, fallback, Locale.UK);
        }

        private String codes(String raw, String prefix) {
            List<String> out = new ArrayList<>();
            Matcher m = ARRAY_ITEM.matcher(raw);
            while (m.find()) {
                out.add(message(prefix + m.group(1), m.group(1)));
            }
            return String.join(", ", out);
        }

        private String joined(String raw, java.util.function.LongFunction<String> name) {
            List<String> out = new ArrayList<>();
            Matcher m = ARRAY_ITEM.matcher(raw);
            while (m.find()) {
                if (m.group(2) != null) {
                    out.add(name.apply(Long.parseLong(m.group(2))));
                }
            }
            return String.join("; ", out);
        }

        private Map<Long, String> values() {
            if (values == null) {
                values = new HashMap<>();
                jdbc.sql("select id, words from recovery_value where person_id = ?").param(personId)
                        .query((rs, n) -> values.put(rs.getLong(1), rs.getString(2))).list();
            }
            return values;
        }

        private Map<Long, String> domains() {
            if (domains == null) {
                domains = new HashMap<>();
                jdbc.sql("select id, name from recovery_life_domain")
                        .query((rs, n) -> domains.put(rs.getLong(1), rs.getString(2))).list();
            }
            return domains;
        }

        private String staffName(long id) {
            return staff.computeIfAbsent(id, i -> {
                StaffMember member = accounts.staff(List.of(i)).get(i);
                return member == null ? "?" : member.displayName();
            });
        }
    }
}
