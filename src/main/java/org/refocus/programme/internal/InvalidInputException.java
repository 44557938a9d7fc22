package org.refocus.programme.internal;

/**
 * Input that passed the form's own checks but breaks a rule only the service can check (a month beyond
 * the programme's length, a file of the wrong type). The controller shows {@code messageKey} on
 * {@code field}. Holds no personal data.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    public InvalidInputException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments (dates, limits), never personal data. */
    public Object[] args() {
        return args.clone();
    }
}
