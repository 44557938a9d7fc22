package org.refocus.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * After a refused sign-in the sign-in page shows the username again, once, so that only the password is
 * typed twice (H-06). The username waits in the session between the refusal and the page; the password
 * never is kept.
 */
public final class RefusedSignIn {

    private static final String USERNAME = "refocus.signIn.username";

    private RefusedSignIn() {
    }

    /** Keeps the username of a sign-in that was just refused. */
    static void remember(HttpServletRequest request) {
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= 200) {
            request.getSession().setAttribute(USERNAME, username.strip());
        }
    }

    /** The username of the last refused sign-in, once: it is forgotten as it is taken. */
    public static Optional<String> takeUsername(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(USERNAME) instanceof String username) {
            session.removeAttribute(USERNAME);
            return Optional.of(username);
        }
        return Optional.empty();
    }
}
