package org.refocus.measures.internal;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.refocus.shared.NavigationEntry;
import org.refocus.shared.PersonSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The measures module's place in the shell: navigation, the person page, and the import worker. */
@Configuration(proxyBeanMethods = false)
class MeasuresConfiguration {

    @Bean
    NavigationEntry measuresDueNavigation() {
        return new NavigationEntry("nav.measures.due", "/measures/due", Set.of("PRACTITIONER", "TEAM_LEADER"), 40);
    }

    @Bean
    NavigationEntry ownMeasuresNavigation() {
        return new NavigationEntry("nav.measures.own", "/people/{personId}/measures", Set.of("SERVICE_USER"), 40);
    }

    @Bean
    NavigationEntry instrumentsNavigation() {
        return new NavigationEntry("nav.measures.instruments", "/admin/instruments", Set.of("ADMIN"), 40);
    }

    @Bean
    PersonSection measuresSection() {
        return new PersonSection("measures.section.title", "measures.section.description", "/people/{id}/measures",
                Set.of("PRACTITIONER", "TEAM_LEADER", "SERVICE_USER"), 30);
    }

    /**
     * Imports run one at a time per node, in the background, so that a large file never holds a request
     * thread; a few more may wait their turn.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService measureImportExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(20), runnable -> {
            Thread thread = new Thread(runnable, "measure-import");
            thread.setDaemon(true);
            return thread;
        });
    }
}
