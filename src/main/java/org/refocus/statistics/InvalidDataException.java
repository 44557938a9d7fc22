package org.refocus.statistics;

/**
 * The data or the model specification cannot be analysed as asked: a missing column, a non-numeric
 * outcome, a single cluster, collinear fixed effects and the like. The message is one line, written
 * for the person who supplied the data.
 */
public class InvalidDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }
}
