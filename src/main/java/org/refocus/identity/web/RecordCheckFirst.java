package org.refocus.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.refocus.identity.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hazard H-03: while the person signing in has not yet said that the record their account is linked to is
 * theirs, every page they ask for (a bookmark of their plan, say) leads to that question instead of
 * "page not found". The account reaches no record meanwhile either way; the APIs answer "not found".
 */
@Configuration
class RecordCheckFirst implements WebMvcConfigurer, HandlerInterceptor {

    /** Pages that make sense before the check: the check itself, and signing out or in. */
    private static final Set<String> ALLOWED = Set.of("/account/record-check", "/account/record-check/refused",
            "/signed-out", "/session/keep-alive", "/login");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/fhir/**", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        CurrentUser user = CurrentUser.orNull();
        if (user == null || user.recordToCheck() == null || !(handler instanceof HandlerMethod)
                || !"GET".equals(request.getMethod())
                || ALLOWED.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + "/account/record-check");
        return false;
    }
}
