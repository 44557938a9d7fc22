package org.refocus.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An immutable table of named columns, each either numeric or text, all of the same length.
 *
 * <p>Missing values are {@link Double#NaN} in numeric columns and {@code null} in text columns.
 * Text columns are dictionary-encoded when the data set is built (levels in sorted order), so that
 * model fitting never hashes strings row by row. Column order is the order in which columns were
 * added.
 */
public final class Dataset {

    /** A column: either numeric values or dictionary codes into sorted levels. */
    sealed interface Column permits NumericColumn, TextColumn {
        int length();

        boolean isMissing(int row);
    }

    /** Numeric values; NaN marks a missing value. */
    record NumericColumn(double[] values) implements Column {
        @Override
        public int length() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }
    }

    /** Text values as codes into {@code levels} (sorted, distinct); code -1 marks a missing value. */
    record TextColumn(int[] codes, String[] levels) implements Column {
        @Override
        public int length() {
            return codes.length;
        }

        @Override
        public boolean isMissing(int row) {
            return codes[row] < 0;
        }
    }

    private final Map<String, Column> columns;
    private final int rowCount;

    private Dataset(Map<String, Column> columns, int rowCount) {
        this.columns = Collections.unmodifiableMap(columns);
        this.rowCount = rowCount;
    }

    /** Starts an empty data set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of rows, including rows with missing values. */
    public int rowCount() {
        return rowCount;
    }

    /** The column names, in the order the columns were added. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** Whether a column of this exact name exists. */
    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /**
     * Whether the column holds numbers.
     *
     * @throws InvalidDataException if there is no such column
     */
    public boolean isNumeric(String name) {
        return column(name) instanceof NumericColumn;
    }

    /** The number of missing values in a column. */
    public int missingCount(String name) {
        Column column = column(name);
        int missing = 0;
        for (int row = 0; row < rowCount; row++) {
            if (column.isMissing(row)) {
                missing++;
            }
        }
        return missing;
    }

    /**
     * A copy of a numeric column, NaN where missing.
     *
     * @throws InvalidDataException if the column is missing or holds text
     */
    public double[] numeric(String name) {
        if (!(column(name) instanceof NumericColumn numeric)) {
            throw new InvalidDataException("column '" + name + "' is not numeric");
        }
        return numeric.values().clone();
    }

    /**
     * The value in a cell as text, {@code null} where missing. Whole numbers are written without a
     * decimal point ({@code 3}, not {@code 3.0}), so numeric team codes read as R prints them.
     */
    public String label(String name, int row) {
        Column column = column(name);
        if (column instanceof TextColumn text) {
            int code = text.codes()[row];
            return code < 0 ? null : text.levels()[code];
        }
        double value = ((NumericColumn) column).values()[row];
        return Double.isNaN(value) ? null : formatNumber(value);
    }

    /** A new data set holding the given rows, in the given order (rows may repeat). */
    public Dataset selectRows(int[] rows) {
        Map<String, Column> selected = new LinkedHashMap<>();
        for (Map.Entry<String, Column> entry : columns.entrySet()) {
            Column column = entry.getValue();
            if (column instanceof NumericColumn numeric) {
                double[] values = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    values[i] = numeric.values()[rows[i]];
                }
                selected.put(entry.getKey(), new NumericColumn(values));
            } else {
                TextColumn text = (TextColumn) column;
                int[] codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    codes[i] = text.codes()[rows[i]];
                }
                // Levels are kept as they are: a model drops levels that no used row has.
                selected.put(entry.getKey(), new TextColumn(codes, text.levels()));
            }
        }
        return new Dataset(selected, rows.length);
    }

    /** A new data set with one more numeric column (or with that column replaced). */
    public Dataset withNumeric(String name, double[] values) {
        return with(name, Builder.numericColumn(name, values, rowCount));
    }

    /** A new data set with one more text column (or with that column replaced). */
    public Dataset withText(String name, String[] values) {
        return with(name, Builder.textColumn(name, values, rowCount));
    }

    private Dataset with(String name, Column column) {
        Map<String, Column> copy = new LinkedHashMap<>(columns);
        copy.put(name, column);
        return new Dataset(copy, rowCount);
    }

    Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new InvalidDataException(
                    "column '" + name + "' not found (columns: " + String.join(", ", columns.keySet()) + ")");
        }
        return column;
    }

    static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Collects columns; every column must have the same length. */
    public static final class Builder {
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private int rowCount = -1;

        private Builder() {
        }

        /**
         * Adds a numeric column; NaN marks a missing value.
         *
         * @throws IllegalArgumentException on a duplicate name, a length that differs from earlier
         *     columns, or an infinite value
         */
        public Builder numeric(String name, double[] values) {
            return add(name, numericColumn(name, values, rowCount));
        }

        /**
         * Adds a text column; {@code null} marks a missing value. The column's levels are its distinct
         * values in sorted ({@link String#compareTo}) order.
         */
        public Builder text(String name, String[] values) {
            return add(name, textColumn(name, values, rowCount));
        }

        private Builder add(String name, Column column) {
            if (columns.containsKey(name)) {
                throw new InvalidDataException("duplicate column name '" + name + "'");
            }
            columns.put(name, column);
            rowCount = column.length();
            return this;
        }

        /** The data set; an empty builder gives a data set with no columns and no rows. */
        public Dataset build() {
            return new Dataset(new LinkedHashMap<>(columns), Math.max(rowCount, 0));
        }

        private static void checkLength(String name, int length, int expected) {
            if (expected >= 0 && length != expected) {
                throw new InvalidDataException(
                        "column '" + name + "' has " + length + " rows; expected " + expected);
            }
        }

        static NumericColumn numericColumn(String name, double[] values, int expected) {
            Objects.requireNonNull(name, "name");
            checkLength(name, values.length, expected);
            for (double value : values) {
                if (Double.isInfinite(value)) {
                    throw new InvalidDataException("column '" + name + "' has an infinite value");
                }
            }
            return new NumericColumn(values.clone());
        }

        static TextColumn textColumn(String name, String[] values, int expected) {
            Objects.requireNonNull(name, "name");
            checkLength(name, values.length, expected);
            TreeSet<String> distinct = new TreeSet<>();
            for (String value : values) {
                if (value != null) {
                    distinct.add(value);
                }
            }
            String[] levels = distinct.toArray(new String[0]);
            Map<String, Integer> index = new HashMap<>(levels.length * 2);
            for (int i = 0; i < levels.length; i++) {
                index.put(levels[i], i);
            }
            int[] codes = new int[values.length];
            for (int row = 0; row < values.length; row++) {
                codes[row] = values[row] == null ? -1 : index.get(values[row]);
            }
            return new TextColumn(codes, levels);
        }
    }

    @Override
    public String toString() {
        List<String> described = new ArrayList<>();
        columns.forEach((name, column) ->
                described.add(name + (column instanceof NumericColumn ? ":numeric" : ":text")));
        return "Dataset" + Arrays.toString(described.toArray()) + " rows=" + rowCount;
    }
}
