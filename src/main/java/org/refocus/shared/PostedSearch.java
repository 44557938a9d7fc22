package org.refocus.shared;

import jakarta.servlet.http.HttpSession;

/**
 * What someone searched a list for, when that may be personal data (a name, an NHS number, a date of birth):
 * the search form posts it and the session keeps it, so it is never in a page address, where browser history
 * on a shared PC, proxy logs and Referer headers would keep it too. Paging through the results finds it
 * again; opening the list afresh (no page number: the menu, a link) forgets it.
 */
public final class PostedSearch {

    private final String key;

    /** {@code key}: the session attribute, one per list. */
    public PostedSearch(String key) {
        this.key = key;
    }

    /** The search to show the list with ("" for none); forgotten when the list is opened afresh. */
    public String current(HttpSession session, Integer page) {
        if (page == null) {
            session.removeAttribute(key);
        }
        return session.getAttribute(key) instanceof String search ? search : "";
    }

    /** Keeps what was posted, trimmed; a blank search forgets the last one. */
    public void keep(HttpSession session, String posted) {
        if (posted == null || posted.isBlank()) {
            session.removeAttribute(key);
        } else {
            session.setAttribute(key, posted.strip());
        }
    }
}
