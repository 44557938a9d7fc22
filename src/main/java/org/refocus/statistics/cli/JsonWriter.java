package org.refocus.statistics.cli;

/**
 * A minimal streaming JSON writer: enough for the command's output without pulling a JSON library
 * into the pure statistics code. Numbers keep full double precision ({@link Double#toString} round
 * trips); NaN and infinities, which JSON cannot hold, become {@code null}.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final String indentUnit = "  ";
    private int depth;
    private boolean first = true;

    JsonWriter beginObject() {
        separator();
        out.append('{');
        depth++;
        first = true;
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        separator();
        out.append('[');
        depth++;
        first = true;
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    /** Writes a member name; the next call writes its value. */
    JsonWriter name(String name) {
        separator();
        string(name);
        out.append(": ");
        pendingValue = true;
        return this;
    }

    JsonWriter value(String value) {
        separator();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter value(double value) {
        separator();
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonWriter value(long value) {
        separator();
        out.append(value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private boolean pendingValue;

    private void separator() {
        if (pendingValue) {
            pendingValue = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        if (depth > 0) {
            out.append('\n').append(indentUnit.repeat(depth));
        }
        first = false;
    }

    private JsonWriter close(char bracket) {
        depth--;
        if (!first) {
            out.append('\n').append(indentUnit.repeat(depth));
        }
        out.append(bracket);
        first = false;
        return this;
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Other control characters, and lone surrogates, would make invalid JSON or UTF-8.
                    if (c < 0x20 || Character.isSurrogate(c) && !isPairedSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
