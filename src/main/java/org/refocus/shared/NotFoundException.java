package org.refocus.shared;

/**
 * The record does not exist or is outside the caller's reach. Both answer the same way (404) so that
 * a caller cannot learn whether someone exists. The message is never shown and holds no personal data.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String recordType) {
        super(recordType + " not found");
    }
}
