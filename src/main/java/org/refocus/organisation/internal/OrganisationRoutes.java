package org.refocus.organisation.internal;

import org.refocus.shared.RouteRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class OrganisationRoutes implements RouteRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/admin", "/admin/organisations", "/admin/organisations/**", "/admin/sites/**",
                "/admin/teams", "/admin/teams/**").hasRole("ADMIN");
    }
}
