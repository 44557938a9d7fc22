package org.refocus.people.internal;

import org.refocus.shared.RouteRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class PeopleRoutes implements RouteRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/caseload", "/teams/**").hasAnyRole("PRACTITIONER", "TEAM_LEADER");
        routes.requestMatchers("/people/**", "/api/v1/people", "/api/v1/people/**")
                .hasAnyRole("PRACTITIONER", "TEAM_LEADER", "SERVICE_USER");
        routes.requestMatchers("/admin/people", "/admin/people/**").hasRole("ADMIN");
    }
}
