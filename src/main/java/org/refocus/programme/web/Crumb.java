package org.refocus.programme.web;

/** One breadcrumb: resolved label and link. */
record Crumb(String label, String href) {
}
