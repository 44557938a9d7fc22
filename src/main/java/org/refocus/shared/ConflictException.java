package org.refocus.shared;

/** Someone else saved a newer version first; the caller must reload rather than overwrite it. */
public class ConflictException extends RuntimeException {
    public ConflictException(String recordType) {
        super(recordType + " was changed by someone else");
    }
}
