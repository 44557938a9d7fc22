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

    /**
     * Rows are read in order, so once the report is full a later row's problems could only be trimmed
     * again; they are counted but not kept.
     */
    void add(String field, String message) {
        failed = true;
        if (errors.size() < ResponseImports.MAX_STORED_ERRORS) {
            errors.add(new ResponseImports.RowError(rowNumber, field, message));
        }
    }

    /**
     * Keeps the problems of the lowest-numbered rows, at most {@value ResponseImports#MAX_STORED_ERRORS}, in
     * row order. Repeats are found a chunk at a time, after later rows' other problems were added.
     */
    static void keepFirst(List<ResponseImports.RowError> errors) {
        errors.sort(java.util.Comparator.comparingInt(ResponseImports.RowError::rowNumber));
        if (errors.size() > ResponseImports.MAX_STORED_ERRORS) {
            errors.subList(ResponseImports.MAX_STORED_ERRORS, errors.size()).clear();
        }
    }

    boolean failed() {
        return failed;
    }
}
