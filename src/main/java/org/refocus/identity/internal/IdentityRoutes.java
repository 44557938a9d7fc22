package org.refocus.identity.internal;

import org.refocus.shared.RouteRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class IdentityRoutes implements RouteRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/admin/accounts", "/admin/accounts/**").hasRole("ADMIN");
        routes.requestMatchers("/account/record-check", "/account/record-check/refused").hasRole("SERVICE_USER");
    }
}
