package org.refocus.measures.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, fast RFC 4180 reader: comma-separated, optional double quotes ("" inside quotes is one "),
 * CRLF or LF line ends, a leading UTF-8 byte order mark ignored. Quoted fields may not span lines
 * (responses are numbers and dates; a line break inside a field is reported as a broken row).
 */
final class CsvRows {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean first = true;
    private final StringBuilder field = new StringBuilder(32);

    CsvRows(Reader in) {
        this.in = in;
    }

    /** The fields of the next row, or null at the end of the input. A quoting problem gives a null element. */
    List<String> next() throws IOException {
        if (!fill()) {
            return null;
        }
        if (first) {
            first = false;
            if (buffer[position] == '\uFEFF') {
                position++;
            }
        }
        List<String> fields = new ArrayList<>(24);
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean broken = false;
        while (true) {
            if (position >= limit && !fill()) {
                if (quoted) {
                    broken = true;
                }
                fields.add(broken ? null : field.toString());
                return fields;
            }
            char c = buffer[position++];
            if (quoted) {
                if (c == '"') {
                    if ((position < limit || fill()) && buffer[position] == '"') {
                        field.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\n' || c == '\r') {
                    broken = true;
                    quoted = false;
                    position--;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(broken ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
                broken = false;
            } else if (c == '\n') {
                fields.add(broken ? null : field.toString());
                return fields;
            } else if (c == '\r') {
                if ((position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                fields.add(broken ? null : field.toString());
                return fields;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                if (wasQuoted) {
                    broken = true;
                }
                field.append(c);
            }
        }
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
