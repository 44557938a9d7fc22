package org.refocus.programme.internal;

import java.util.Set;
import org.refocus.shared.NavigationEntry;
import org.refocus.shared.PersonSection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings, and what the module adds to the navigation and to a person's page. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgrammeProperties.class)
class ProgrammeConfiguration {

    /** Checked at start-up, so that a wrong weight or threshold stops the application with a clear message. */
    @Bean
    ParticipationSettings participationSettings(ProgrammeProperties properties) {
        return properties.getParticipation().settings();
    }

    @Bean
    NavigationEntry programmeNavigation() {
        return new NavigationEntry("nav.programme", "/programme",
                Set.of("TEAM_LEADER", "PRACTITIONER", "TRAINER", "RESEARCHER", "STATISTICIAN"), 40);
    }

    @Bean
    NavigationEntry resourcesNavigation() {
        return new NavigationEntry("nav.resources", "/resources", Set.of("TEAM_LEADER", "PRACTITIONER", "TRAINER"), 45);
    }

    @Bean
    NavigationEntry projectsNavigation() {
        return new NavigationEntry("nav.projects", "/projects",
                Set.of("TEAM_LEADER", "PRACTITIONER", "TRAINER", "SERVICE_USER"), 50);
    }

    @Bean
    NavigationEntry myResourcesNavigation() {
        return new NavigationEntry("nav.myResources", "/people/{personId}/resources", Set.of("SERVICE_USER"), 55);
    }

    @Bean
    PersonSection resourcesSection() {
        return new PersonSection("person.resources", "person.resources.description", "/people/{id}/resources",
                Set.of("TEAM_LEADER", "PRACTITIONER", "SERVICE_USER"), 60);
    }

    @Bean
    NavigationEntry templatesNavigation() {
        return new NavigationEntry("nav.templates", "/programme/templates", Set.of("ADMIN"), 60);
    }
}
