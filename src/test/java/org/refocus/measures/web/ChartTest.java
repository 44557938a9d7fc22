package org.refocus.measures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-drawn chart of a measure over time: where points go, and that an absent score breaks the line. */
class ChartTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);

    @Test
    void anAbsentScoreBreaksTheLineInsteadOfJoiningTheResultsAroundIt() {
        Chart chart = chart(value(JAN, "40"), value(JAN.plusDays(90), null), value(JAN.plusDays(180), "45"),
                value(JAN.plusDays(270), "50"));

        assertThat(chart.dots()).hasSize(3);
        assertThat(chart.lines()).as("the first result stands alone; the last two are joined").hasSize(1);
        assertThat(chart.lines().get(0).split(" ")).hasSize(2);
        assertThat(chart.lines().get(0)).doesNotContain(point(chart.dots().get(0)));
        assertThat(chart.lines().get(0)).startsWith(point(chart.dots().get(1)));
    }

    @Test
    void resultsWithoutGapsMakeOneLineThroughEveryDot() {
        Chart chart = chart(value(JAN, "0"), value(JAN.plusDays(30), "30"), value(JAN.plusDays(60), "60"));

        assertThat(chart.lines()).containsExactly(String.join(" ", chart.dots().stream().map(ChartTest::point).toList()));
        // 0 sits on the bottom axis and 60 (the maximum) on the top of the plot; dates run left to right.
        assertThat(chart.dots().get(0).y()).isEqualTo(chart.bottom());
        assertThat(chart.dots().get(2).y()).isEqualTo(chart.top());
        assertThat(chart.dots().get(0).x()).isEqualTo(chart.left());
        assertThat(chart.dots().get(2).x()).isEqualTo(chart.right());
        assertThat(chart.dots().get(1).label()).isEqualTo("30, 31 Jan 2025");
    }

    @Test
    void aSingleResultIsADotWithNoLine() {
        Chart chart = chart(value(JAN, "45"));
        assertThat(chart.dots()).hasSize(1);
        assertThat(chart.lines()).isEmpty();
        assertThat(chart.xTicks()).extracting(Chart.Tick::label).containsExactly("1 Jan 2025");
    }

    @Test
    void noResultAtAllDrawsNothing() {
        Chart chart = chart(value(JAN, null), value(JAN.plusDays(10), null));
        assertThat(chart.dots()).isEmpty();
        assertThat(chart.lines()).isEmpty();
    }

    private static Chart chart(Chart.Value... values) {
        return Chart.of("c", "QPR-15 total", "QPR-15 total over time", BigDecimal.ZERO, BigDecimal.valueOf(60),
                Arrays.asList(values), List.of(), false);
    }

    private static Chart.Value value(LocalDate date, String value) {
        return new Chart.Value(date, value == null ? null : new BigDecimal(value));
    }

    private static String point(Chart.Dot dot) {
        return dot.x() + "," + dot.y();
    }
}
