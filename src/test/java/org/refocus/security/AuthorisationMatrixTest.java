package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application serves, and who may reach it. A new route fails
 * {@link #everyRouteIsInTheMatrix()} until someone lists it, with who may use it, in a
 * {@code src/test/resources/routes/*.routes} file; every route is then tried
 * as every role and as nobody. Object-level reach (another team's person) is in {@link ReachTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorisationMatrixTest extends DatabaseTest {

    static final List<String> ROLES = List.of("admin", "teamlead", "coordinator", "trainer", "researcher",
            "statistician", "serviceuser");

    /** Route (method and pattern) to who may use it, read from every {@code routes/*.routes} file. */
    static final Map<String, String> ROUTES = org.refocus.testing.RouteMatrix.ROUTES;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyRouteIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    served.add(method.name() + " " + pattern);
                }
            }
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachRoleAsDeclared() {
        List<DynamicTest> tests = new ArrayList<>();
        ROUTES.forEach((route, who) -> {
            tests.add(DynamicTest.dynamicTest(route + " as nobody", () -> checkAnonymous(route, who)));
            for (String username : ROLES) {
                tests.add(DynamicTest.dynamicTest(route + " as " + username,
                        () -> checkSignedIn(route, who, username)));
            }
        });
        return tests.stream();
    }

    @Test
    void undeclaredPathsAreRefusedEvenForAdministrators() throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/no-such-route")
                .with(user(users.loadUserByUsername("admin")))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    private void checkAnonymous(String route, String who) throws Exception {
        int status = mvc.perform(request(route)).andReturn().getResponse().getStatus();
        if (who.equals("ANYONE")) {
            assertThat(status).as(route).isNotIn(401, 403);
        } else if (route.contains("/api/") || route.contains(" /fhir/") || route.endsWith(" /session/keep-alive")) {
            // The API and FHIR paths, and the page script's keep-alive, answer 401 rather than sending anyone to
            // the sign-in page (SecurityConfiguration).
            assertThat(status).as(route).isEqualTo(401);
        } else {
            assertThat(status).as(route + " should send nobody to sign in").isEqualTo(302);
        }
    }

    private void checkSignedIn(String route, String who, String username) throws Exception {
        MvcResult result = mvc.perform(request(route).with(user(users.loadUserByUsername(username)))).andReturn();
        int status = result.getResponse().getStatus();
        if (allowed(who, username)) {
            assertThat(status).as(route + " as " + username).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as(route + " as " + username).isEqualTo(403);
        }
    }

    private static boolean allowed(String who, String username) {
        return who.equals("ANYONE") || who.equals("SIGNED_IN") || List.of(who.split(",")).contains(username);
    }

    private static MockHttpServletRequestBuilder request(String route) {
        String[] parts = route.split(" ", 2);
        // An id nobody has: allowed callers get 404 and nothing changes; refused callers never get that far.
        String path = parts[1].replace("{id}", "987654321").replace("{token}", "not-a-token");
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path);
        return parts[0].equals("GET") ? request : request.with(csrf());
    }
}
