package org.refocus.measures.internal;

/**
 * One page of a FHIR search: {@code offset} results skipped, at most {@code count} shown. A search
 * answers with the page and the total; its Bundle links to the next and previous pages.
 */
public record FhirPage(int offset, int count) {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAXIMUM_COUNT = 500;

    public FhirPage {
        if (offset < 0 || count < 1 || count > MAXIMUM_COUNT) {
            throw new IllegalArgumentException("offset " + offset + ", count " + count);
        }
    }

    /** Whether the result at {@code index} (counting from 0) is on this page. */
    boolean shows(long index) {
        return index >= offset && index < (long) offset + count;
    }
}
