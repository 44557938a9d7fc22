package org.refocus.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void placesValuesOnTheScaleAndBreaksTheLineWhereAMonthHasNoValue() {
        YearMonth jan = YearMonth.of(2026, 1);
        List<YearMonth> months = List.of(jan, jan.plusMonths(1), jan.plusMonths(2), jan.plusMonths(3));
        LineChart chart = LineChart.of(months, Map.of(jan, 0.0, jan.plusMonths(1), 50.0, jan.plusMonths(3), 100.0),
                0, 100, 0);
        assertThat(chart.points()).extracting(LineChart.Point::y).containsExactly(200.0, 108.0, 16.0);
        assertThat(chart.points()).extracting(LineChart.Point::x).containsExactly(48.0, 234.7, 608.0);
        assertThat(chart.segments()).containsExactly("48.0,200.0 234.7,108.0", "608.0,16.0");
        assertThat(chart.yTicks()).extracting(LineChart.Tick::label).containsExactly("0", "25", "50", "75", "100");
        assertThat(chart.empty()).isFalse();
    }

    @Test
    void aChartWithoutValuesIsEmpty() {
        assertThat(LineChart.of(List.of(YearMonth.of(2026, 1)), Map.of(), 0, 1, 2).empty()).isTrue();
    }
}
