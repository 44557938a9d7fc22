package org.refocus.measures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.refocus.identity.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A questionnaire given in a session is answered by the person on the staff member's signed-in device.
 * From the moment staff open its questions until they type their password again ({@link HandBackController}),
 * that session reaches only those questions and the page asking for the device back: no menu, no
 * caseload, no other person's record, no API. Anything else asked for leads to the hand-back page.
 * Signing out still works, and ends the session.
 */
@Configuration
class Handover implements WebMvcConfigurer, HandlerInterceptor {

    private static final String ATTRIBUTE = "refocus.measures.handedOverResponse";

    /** Staff open the questions of a response given in a session: from now on this session is the person's. */
    static void begin(HttpServletRequest request, long responseId) {
        request.getSession().setAttribute(ATTRIBUTE, responseId);
    }

    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** The response whose questions this session is handed over to, or null. */
    static Long handedOver(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        CurrentUser user = CurrentUser.orNull();
        return session == null || user == null || !user.role().isTeamStaff() ? null
                : (Long) session.getAttribute(ATTRIBUTE);
    }

    static String handBackPage(long responseId) {
        return "/measures/responses/" + responseId + "/hand-back";
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/error", "/session/keep-alive");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Long responseId = handler instanceof HandlerMethod ? handedOver(request) : null;
        if (responseId == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String questions = "/measures/responses/" + responseId + "/questions";
        if (path.equals(questions) || path.equals(handBackPage(responseId))) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + handBackPage(responseId));
        return false;
    }

    /** No menu on the pages a person holding the device sees. */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView != null && handedOver(request) != null) {
            modelAndView.addObject("navigation", List.of());
        }
    }
}
