package org.refocus.measures.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, written into one growable byte buffer. The server
 * reads binary values without parsing text, which for arrays, numerics and timestamps is most of the
 * cost of a text {@code COPY}. Format: the "Binary Format" section of the PostgreSQL {@code COPY} manual
 * page; each value is its type's {@code send} representation (big-endian).
 */
final class BinaryCopyRows {

    static final int INT2_OID = 21;
    static final int TEXT_OID = 25;
    static final int NUMERIC_OID = 1700;

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;

    private byte[] buffer;
    private int length;

    BinaryCopyRows(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    /** The signature and header that start a binary COPY stream. */
    BinaryCopyRows header() {
        bytes(HEADER, 0, HEADER.length);
        return this;
    }

    /** The marker that ends a binary COPY stream. */
    BinaryCopyRows trailer() {
        return int16(-1);
    }

    BinaryCopyRows row(int fields) {
        return int16(fields);
    }

    BinaryCopyRows nullValue() {
        return int32(-1);
    }

    BinaryCopyRows int8(long value) {
        return int32(8).int64(value);
    }

    BinaryCopyRows bool(boolean value) {
        ensure(5);
        int32(1);
        buffer[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A text value already encoded as UTF-8 (constants are encoded once, not per row). */
    BinaryCopyRows text(byte[] utf8) {
        int32(utf8.length);
        return bytes(utf8, 0, utf8.length);
    }

    BinaryCopyRows timestamptz(Instant at) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                at.getNano() / 1_000);
        return int32(8).int64(micros);
    }

    /** A one-dimensional {@code smallint[]}; {@code present[i] == false} writes NULL for element i. */
    BinaryCopyRows int2Array(short[] values, boolean[] present, int count) {
        boolean anyNull = false;
        for (int i = 0; i < count; i++) {
            anyNull |= !present[i];
        }
        int size = 20;
        for (int i = 0; i < count; i++) {
            size += present[i] ? 6 : 4;
        }
        int32(size);
        arrayHeader(anyNull, INT2_OID, count);
        ensure(count * 6);
        for (int i = 0; i < count; i++) {
            if (present[i]) {
                int32(2).int16(values[i]);
            } else {
                int32(-1);
            }
        }
        return this;
    }

    /** A one-dimensional {@code numeric[]} with the exact decimal values; a null element writes NULL. */
    BinaryCopyRows numericArray(List<BigDecimal> values) {
        int lengthAt = length;
        int32(0);
        int start = length;
        boolean anyNull = values.contains(null);
        arrayHeader(anyNull, NUMERIC_OID, values.size());
        for (BigDecimal value : values) {
            if (value == null) {
                int32(-1);
            } else {
                int elementAt = length;
                int32(0);
                numeric(value);
                patchInt32(elementAt, length - elementAt - 4);
            }
        }
        patchInt32(lengthAt, length - start);
        return this;
    }

    /** A one-dimensional {@code text[]}; a null element writes NULL. */
    BinaryCopyRows textArray(List<String> values) {
        int lengthAt = length;
        int32(0);
        int start = length;
        arrayHeader(values.contains(null), TEXT_OID, values.size());
        for (String value : values) {
            if (value == null) {
                int32(-1);
            } else {
                text(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        patchInt32(lengthAt, length - start);
        return this;
    }

    /** Appends bytes written elsewhere (a whole row taken from another buffer). */
    BinaryCopyRows bytes(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, buffer, length, count);
        length += count;
        return this;
    }

    /**
     * PostgreSQL's {@code numeric_send}: digit count, weight of the first base-10,000 digit, sign, display
     * scale, then the base-10,000 digits, most significant first, without leading or trailing zero digits.
     */
    private void numeric(BigDecimal value) {
        int displayScale = Math.max(0, value.scale());
        BigDecimal magnitude = value.abs();
        if (value.scale() < 0) {
            magnitude = magnitude.setScale(0);
        }
        int scale = magnitude.scale();
        int alignedScale = (scale + 3) / 4 * 4;
        BigInteger whole = magnitude.unscaledValue().multiply(BigInteger.TEN.pow(alignedScale - scale));
        short[] digits = new short[whole.bitLength() / 13 + 2];
        int count = 0;
        while (whole.signum() > 0) {
            BigInteger[] divided = whole.divideAndRemainder(TEN_THOUSAND);
            digits[count++] = divided[1].shortValue();
            whole = divided[0];
        }
        // digits[0] is the least significant; its weight is -alignedScale / 4.
        int lowest = 0;
        while (lowest < count && digits[lowest] == 0) {
            lowest++;
        }
        int ndigits = count - lowest;
        int weight = ndigits == 0 ? 0 : count - 1 - alignedScale / 4;
        ensure(8 + 2 * ndigits);
        int16(ndigits).int16(weight).int16(value.signum() < 0 && ndigits > 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE)
                .int16(displayScale);
        for (int i = count - 1; i >= lowest; i--) {
            int16(digits[i]);
        }
    }

    private void arrayHeader(boolean anyNull, int elementOid, int count) {
        int32(1).int32(anyNull ? 1 : 0).int32(elementOid).int32(count).int32(1);
    }

    private BinaryCopyRows int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    private BinaryCopyRows int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    private BinaryCopyRows int64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    private void patchInt32(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
