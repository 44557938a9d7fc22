package org.refocus.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results. {@code number} is zero-based. */
public record PageOf<T>(List<T> items, int number, int size, long totalItems) {

    public int totalPages() {
        return size == 0 ? 0 : (int) Math.max(1, (totalItems + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages();
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), number, size, totalItems);
    }

    /** Clamps untrusted paging input to sane bounds. */
    public static int clampSize(Integer requested, int defaultSize, int max) {
        if (requested == null || requested < 1) {
            return defaultSize;
        }
        return Math.min(requested, max);
    }

    public static int clampNumber(Integer requested) {
        return requested == null || requested < 0 ? 0 : Math.min(requested, 1_000_000);
    }
}
