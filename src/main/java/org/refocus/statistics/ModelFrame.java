package org.refocus.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows and columns a model uses: complete cases only, factors expanded into treatment-contrast
 * dummy columns, clusters numbered 0..J−1. Mirrors what R's {@code model.frame} and
 * {@code model.matrix} do for lme4 (unused factor levels dropped, reference = first level).
 */
final class ModelFrame {

    final List<String> terms;
    /** Non-intercept fixed-effect columns, then the outcome; length N each. */
    final double[][] columns;
    final int[] cluster;
    final String[] clusterLabels;
    final int[] usedRows;
    final int dropped;

    private ModelFrame(List<String> terms, double[][] columns, int[] cluster, String[] clusterLabels,
            int[] usedRows, int dropped) {
        this.terms = terms;
        this.columns = columns;
        this.cluster = cluster;
        this.clusterLabels = clusterLabels;
        this.usedRows = usedRows;
        this.dropped = dropped;
    }

    int observations() {
        return cluster.length;
    }

    int groups() {
        return clusterLabels.length;
    }

    static ModelFrame build(Dataset data, String outcome, List<String> fixed, String clusterName) {
        Dataset.Column outcomeColumn = data.column(outcome);
        if (!(outcomeColumn instanceof Dataset.NumericColumn numericOutcome)) {
            throw new InvalidDataException("outcome column '" + outcome + "' is not numeric" + firstText(data, outcome));
        }
        List<Dataset.Column> fixedColumns = new ArrayList<>();
        for (String name : fixed) {
            if (name.equals(outcome)) {
                throw new InvalidDataException("column '" + name + "' is both the outcome and a fixed effect");
            }
            if (name.equals(clusterName)) {
                throw new InvalidDataException("column '" + name + "' is both the cluster and a fixed effect");
            }
            fixedColumns.add(data.column(name));
        }
        Dataset.Column clusterColumn = data.column(clusterName);

        int rows = data.rowCount();
        int used = 0;
        int[] usedRows = new int[rows];
        for (int row = 0; row < rows; row++) {
            boolean complete = !outcomeColumn.isMissing(row) && !clusterColumn.isMissing(row);
            for (int k = 0; complete && k < fixedColumns.size(); k++) {
                complete = !fixedColumns.get(k).isMissing(row);
            }
            if (complete) {
                usedRows[used++] = row;
            }
        }
        usedRows = Arrays.copyOf(usedRows, used);

        List<String> terms = new ArrayList<>();
        terms.add("(Intercept)");
        List<double[]> columns = new ArrayList<>();
        for (int k = 0; k < fixed.size(); k++) {
            Dataset.Column column = fixedColumns.get(k);
            if (column instanceof Dataset.NumericColumn numeric) {
                terms.add(fixed.get(k));
                columns.add(gather(numeric.values(), usedRows));
            } else {
                addDummies(fixed.get(k), (Dataset.TextColumn) column, usedRows, terms, columns);
            }
        }
        columns.add(gather(numericOutcome.values(), usedRows));

        int[] clusterCodes = new int[used];
        String[] labels = clusterIndex(data, clusterName, clusterColumn, usedRows, clusterCodes);
        return new ModelFrame(List.copyOf(terms), columns.toArray(new double[0][]), clusterCodes, labels,
                usedRows, rows - used);
    }

    /** Points at the first value that made a column text, so the user can find it. */
    private static String firstText(Dataset data, String name) {
        Dataset.TextColumn text = (Dataset.TextColumn) data.column(name);
        for (int row = 0; row < data.rowCount(); row++) {
            if (text.codes()[row] >= 0) {
                return " (data row " + (row + 1) + " holds '" + text.levels()[text.codes()[row]] + "')";
            }
        }
        return "";
    }

    private static double[] gather(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static void addDummies(String name, Dataset.TextColumn column, int[] rows, List<String> terms,
            List<double[]> columns) {
        int termsBefore = terms.size();
        int[] codes = column.codes();
        boolean[] present = new boolean[column.levels().length];
        for (int row : rows) {
            present[codes[row]] = true;
        }
        int reference = -1;
        for (int level = 0; level < present.length; level++) {
            if (!present[level]) {
                continue;
            }
            if (reference < 0) {
                reference = level;
                continue;
            }
            double[] dummy = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                dummy[i] = codes[rows[i]] == level ? 1.0 : 0.0;
            }
            terms.add(name + column.levels()[level]);
            columns.add(dummy);
        }
        if (terms.size() == termsBefore) {
            // R refuses too: "contrasts can be applied only to factors with 2 or more levels".
            throw new InvalidDataException("factor column '" + name + "' has fewer than two levels in the rows used");
        }
    }

    /** Numbers the clusters of the used rows 0..J−1 in sorted label order; returns the labels. */
    private static String[] clusterIndex(Dataset data, String name, Dataset.Column column, int[] rows,
            int[] out) {
        if (column instanceof Dataset.TextColumn text) {
            int[] map = new int[text.levels().length];
            Arrays.fill(map, -1);
            for (int row : rows) {
                map[text.codes()[row]] = 0;
            }
            List<String> labels = new ArrayList<>();
            for (int level = 0; level < map.length; level++) {
                if (map[level] == 0) {
                    map[level] = labels.size();
                    labels.add(text.levels()[level]);
                }
            }
            for (int i = 0; i < rows.length; i++) {
                out[i] = map[text.codes()[rows[i]]];
            }
            return labels.toArray(new String[0]);
        }
        double[] values = ((Dataset.NumericColumn) column).values();
        double[] distinct = gather(values, rows);
        Arrays.sort(distinct);
        int count = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[count++] = distinct[i];
            }
        }
        distinct = Arrays.copyOf(distinct, count);
        for (int i = 0; i < rows.length; i++) {
            out[i] = Arrays.binarySearch(distinct, values[rows[i]]);
        }
        String[] labels = new String[count];
        for (int j = 0; j < count; j++) {
            labels[j] = Dataset.formatNumber(distinct[j]);
        }
        return labels;
    }
}
