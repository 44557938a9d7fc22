package org.refocus.shared;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's declaration of who may reach its URLs. The security configuration applies every
 * module's rules and then denies whatever nobody declared, so a new route is closed until someone
 * opens it on purpose. Object-level checks (is this person in your team?) stay in the services.
 */
public interface RouteRules {

    void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes);

    /**
     * API paths (Ant-style patterns) whose POST changes nothing, such as scoring a set of answers without
     * storing them, and so may be called by API clients without a CSRF token. Never list a path that
     * stores, changes or deletes anything.
     */
    default java.util.List<String> postsThatChangeNothing() {
        return java.util.List.of();
    }
}
