package org.refocus.measures.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn on the server as SVG: no JavaScript, no inline styles (colours and sizes are SVG
 * presentation attributes, which the Content-Security-Policy allows). Always shown with a data table,
 * which carries the same numbers for screen readers and for anyone who prefers a table; the SVG has a
 * title and a one-sentence description. The line breaks where a score is absent, so that it never joins
 * two results across one that could not be scored (the table says why it is absent).
 */
public record Chart(String id, String title, String description, int width, int height, List<String> lines,
        List<Dot> dots, List<Tick> yTicks, List<Tick> xTicks, List<Guide> guides, int left, int right, int top,
        int bottom) {

    /** A point: its position, and the text a pointer shows (SVG title). */
    public record Dot(double x, double y, String label) {
    }

    public record Tick(double position, String label) {
    }

    /** A horizontal line at a published threshold, for example a cut-off. */
    public record Guide(double y, String label) {
    }

    /** One value to plot; a null value leaves a gap in the line. */
    public record Value(LocalDate date, BigDecimal value) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 52;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    public static Chart of(String id, String title, String description, BigDecimal minimum, BigDecimal maximum,
            List<Value> values, List<Guide> guideValues, boolean monthly) {
        double min = minimum.doubleValue();
        double max = maximum.doubleValue();
        double span = max - min == 0 ? 1 : max - min;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        LocalDate first = values.isEmpty() ? LocalDate.now() : values.get(0).date();
        LocalDate last = values.isEmpty() ? first : values.get(values.size() - 1).date();
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        boolean single = values.size() < 2 || first.equals(last);

        List<Dot> dots = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int pointsInLine = 0;
        for (Value v : values) {
            if (v.value() == null) {
                endLine(lines, line, pointsInLine);
                pointsInLine = 0;
                continue;
            }
            double x = single ? LEFT + plotWidth / 2.0 : LEFT + plotWidth * ChronoUnit.DAYS.between(first, v.date()) / (double) days;
            double y = TOP + plotHeight * (1 - (v.value().doubleValue() - min) / span);
            dots.add(new Dot(round(x), round(y), v.value().stripTrailingZeros().toPlainString() + ", "
                    + (monthly ? MONTH : DAY).format(v.date())));
            line.append(line.length() == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
            pointsInLine++;
        }
        endLine(lines, line, pointsInLine);
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = min + span * i / 4;
            yTicks.add(new Tick(round(TOP + plotHeight * (1 - i / 4.0)), BigDecimal.valueOf(value)
                    .setScale(span >= 8 || value == Math.rint(value) ? 0 : 1, RoundingMode.HALF_UP).toPlainString()));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (single) {
            xTicks.add(new Tick(LEFT + plotWidth / 2.0, (monthly ? MONTH : DAY).format(first)));
        } else {
            xTicks.add(new Tick(LEFT, (monthly ? MONTH : DAY).format(first)));
            xTicks.add(new Tick(LEFT + plotWidth, (monthly ? MONTH : DAY).format(last)));
        }
        List<Guide> guides = new ArrayList<>();
        for (Guide g : guideValues) {
            if (g.y() > min && g.y() < max) {
                guides.add(new Guide(round(TOP + plotHeight * (1 - (g.y() - min) / span)), g.label()));
            }
        }
        return new Chart(id, title, description, WIDTH, HEIGHT, List.copyOf(lines), dots, yTicks, xTicks, guides, LEFT,
                WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
    }

    /** A run of two or more results becomes a line; a lone result is shown by its dot alone. */
    private static void endLine(List<String> lines, StringBuilder line, int points) {
        if (points >= 2) {
            lines.add(line.toString());
        }
        line.setLength(0);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
