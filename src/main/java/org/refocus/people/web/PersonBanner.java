package org.refocus.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.refocus.people.PersonSummary;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every page about one person carries a banner with their name, date of birth and NHS number, so
 * that two people with the same name are told apart on every page, not only on the person's own page
 * (hazard H-02). Any page whose model holds a {@link PersonSummary} gets it; the layout draws it. The
 * person's page itself shows the same details in full and does not repeat them.
 */
@Configuration
class PersonBanner implements WebMvcConfigurer, HandlerInterceptor {

    static final String ATTRIBUTE = "personBanner";
    private static final String PERSON_PAGE = "people/person";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")
                || view.getViewName().equals(PERSON_PAGE)) {
            return;
        }
        view.getModel().values().stream().filter(PersonSummary.class::isInstance).findFirst()
                .ifPresent(person -> view.addObject(ATTRIBUTE, person));
    }
}
