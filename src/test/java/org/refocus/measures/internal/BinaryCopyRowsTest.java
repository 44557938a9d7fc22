package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.refocus.testing.TestDatabases;

/** The binary COPY encoding, read back by a real PostgreSQL server: every value must arrive exactly. */
class BinaryCopyRowsTest {

    private static final List<String> DECIMALS = List.of("0", "0.0", "0.00", "1", "-1", "45", "60", "9999", "10000",
            "10001", "12345.6789", "100.0", "50.00", "0.05", "0.0001", "0.00001", "-2.5", "3.14159265358979",
            "123456789012345678901234567890.123456789", "1E+3", "-0.010", "99999999.99990000", "7.2500");

    @Test
    void numericsArriveExactlyAsTheirDecimalText() throws Exception {
        List<BigDecimal> values = new ArrayList<>(DECIMALS.stream().map(BigDecimal::new).toList());
        values.add(null);
        List<String> stored = roundTrip("numeric[]", rows -> rows.numericArray(values));
        List<String> expected = new ArrayList<>(DECIMALS.stream().map(d -> new BigDecimal(d).scale() < 0
                ? new BigDecimal(d).setScale(0).toPlainString() : new BigDecimal(d).toPlainString()).toList());
        expected.add(null);
        assertThat(stored).containsExactlyElementsOf(expected);
    }

    @Test
    void smallintArraysKeepTheirOrderAndTheirGaps() throws Exception {
        short[] codes = {3, 0, 4, -2, 32767};
        boolean[] present = {true, false, true, true, true};
        assertThat(roundTrip("smallint[]", rows -> rows.int2Array(codes, present, 5)))
                .containsExactly("3", null, "4", "-2", "32767");
        assertThat(roundTrip("smallint[]", rows -> rows.int2Array(codes, new boolean[] {true, true, true, true, true}, 3)))
                .containsExactly("3", "0", "4");
    }

    @Test
    void textArraysAndScalarsArriveAsWritten() throws Exception {
        assertThat(roundTrip("text[]", rows -> rows.textArray(Arrays.asList(null, "ITEMS_MISSING", "Ünïcödé, \"quoted\""))))
                .containsExactly(null, "ITEMS_MISSING", "Ünïcödé, \"quoted\"");
        try (Connection c = TestDatabases.server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create temporary table scalars (a bigint, b text, c boolean, d timestamptz, e bigint)");
            BinaryCopyRows rows = new BinaryCopyRows(16).header();
            rows.row(5).int8(-9_007_199_254_740_993L).text("qpr-15".getBytes(StandardCharsets.UTF_8)).bool(true)
                    .timestamptz(Instant.parse("2025-03-31T12:00:00.123456Z")).nullValue();
            rows.row(5).int8(0).text(new byte[0]).bool(false).timestamptz(Instant.parse("1999-12-31T23:59:59Z")).int8(7);
            copy(c, "scalars", rows.trailer());
            try (ResultSet r = s.executeQuery("select a, b, c, d at time zone 'UTC', e from scalars order by a")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(-9_007_199_254_740_993L);
                assertThat(r.getString(2)).isEqualTo("qpr-15");
                assertThat(r.getBoolean(3)).isTrue();
                assertThat(r.getString(4)).isEqualTo("2025-03-31 12:00:00.123456");
                assertThat(r.getObject(5)).isNull();
                r.next();
                assertThat(r.getString(2)).isEmpty();
                assertThat(r.getBoolean(3)).isFalse();
                assertThat(r.getString(4)).isEqualTo("1999-12-31 23:59:59");
                assertThat(r.getLong(5)).isEqualTo(7);
            }
        }
    }

    private interface Writes {
        void into(BinaryCopyRows rows);
    }

    /** Writes one row with one array column of the given type, then reads its elements back as text. */
    private static List<String> roundTrip(String type, Writes writes) throws Exception {
        try (Connection c = TestDatabases.server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create temporary table arrays (value " + type + ")");
            BinaryCopyRows rows = new BinaryCopyRows(16).header();
            writes.into(rows.row(1));
            copy(c, "arrays", rows.trailer());
            List<String> elements = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select e::text from arrays, unnest(value) with ordinality u(e, n) order by n")) {
                while (r.next()) {
                    elements.add(r.getString(1));
                }
            }
            return elements;
        }
    }

    private static void copy(Connection c, String table, BinaryCopyRows rows) throws Exception {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin (format binary)");
        in.writeToCopy(rows.buffer(), 0, rows.length());
        in.endCopy();
    }
}
