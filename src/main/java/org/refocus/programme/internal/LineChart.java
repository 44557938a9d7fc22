package org.refocus.programme.internal;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of a server-rendered SVG line chart of monthly values: coordinates, axis ticks and the
 * line's segments (a month without a value breaks the line rather than inventing one). The page draws it
 * with SVG attributes only (no inline style, so it works under the strict Content-Security-Policy) and
 * always shows the same numbers in a table. Pure.
 */
public record LineChart(int width, int height, int left, int right, int top, int bottom, List<String> segments,
        List<Point> points, List<Tick> xTicks, List<Tick> yTicks, boolean empty) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

    public record Point(double x, double y, String month, String value) {
    }

    public record Tick(double position, String label) {
    }

    /** A chart of the given months (in order) with the values that exist, on a fixed y range. */
    public static LineChart of(List<YearMonth> months, Map<YearMonth, Double> values, double yMin, double yMax,
            int yDecimals) {
        int width = 640;
        int height = 240;
        int left = 48;
        int right = width - 32;
        int top = 16;
        int bottom = height - 40;
        int n = months.size();
        List<Point> points = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        List<Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i++) {
            YearMonth month = months.get(i);
            double x = n == 1 ? (left + right) / 2.0 : left + (right - left) * (double) i / (n - 1);
            if (i % every == 0 || i == n - 1) {
                xTicks.add(new Tick(round(x), MONTH.format(month)));
            }
            Double v = values.get(month);
            if (v == null || v.isNaN()) {
                flush(segment, segments);
                continue;
            }
            double clamped = Math.max(yMin, Math.min(yMax, v));
            double y = bottom - (bottom - top) * (clamped - yMin) / (yMax - yMin);
            points.add(new Point(round(x), round(y), MONTH.format(month), format(v, yDecimals)));
            segment.append(segment.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        flush(segment, segments);
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = yMin + (yMax - yMin) * i / 4;
            yTicks.add(new Tick(round(bottom - (bottom - top) * i / 4.0), format(value, yDecimals)));
        }
        return new LineChart(width, height, left, right, top, bottom, List.copyOf(segments), List.copyOf(points),
                List.copyOf(xTicks), List.copyOf(yTicks), points.isEmpty());
    }

    private static void flush(StringBuilder segment, List<String> segments) {
        if (!segment.isEmpty()) {
            // A single point still needs two coordinates to draw; its marker shows it anyway.
            segments.add(segment.toString());
            segment.setLength(0);
        }
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static String format(double v, int decimals) {
        return String.format(Locale.UK, "%." + decimals + "f", v);
    }
}
