package org.refocus.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Refusals under {@code /api/} as RFC 9457 problem details ({@code application/problem+json}), the shape
 * the API's own "not found" and "bad request" answers have: 401 says how to sign in (HTTP Basic, with a
 * {@code WWW-Authenticate} challenge, as RFC 9110 requires of a 401), 403 that the account may not. The
 * texts are fixed and say nothing about what was asked for.
 */
final class ApiRefusals {

    private ApiRefusals() {
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    static AuthenticationEntryPoint signInFirst() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"REFOCUS\", charset=\"UTF-8\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in first: send the username and password of a REFOCUS account with HTTP Basic "
                            + "authentication.");
        };
    }

    static void forbidden(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your account may not use this part of the API.");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
