package org.refocus.recovery.internal;

import org.refocus.shared.RouteRules;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may reach the recovery pages. Recording contacts, coaching conversations and reviews, and
 * starting a strengths assessment, are for staff; everything else is for staff and the person, whose
 * reach (own record only) and rights (own words only) are checked in the services.
 *
 * <p>Ordered first because the people module opens {@code /people/**} to the person as well, and the
 * first matching rule wins: without this, the staff-only pages below {@code /people/} would be open to
 * service users at the URL level (the services would still refuse them).
 */
@Component
@Order(0)
class RecoveryRoutes implements RouteRules {

    private static final String[] STAFF = {"PRACTITIONER", "TEAM_LEADER"};
    private static final String[] STAFF_AND_THE_PERSON = {"PRACTITIONER", "TEAM_LEADER", "SERVICE_USER"};

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/people/*/contacts/new", "/people/*/reviews/**", "/recovery/contacts/**",
                "/recovery/conversations/**", "/recovery/goals/*/conversations/**",
                "/recovery/strengths/*/summary").hasAnyRole(STAFF);
        routes.requestMatchers(HttpMethod.POST, "/people/*/contacts", "/people/*/strengths").hasAnyRole(STAFF);
        routes.requestMatchers("/people/*/plan", "/people/*/plan/**", "/people/*/plan.pdf", "/people/*/values",
                "/people/*/preferences", "/people/*/preferences/**", "/people/*/crisis-contacts/**",
                "/people/*/crisis-plan", "/people/*/strengths", "/people/*/strengths/**", "/people/*/goals",
                "/people/*/goals/**", "/people/*/contacts", "/recovery/**", "/api/v1/people/*/recovery-plan",
                "/api/v1/people/*/contacts").hasAnyRole(STAFF_AND_THE_PERSON);
        routes.requestMatchers("/admin/life-domains", "/admin/life-domains/**").hasRole("ADMIN");
    }
}
