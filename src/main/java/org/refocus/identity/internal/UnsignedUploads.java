package org.refocus.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload (a multipart request) from anyone not signed in before its body is read. Placed before
 * the CSRF check, which would otherwise read the whole body (up to the 256 MB limit, larger parts written to
 * temporary files) only to refuse it: anyone who could reach the server could fill its disk. Every upload
 * form is used signed in, so this is a form sent after the session ended, and it is answered as one: sign in
 * again. A request with credentials of its own (HTTP Basic) goes on to be checked as usual.
 */
final class UnsignedUploads extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") && !signedIn()
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            // The body is not read: the connection is closed rather than kept for another request.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.sendRedirect(request.getContextPath() + "/login?timedOut");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
