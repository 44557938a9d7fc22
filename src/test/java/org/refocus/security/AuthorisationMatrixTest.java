package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@link #everyRouteIsInTheMatrix()} until someone decides who may use it; every route is then tried
 * as every role and as nobody. Object-level reach (another team's person) is in {@link ReachTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorisationMatrixTest extends DatabaseTest {

    enum Who { ANYONE, SIGNED_IN, ADMIN, TEAM_STAFF, TEAM_STAFF_AND_SERVICE_USER }

    static final List<String> ROLES = List.of("admin", "teamlead", "coordinator", "trainer", "researcher",
            "statistician", "serviceuser");

    /** Route (method and pattern) to who may use it. Path variables are filled with an unknown id. */
    static final Map<String, Who> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("GET /login", Who.ANYONE);
        ROUTES.put("GET /account/activate/{token}", Who.ANYONE);
        ROUTES.put("POST /account/activate/{token}", Who.ANYONE);
        ROUTES.put("GET /", Who.SIGNED_IN);
        ROUTES.put("GET /caseload", Who.TEAM_STAFF);
        ROUTES.put("GET /teams/{id}", Who.TEAM_STAFF);
        ROUTES.put("GET /people/{id}", Who.TEAM_STAFF_AND_SERVICE_USER);
        ROUTES.put("GET /api/v1/people", Who.TEAM_STAFF_AND_SERVICE_USER);
        ROUTES.put("GET /api/v1/people/{id}", Who.TEAM_STAFF_AND_SERVICE_USER);
        ROUTES.put("GET /admin", Who.ADMIN);
        ROUTES.put("GET /admin/organisations", Who.ADMIN);
        ROUTES.put("GET /admin/organisations/new", Who.ADMIN);
        ROUTES.put("POST /admin/organisations", Who.ADMIN);
        ROUTES.put("GET /admin/organisations/{id}", Who.ADMIN);
        ROUTES.put("GET /admin/organisations/{id}/edit", Who.ADMIN);
        ROUTES.put("POST /admin/organisations/{id}", Who.ADMIN);
        ROUTES.put("GET /admin/organisations/{id}/sites/new", Who.ADMIN);
        ROUTES.put("POST /admin/organisations/{id}/sites", Who.ADMIN);
        ROUTES.put("GET /admin/sites/{id}/edit", Who.ADMIN);
        ROUTES.put("POST /admin/sites/{id}", Who.ADMIN);
        ROUTES.put("GET /admin/teams", Who.ADMIN);
        ROUTES.put("GET /admin/teams/new", Who.ADMIN);
        ROUTES.put("POST /admin/teams", Who.ADMIN);
        ROUTES.put("GET /admin/teams/{id}", Who.ADMIN);
        ROUTES.put("POST /admin/teams/{id}", Who.ADMIN);
        ROUTES.put("GET /admin/accounts", Who.ADMIN);
        ROUTES.put("GET /admin/accounts/new", Who.ADMIN);
        ROUTES.put("POST /admin/accounts", Who.ADMIN);
        ROUTES.put("GET /admin/accounts/{id}", Who.ADMIN);
        ROUTES.put("POST /admin/accounts/{id}", Who.ADMIN);
        ROUTES.put("GET /admin/accounts/{id}/deactivate", Who.ADMIN);
        ROUTES.put("POST /admin/accounts/{id}/deactivate", Who.ADMIN);
        ROUTES.put("POST /admin/accounts/{id}/reactivate", Who.ADMIN);
        ROUTES.put("POST /admin/accounts/{id}/invitation", Who.ADMIN);
        ROUTES.put("GET /admin/people", Who.ADMIN);
        ROUTES.put("GET /admin/people/new", Who.ADMIN);
        ROUTES.put("POST /admin/people", Who.ADMIN);
        ROUTES.put("GET /admin/people/{id}", Who.ADMIN);
        ROUTES.put("POST /admin/people/{id}", Who.ADMIN);
        ROUTES.put("GET /admin/audit", Who.ADMIN);
        ROUTES.put("GET /admin/audit/export", Who.ADMIN);
        ROUTES.put("GET /api/v1/audit", Who.ADMIN);
    }

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

    private void checkAnonymous(String route, Who who) throws Exception {
        int status = mvc.perform(request(route)).andReturn().getResponse().getStatus();
        if (who == Who.ANYONE) {
            assertThat(status).as(route).isNotIn(401, 403);
        } else if (route.contains("/api/")) {
            assertThat(status).as(route).isEqualTo(401);
        } else {
            assertThat(status).as(route + " should send nobody to sign in").isEqualTo(302);
        }
    }

    private void checkSignedIn(String route, Who who, String username) throws Exception {
        MvcResult result = mvc.perform(request(route).with(user(users.loadUserByUsername(username)))).andReturn();
        int status = result.getResponse().getStatus();
        if (allowed(who, username)) {
            assertThat(status).as(route + " as " + username).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as(route + " as " + username).isEqualTo(403);
        }
    }

    private static boolean allowed(Who who, String username) {
        return switch (who) {
            case ANYONE, SIGNED_IN -> true;
            case ADMIN -> username.equals("admin");
            case TEAM_STAFF -> username.equals("teamlead") || username.equals("coordinator");
            case TEAM_STAFF_AND_SERVICE_USER -> username.equals("teamlead") || username.equals("coordinator")
                    || username.equals("serviceuser");
        };
    }

    private static MockHttpServletRequestBuilder request(String route) {
        String[] parts = route.split(" ", 2);
        // An id nobody has: allowed callers get 404 and nothing changes; refused callers never get that far.
        String path = parts[1].replace("{id}", "987654321").replace("{token}", "not-a-token");
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path);
        return parts[0].equals("GET") ? request : request.with(csrf());
    }
}
