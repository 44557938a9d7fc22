package org.refocus.measures.internal;

import java.util.List;

/** Problems of one row, added to the job's report. */
final class RowCheck {
    private final int rowNumber;
    private final List<ResponseImports.RowError> errors;
    private boolean failed;

    RowCheck(int rowNumber, List<ResponseImports.RowError> errors) {
        this.rowNumber = rowNumber;
        this.errors = errors;
    }

    void add(String field, String message) {
        failed = true;
        if (errors.size() <= ResponseImports.MAX_STORED_ERRORS) {
            errors.add(new ResponseImports.RowError(rowNumber, field, message));
        }
    }

    boolean failed() {
        return failed;
    }
}
