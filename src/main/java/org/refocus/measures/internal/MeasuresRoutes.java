package org.refocus.measures.internal;

import java.util.List;
import org.refocus.shared.RouteRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who reaches the measures URLs. Object-level reach (which person) is checked in the services.
 *
 * <ul>
 *   <li>Instrument descriptions and scoring without storing ({@code /api/v1/instruments/**}) and FHIR
 *       Questionnaires hold no personal data: any signed-in member of staff, researchers and statisticians
 *       included. Service users see the wording on their own questionnaire pages instead.</li>
 *   <li>A person's measures, responses and FHIR QuestionnaireResponses and Observations: practitioners
 *       and team leaders of the person's team, and the person themselves. Never researchers,
 *       statisticians, trainers or administrators.</li>
 *   <li>Due lists, team results (aggregates only) and CSV imports: practitioners and team leaders.</li>
 *   <li>The instrument library (wording import and its previews, re-scoring): administrators. A preview is
 *       further its uploader's only ({@link PendingContentImports}).</li>
 * </ul>
 * Declared before the people module's broader {@code /people/**} rule, so that staff-only pages under a
 * person stay staff-only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MeasuresRoutes implements RouteRules {

    private static final String[] STAFF = {"ADMIN", "TEAM_LEADER", "PRACTITIONER", "TRAINER", "RESEARCHER",
            "STATISTICIAN"};

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/v1/instruments", "/api/v1/instruments/**").hasAnyRole(STAFF);
        routes.requestMatchers(HttpMethod.GET, "/fhir/Questionnaire", "/fhir/Questionnaire/*").hasAnyRole(STAFF);
        routes.requestMatchers(HttpMethod.GET, "/fhir/QuestionnaireResponse", "/fhir/QuestionnaireResponse/*",
                "/fhir/Observation", "/fhir/Observation/*").hasAnyRole("PRACTITIONER", "TEAM_LEADER", "SERVICE_USER");
        routes.requestMatchers("/measures/responses/*/entered-in-error", "/measures/responses/*/hand-back")
                .hasAnyRole("PRACTITIONER", "TEAM_LEADER");
        routes.requestMatchers("/people/*/measures/assign", "/measures/schedules/**", "/measures/due",
                "/measures/teams/**", "/measures/imports", "/measures/imports/**")
                .hasAnyRole("PRACTITIONER", "TEAM_LEADER");
        routes.requestMatchers("/people/*/measures", "/people/*/measures/**", "/measures/responses/**")
                .hasAnyRole("PRACTITIONER", "TEAM_LEADER", "SERVICE_USER");
        routes.requestMatchers("/admin/instruments", "/admin/instruments/**").hasRole("ADMIN");
    }

    @Override
    public List<String> postsThatChangeNothing() {
        return List.of("/api/v1/instruments/*/score");
    }
}
