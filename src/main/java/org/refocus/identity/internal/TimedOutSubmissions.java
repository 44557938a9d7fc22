package org.refocus.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/**
 * A form sent after the session has ended (30 minutes without activity) has no session, so its CSRF
 * token is missing. Instead of "you do not have permission", the person is told they were signed out,
 * and what they typed is shown back to them to copy (hazard H-06: typed work is not lost). Only for a
 * form sent from one of our own pages, so that another site cannot make REFOCUS show its text; never
 * passwords. Every other refusal is a plain 403.
 */
final class TimedOutSubmissions implements AccessDeniedHandler {

    /** The request attribute that carries what was typed to the signed-out page. */
    static final String TYPED = "refocus.typedBeforeSignOut";
    static final String PAGE = "/signed-out";

    /** Forms whose words are only a username: sent too late, they just ask the person to sign in again. */
    private static final Set<String> SIGN_IN_AND_OUT = Set.of("/login", "/logout");
    /** Fields that are not typed words: the token, versions, buttons, pagination, hidden codes and names. */
    private static final Set<String> NOT_TYPED = Set.of("_csrf", "version", "action", "page", "confirmedPersonId",
            "answer", "instrument", "scheduleId", "username", "back", "change");
    /** Values that are a choice or an id rather than words: numbers, dates, codes such as SELF or true. */
    private static final Pattern CHOICE = Pattern.compile("[0-9.\\-]+|[A-Z0-9_]+|true|false|on");

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        // No token in the session (it ended), or a token of another session while nobody is signed in (it
        // ended, and another tab's page has since started a new, signed-out one).
        boolean signedOut = denied instanceof MissingCsrfTokenException || denied instanceof InvalidCsrfTokenException
                && SecurityContextHolder.getContext().getAuthentication() == null;
        if (FhirRefusals.isFhir(request)) {
            FhirRefusals.forbidden(response);
            return;
        }
        if (ApiRefusals.isApi(request)) {
            ApiRefusals.forbidden(response);
            return;
        }
        if (!signedOut || !"POST".equals(request.getMethod()) || isApi(request) || !fromOurOwnPage(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        List<String> typed = typed(request.getParameterMap());
        if (typed.isEmpty() || SIGN_IN_AND_OUT.contains(path(request))) {
            response.sendRedirect(request.getContextPath() + "/login?timedOut");
            return;
        }
        request.setAttribute(TYPED, typed);
        // Shown as a page (GET), whatever the form's method: the signed-out page has nothing to receive.
        request.getRequestDispatcher(PAGE).forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }

    /** The words typed into the form, in the order of its fields. */
    static List<String> typed(Map<String, String[]> parameters) {
        List<String> typed = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (NOT_TYPED.contains(name) || name.toLowerCase(Locale.ROOT).contains("password")) {
                return;
            }
            for (String value : values) {
                if (value != null && !value.isBlank() && !CHOICE.matcher(value.strip()).matches()) {
                    typed.add(value.strip());
                }
            }
        });
        return typed;
    }

    private static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/") || path(request).startsWith("/fhir/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Sent by a page of this site: the browser's Origin (or, failing that, Referer) names our own host. */
    private static boolean fromOurOwnPage(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null && !"null".equals(origin) ? origin : request.getHeader("Referer");
        if (source == null) {
            return false;
        }
        try {
            URI uri = URI.create(source);
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return request.getScheme().equals(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
