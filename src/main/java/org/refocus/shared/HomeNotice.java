package org.refocus.shared;

/**
 * One thing that needs a member of staff, shown on their home page with a link to where to act on it.
 * Text is already in the reader's words; contributed by a module through {@link HomeNotices}.
 */
public record HomeNotice(String text, String href, String linkText) {
}
