package org.refocus.measures.instrument;

import java.util.List;

/** A definition or content file that cannot be used, with every problem found in it. */
public class InvalidInstrumentException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public InvalidInstrumentException(String source, List<String> problems) {
        super(source + " is not valid: " + String.join("; ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file or resource that was read, for example {@code instruments/definitions/qpr-15.json}. */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
