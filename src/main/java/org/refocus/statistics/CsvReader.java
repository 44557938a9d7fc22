package org.refocus.statistics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads comma-separated values (RFC 4180) with a header row into a {@link Dataset}.
 *
 * <ul>
 *   <li>Fields may be quoted with {@code "}; a quote inside a quoted field is doubled; quoted fields
 *       may hold commas and line breaks. Line ends may be LF, CRLF or CR; a UTF-8 byte-order mark is
 *       skipped; blank lines are skipped.</li>
 *   <li>An empty field or {@code NA} (quoted or not, surrounding spaces ignored) is a missing value.
 *       {@link Dataset#missingCount(String)} reports how many each column has.</li>
 *   <li>As R's {@code read.csv} does, a column whose every non-missing value is a decimal number is
 *       numeric, whether or not the values were quoted; any other column is text.</li>
 * </ul>
 * Every row must have as many fields as the header; otherwise the reader fails naming the line.
 */
public final class CsvReader {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvReader() {
    }

    /**
     * Reads a UTF-8 file.
     *
     * @throws InvalidDataException if the file is missing, empty or malformed
     * @throws IOException if it cannot be read
     */
    public static Dataset read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException("data file not found: " + path);
        }
        return parse(text, path.toString());
    }

    /** Reads everything from a reader; {@code source} names it in error messages. */
    public static Dataset read(Reader reader, String source) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int count; (count = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, count);
        }
        return parse(text.toString(), source);
    }

    static Dataset parse(String text, String source) {
        List<List<String>> records = records(text, source);
        if (records.isEmpty()) {
            throw new InvalidDataException(source + " is empty; a header row is needed");
        }
        List<String> header = records.get(0);
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < header.size(); k++) {
            String name = header.get(k).strip();
            if (name.isEmpty()) {
                throw new InvalidDataException(source + ": column " + (k + 1) + " has no name in the header");
            }
            if (!seen.add(name)) {
                throw new InvalidDataException(source + ": column name '" + name + "' appears twice in the header");
            }
        }
        int rows = records.size() - 1;
        Dataset.Builder builder = Dataset.builder();
        for (int k = 0; k < header.size(); k++) {
            String[] values = new String[rows];
            boolean numeric = true;
            for (int row = 0; row < rows; row++) {
                String value = records.get(row + 1).get(k);
                String stripped = value.strip();
                if (stripped.isEmpty() || stripped.equals("NA")) {
                    values[row] = null;
                } else {
                    values[row] = value;
                    numeric &= NUMBER.matcher(stripped).matches();
                }
            }
            String name = header.get(k).strip();
            if (numeric) {
                double[] numbers = new double[rows];
                for (int row = 0; row < rows; row++) {
                    numbers[row] = values[row] == null ? Double.NaN : Double.parseDouble(values[row].strip());
                }
                builder.numeric(name, numbers);
            } else {
                builder.text(name, values);
            }
        }
        return builder.build();
    }

    /** Splits text into records of fields, checking that every record is as wide as the first. */
    private static List<List<String>> records(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        int length = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean recordHasContent = false;
        int recordLine = 1;
        while (i <= length) {
            char c = i < length ? text.charAt(i) : '\n';
            if (c == '"' && field.length() == 0 && isFieldStart(text, i)) {
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= length) {
                        throw new InvalidDataException(source + ": line " + quoteLine + " has a quote that is never closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                recordHasContent = true;
                // Anything between the closing quote and the next separator is kept, as lenient readers do.
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                recordHasContent = true;
                i++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (recordHasContent || field.length() > 0) {
                    fields.add(field.toString());
                    if (!records.isEmpty() && fields.size() != records.get(0).size()) {
                        throw new InvalidDataException(source + ": line " + recordLine + " has " + fields.size()
                                + " fields; the header has " + records.get(0).size());
                    }
                    records.add(fields);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    recordHasContent = false;
                }
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                recordLine = line;
                continue;
            }
            field.append(c);
            i++;
        }
        return records;
    }

    /** A quote opens a quoted field only at the start of a field. */
    private static boolean isFieldStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char previous = text.charAt(i - 1);
        return previous == ',' || previous == '\n' || previous == '\r' || previous == '\uFEFF';
    }
}
