package org.refocus.shared;

import java.util.function.IntFunction;

/** What the NHS pagination fragment needs: the page number, the page count and the two links. */
public record Pagination(int number, int totalPages, String previousHref, String nextHref) {

    public static Pagination of(PageOf<?> page, IntFunction<String> href) {
        return new Pagination(page.number(), page.totalPages(),
                page.hasPrevious() ? href.apply(page.number() - 1) : null,
                page.hasNext() ? href.apply(page.number() + 1) : null);
    }
}
