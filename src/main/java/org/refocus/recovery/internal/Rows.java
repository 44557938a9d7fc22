package org.refocus.recovery.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.refocus.recovery.Authorship;

/** Small helpers for reading and writing plan rows. */
final class Rows {

    /**
     * Who wrote and last changed the row aliased {@code x}. Display names are read from the account
     * table, as the people module does for care coordinators.
     */
    static final String AUTHOR_COLUMNS = "ca.display_name as created_by_name, "
            + "coalesce(ca.person_id = x.person_id, false) as created_by_person, x.created_at, "
            + "ua.display_name as updated_by_name, coalesce(ua.person_id = x.person_id, false) as updated_by_person, "
            + "x.updated_at";
    static final String AUTHOR_JOINS = " left join account ca on ca.id = x.created_by"
            + " left join account ua on ua.id = x.updated_by";

    private Rows() {
    }

    static Authorship author(ResultSet rs) throws SQLException {
        return new Authorship(rs.getString("created_by_name"), rs.getBoolean("created_by_person"),
                instant(rs.getTimestamp("created_at")), rs.getString("updated_by_name"),
                rs.getBoolean("updated_by_person"), instant(rs.getTimestamp("updated_at")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.stripTrailingZeros();
    }

    static List<Long> longs(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    static <E extends Enum<E>> List<E> codes(ResultSet rs, String column, Function<String, E> valueOf)
            throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        List<E> out = new ArrayList<>();
        for (String code : (String[]) array.getArray()) {
            out.add(valueOf.apply(code));
        }
        return out;
    }

    /** Today in the United Kingdom, where the service runs. */
    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Europe/London"));
    }

    /** Trimmed text, or null when blank: nothing is stored as an empty string. */
    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
