package org.refocus.programme.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.refocus.shared.RouteRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may reach the programme module's URLs (role level). Object-level rules (only your own teams, only
 * projects you belong to, only resources offered to you) are in the services; see ProgrammeAccess. Every
 * route is listed with the demo users allowed in src/test/resources/routes/programme.routes.
 * The person-level page /people/{id}/resources falls under the people module's /people/** rule.
 */
@Component
class ProgrammeRoutes implements RouteRules {

    private static final String LEADER = "TEAM_LEADER";
    private static final String PRACTITIONER = "PRACTITIONER";
    private static final String TRAINER = "TRAINER";
    private static final String RESEARCHER = "RESEARCHER";
    private static final String STATISTICIAN = "STATISTICIAN";
    private static final String SERVICE_USER = "SERVICE_USER";

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        // Templates: administrators.
        routes.requestMatchers("/programme/templates", "/programme/templates/**", "/programme/template-activities/**")
                .hasRole("ADMIN");

        // Who sees participation: team staff and trainers of the team, researchers and statisticians.
        routes.requestMatchers(GET, "/programme", "/programme/teams/*/participation", "/programme/teams/*/model",
                        "/programme/organisations/*", "/api/v1/teams/*/participation",
                        "/api/v1/organisations/*/participation")
                .hasAnyRole(LEADER, PRACTITIONER, TRAINER, RESEARCHER, STATISTICIAN);
        routes.requestMatchers(GET, "/api/v1/teams")
                .hasAnyRole(LEADER, PRACTITIONER, TRAINER, RESEARCHER, STATISTICIAN, SERVICE_USER);

        // Team leaders: start, change and end the programme, start projects.
        routes.requestMatchers("/programme/teams/*/start", "/programme/teams/*/details", "/programme/teams/*/end",
                "/programme/teams/*/projects/new").hasRole(LEADER);
        routes.requestMatchers(POST, "/programme/teams/*/projects").hasRole(LEADER);

        // Team leaders and trainers: plan and deliver sessions, agree statements, record values exercises.
        routes.requestMatchers("/programme/teams/*/sessions/new", "/programme/sessions/*/edit",
                        "/programme/sessions/*/delivery", "/programme/teams/*/recovery-statement/new",
                        "/programme/teams/*/values/new", "/programme/values-exercises/*/edit")
                .hasAnyRole(LEADER, TRAINER);
        routes.requestMatchers(POST, "/programme/teams/*/sessions", "/programme/sessions/*",
                        "/programme/sessions/*/cancel", "/programme/teams/*/recovery-statement",
                        "/programme/teams/*/values", "/programme/values-exercises/*")
                .hasAnyRole(LEADER, TRAINER);
        // Trainers: the session report.
        routes.requestMatchers("/programme/sessions/*/report").hasRole(TRAINER);

        // Everyone in the team, including trainers: see the programme; write their own values reflection.
        routes.requestMatchers(GET, "/programme/teams/*", "/programme/teams/*/training", "/programme/sessions/*",
                        "/programme/teams/*/recovery-statement", "/programme/teams/*/values",
                        "/programme/values-exercises/*", "/api/v1/teams/*/programme", "/api/v1/teams/*/sessions")
                .hasAnyRole(LEADER, PRACTITIONER, TRAINER);
        routes.requestMatchers(POST, "/programme/values-exercises/*/reflection").hasAnyRole(LEADER, PRACTITIONER, TRAINER);

        // Partnership Projects: members are staff and people who use the service.
        routes.requestMatchers("/projects/*/members/new").hasRole(LEADER);
        routes.requestMatchers(POST, "/projects/*/members", "/projects/*/people", "/projects/members/*/remove")
                .hasRole(LEADER);
        routes.requestMatchers(GET, "/projects", "/projects/*", "/api/v1/teams/*/projects")
                .hasAnyRole(LEADER, PRACTITIONER, TRAINER, SERVICE_USER);
        routes.requestMatchers("/projects/*/edit", "/projects/*/outcome", "/projects/*/tasks/new",
                        "/projects/tasks/*", "/projects/*/budget/new", "/projects/budget-entries/*/correction",
                        "/projects/*/decisions/new")
                .hasAnyRole(LEADER, PRACTITIONER, SERVICE_USER);
        routes.requestMatchers(POST, "/projects/*", "/projects/*/tasks", "/projects/*/budget", "/projects/*/decisions")
                .hasAnyRole(LEADER, PRACTITIONER, SERVICE_USER);

        // Resource library: team leaders and trainers add, change, retire and bring back resources.
        routes.requestMatchers("/resources/new", "/resources/*/edit", "/resources/*/retire").hasAnyRole(LEADER, TRAINER);
        routes.requestMatchers(POST, "/resources", "/resources/*", "/resources/*/restore").hasAnyRole(LEADER, TRAINER);
        routes.requestMatchers(GET, "/resources/*/file").hasAnyRole(LEADER, PRACTITIONER, TRAINER, SERVICE_USER);
        routes.requestMatchers(GET, "/resources", "/resources/*").hasAnyRole(LEADER, PRACTITIONER, TRAINER);
    }
}
