package org.refocus.programme.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's budget as a ledger: allocations add, spending takes away, and a correction adds the signed
 * difference it records. Entries are never edited, so the history of every amount stays visible. Pure.
 */
public final class BudgetLedger {

    private BudgetLedger() {
    }

    /** @param amountPence positive for allocations and spending; the signed difference for a correction */
    public record Entry(long id, BudgetEntryKind kind, long amountPence, Long correctsEntryId) {
    }

    /** An entry with its effect on the balance and the balance after it. */
    public record Line(Entry entry, long effectPence, long balancePence) {
    }

    public record Totals(long allocatedPence, long spentPence, long balancePence) {
    }

    /** The entries in the order given (the order they were recorded), each with the running balance. */
    public static List<Line> lines(List<Entry> entries) {
        List<Line> lines = new ArrayList<>(entries.size());
        long balance = 0;
        for (Entry e : entries) {
            long effect = effect(e);
            balance = Math.addExact(balance, effect);
            lines.add(new Line(e, effect, balance));
        }
        return lines;
    }

    /** Allocated and spent after corrections (a correction belongs to the kind of the entry it corrects). */
    public static Totals totals(List<Entry> entries) {
        Map<Long, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        long allocated = 0;
        long spent = 0;
        for (Entry e : entries) {
            BudgetEntryKind kind = e.kind() == BudgetEntryKind.CORRECTION ? kindOfCorrected(e, byId) : e.kind();
            if (kind == BudgetEntryKind.ALLOCATION) {
                allocated += effect(e);
            } else if (kind == BudgetEntryKind.SPENDING) {
                spent -= effect(e);
            }
        }
        return new Totals(allocated, spent, allocated - spent);
    }

    /**
     * The correction that makes entry {@code correctedId} count as {@code rightAmountPence} (0 or more),
     * given the corrections already made to it.
     *
     * @return the signed difference to record
     * @throws IllegalArgumentException when the entry is unknown, is itself a correction, or the amount
     *                                  would not change
     */
    public static long correction(List<Entry> entries, long correctedId, long rightAmountPence) {
        Entry corrected = entries.stream().filter(e -> e.id() == correctedId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown entry"));
        if (corrected.kind() == BudgetEntryKind.CORRECTION) {
            throw new IllegalArgumentException("correct the original entry, not a correction");
        }
        if (rightAmountPence < 0) {
            throw new IllegalArgumentException("amount must be 0 or more");
        }
        long current = effect(corrected);
        for (Entry e : entries) {
            if (e.kind() == BudgetEntryKind.CORRECTION && e.correctsEntryId() != null
                    && e.correctsEntryId() == correctedId) {
                current += e.amountPence();
            }
        }
        long wanted = corrected.kind() == BudgetEntryKind.ALLOCATION ? rightAmountPence : -rightAmountPence;
        long difference = wanted - current;
        if (difference == 0) {
            throw new IllegalArgumentException("amount unchanged");
        }
        return difference;
    }

    /** What an entry currently counts as, after its corrections, as a positive amount. */
    public static long correctedAmount(List<Entry> entries, long entryId) {
        Entry entry = entries.stream().filter(e -> e.id() == entryId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown entry"));
        long value = effect(entry);
        for (Entry e : entries) {
            if (e.kind() == BudgetEntryKind.CORRECTION && e.correctsEntryId() != null && e.correctsEntryId() == entryId) {
                value += e.amountPence();
            }
        }
        return Math.abs(value);
    }

    private static long effect(Entry e) {
        return switch (e.kind()) {
            case ALLOCATION, CORRECTION -> e.amountPence();
            case SPENDING -> -e.amountPence();
        };
    }

    private static BudgetEntryKind kindOfCorrected(Entry correction, Map<Long, Entry> byId) {
        Entry target = byId.get(correction.correctsEntryId());
        return target == null ? BudgetEntryKind.CORRECTION : target.kind();
    }
}
