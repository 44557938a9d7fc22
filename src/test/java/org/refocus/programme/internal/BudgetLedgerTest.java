package org.refocus.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.programme.internal.BudgetLedger.Entry;

class BudgetLedgerTest {

    private final List<Entry> entries = new ArrayList<>(List.of(
            new Entry(1, BudgetEntryKind.ALLOCATION, 50_000, null),
            new Entry(2, BudgetEntryKind.SPENDING, 12_550, null),
            new Entry(3, BudgetEntryKind.SPENDING, 2_000, null)));

    @Test
    void keepsARunningBalanceInTheOrderEntriesWereRecorded() {
        assertThat(BudgetLedger.lines(entries)).extracting(BudgetLedger.Line::balancePence)
                .containsExactly(50_000L, 37_450L, 35_450L);
        assertThat(BudgetLedger.totals(entries)).isEqualTo(new BudgetLedger.Totals(50_000, 14_550, 35_450));
    }

    @Test
    void aCorrectionIsANewEntryWithTheSignedDifference() {
        long difference = BudgetLedger.correction(entries, 2, 10_550);
        assertThat(difference).isEqualTo(2_000);
        entries.add(new Entry(4, BudgetEntryKind.CORRECTION, difference, 2L));
        assertThat(BudgetLedger.lines(entries).get(3).balancePence()).isEqualTo(37_450);
        assertThat(BudgetLedger.totals(entries)).isEqualTo(new BudgetLedger.Totals(50_000, 12_550, 37_450));
        assertThat(BudgetLedger.correctedAmount(entries, 2)).isEqualTo(10_550);
    }

    @Test
    void aSecondCorrectionStartsFromTheAlreadyCorrectedAmount() {
        entries.add(new Entry(4, BudgetEntryKind.CORRECTION, -10_000, 1L));
        assertThat(BudgetLedger.correctedAmount(entries, 1)).isEqualTo(40_000);
        assertThat(BudgetLedger.correction(entries, 1, 45_000)).isEqualTo(5_000);
        assertThat(BudgetLedger.correction(entries, 3, 0)).isEqualTo(2_000);
    }

    @Test
    void refusesCorrectionsThatChangeNothingOrCorrectACorrection() {
        entries.add(new Entry(4, BudgetEntryKind.CORRECTION, 100, 2L));
        assertThatThrownBy(() -> BudgetLedger.correction(entries, 3, 2_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetLedger.correction(entries, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetLedger.correction(entries, 99, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetLedger.correction(entries, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
