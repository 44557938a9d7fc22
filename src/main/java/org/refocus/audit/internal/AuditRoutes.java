package org.refocus.audit.internal;

import org.refocus.shared.RouteRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class AuditRoutes implements RouteRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/admin/audit", "/admin/audit/**", "/api/v1/audit").hasRole("ADMIN");
    }
}
