package org.refocus.web;

/** One entry of the header navigation. {@code label} is already resolved text. */
public record NavigationItem(String label, String href, boolean current) {
}
