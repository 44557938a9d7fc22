package org.refocus.shared;

/** Cells of CSV files that people open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * RFC 4180 quoting, and a leading apostrophe before text that a spreadsheet would otherwise run as a
     * formula ({@code = + - @}, tab, carriage return). Numbers are left as they are; null is an empty cell.
     */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
