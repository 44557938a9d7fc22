package org.refocus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells that people open in a spreadsheet: quoted as RFC 4180 says, and never run as a formula. */
class CsvCellsTest {

    @Test
    void textThatASpreadsheetWouldRunStartsWithAnApostropheAndQuotingFollowsRfc4180() {
        assertThat(CsvCells.of("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.of("+1")).isEqualTo("'+1");
        assertThat(CsvCells.of("-2")).isEqualTo("'-2");
        assertThat(CsvCells.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.of(-2)).isEqualTo("-2");
        assertThat(CsvCells.of("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvCells.of("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvCells.of(null)).isEmpty();
        assertThat(CsvCells.of("plain")).isEqualTo("plain");
    }
}
