package org.refocus.measures.internal;

/**
 * A 64-bit fingerprint of every (person, day, answers) an import has written so far, so that only rows
 * that may repeat an earlier chunk of the file are looked up in the database, where the comparison is
 * exact. A fingerprint match is a reason to look, never a verdict. Open addressing over a {@code long[]}:
 * about 16 bytes per row at most, 16 MB for a million rows.
 */
final class SeenResponses {

    private long[] slots = new long[1 << 16];
    private int size;

    /** The fingerprint of one response: person, epoch day and answer codes in item order. */
    static long fingerprint(long person, int day, short[] codes, int from, int to) {
        long h = mix(person * 0x9E3779B97F4A7C15L + day);
        for (int i = from; i < to; i++) {
            h = (h ^ (codes[i] & 0xFFFF)) * 0x100000001B3L;
        }
        long fingerprint = mix(h);
        return fingerprint == 0 ? 1 : fingerprint;
    }

    boolean contains(long fingerprint) {
        int mask = slots.length - 1;
        for (int i = (int) fingerprint & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    void add(long fingerprint) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (insert(slots, fingerprint)) {
            size++;
        }
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long f : slots) {
            if (f != 0) {
                insert(larger, f);
            }
        }
        slots = larger;
    }

    private static boolean insert(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int i = (int) fingerprint & mask;
        for (; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == fingerprint) {
                return false;
            }
        }
        table[i] = fingerprint;
        return true;
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole result. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
