package org.refocus.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Refusals under {@code /fhir/} as FHIR R4 OperationOutcomes ({@code application/fhir+json}), as the FHIR
 * answers themselves give for "not found" and a bad search: 401 with issue code {@code login}, 403 with
 * {@code forbidden}. The texts are fixed and say nothing about what was asked for.
 */
final class FhirRefusals {

    private FhirRefusals() {
    }

    static boolean isFhir(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/fhir/");
    }

    static AuthenticationEntryPoint signInFirst() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_UNAUTHORIZED, "login",
                "Sign in first.");
    }

    static void forbidden(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                "Your role may not read this kind of resource.");
    }

    private static void write(HttpServletResponse response, int status, String code, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                + code + "\",\"diagnostics\":\"" + text + "\"}]}");
    }
}
