package org.refocus.web;

import jakarta.servlet.http.HttpServletRequest;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns "not found" (including out of reach) and "changed by someone else" into proper pages, or into
 * RFC 9457 problem details for the API. Never shows exception text.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages {

    private final Navigation navigation;

    ErrorPages(Navigation navigation) {
        this.navigation = navigation;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    Object notFound(HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "error/404", "Not found");
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "error/409",
                "This record was changed by someone else. Reload it and try again.");
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String view, String detail) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/fhir/")) {
            return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
        }
        ModelAndView page = new ModelAndView(view);
        // An @ExceptionHandler's view gets none of the @ModelAttribute methods: add the layout's own (H-14).
        page.addObject("currentUser", navigation.currentUser());
        page.addObject("navigation", navigation.navigation(request));
        page.addObject("helpNow", navigation.helpNow(request));
        page.setStatus(status);
        return page;
    }
}
