package org.refocus.identity.internal;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.refocus.audit.AuditTrail;
import org.refocus.shared.RouteRules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpStatus;

/**
 * Deny by default: each module declares its routes through {@link RouteRules}; anything undeclared is
 * refused. Page requests without a session go to the sign-in page; API and FHIR requests get 401 with a
 * problem detail or OperationOutcome saying how to sign in, and the page script's keep-alive a bare 401.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<RouteRules> moduleRules,
            UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle, AuditTrail audit,
            SignOutAudit signOutAudit) throws Exception {
        // One manager with no parent: each attempt is checked (and counted) exactly once.
        ProviderManager signIn = new ProviderManager(
                new ThrottledAuthenticationProvider(users, passwords, throttle, audit));
        // Answered 401, not sent to the sign-in page: the APIs, and the keep-alive (a redirect followed by the
        // page script would start a new, signed-out session under the form being typed in).
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/fhir/")
                || request.getRequestURI().equals(request.getContextPath() + "/session/keep-alive");
        http.authenticationManager(signIn)
                .authorizeHttpRequests(routes -> {
                    routes.requestMatchers("/login", "/account/activate/**", "/css/**", "/js/**", "/vendor/**",
                            "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**").permitAll();
                    // Reached by forward from TimedOutSubmissions; asked for directly, it shows no typed words.
                    routes.requestMatchers(HttpMethod.GET, TimedOutSubmissions.PAGE).permitAll();
                    routes.requestMatchers(request -> request.getDispatcherType() == DispatcherType.FORWARD
                            && TimedOutSubmissions.PAGE.equals(request.getRequestURI()
                                    .substring(request.getContextPath().length()))).permitAll();
                    routes.requestMatchers(HttpMethod.GET, "/session/keep-alive").authenticated();
                    routes.requestMatchers(HttpMethod.GET, "/").authenticated();
                    routes.requestMatchers("/actuator/prometheus").hasRole("ADMIN");
                    moduleRules.forEach(rules -> rules.declare(routes));
                    routes.anyRequest().denyAll();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler((request, response, exception) -> {
                            RefusedSignIn.remember(request);
                            response.sendRedirect(request.getContextPath() + (exception instanceof org.springframework
                                    .security.authentication.LockedException ? "/login?throttled" : "/login?error"));
                        }))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (FhirRefusals.isFhir(request)) {
                        FhirRefusals.signInFirst().commence(request, response, e);
                    } else if (ApiRefusals.isApi(request)) {
                        ApiRefusals.signInFirst().commence(request, response, e);
                    } else {
                        response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    }
                }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .addLogoutHandler(signOutAudit))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(FhirRefusals.signInFirst(), FhirRefusals::isFhir)
                        .defaultAuthenticationEntryPointFor(ApiRefusals.signInFirst(), ApiRefusals::isApi)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .accessDeniedHandler(new TimedOutSubmissions()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(moduleRules.stream()
                        .flatMap(rules -> rules.postsThatChangeNothing().stream())
                        .map(pattern -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern))
                        .toArray(RequestMatcher[]::new)))
                // Signing in always leads home (defaultSuccessUrl above), so a refused request is never kept to be
                // replayed: keeping it would store a session in the database for every anonymous API or FHIR call.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterBefore(new UnsignedUploads(), CsrfFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .xssProtection(xss -> xss.headerValue(XXssProtectionHeaderWriter.HeaderValue.DISABLED))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
