package org.refocus.recovery.internal;

import java.util.Set;
import org.refocus.shared.NavigationEntry;
import org.refocus.shared.PersonSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the recovery plan is linked from: the person's page, the service user's menu, administration. */
@Configuration(proxyBeanMethods = false)
class RecoveryLinks {

    @Bean
    PersonSection recoveryPlanSection() {
        return new PersonSection("recovery.section.plan", "recovery.section.plan.description", "/people/{id}/plan",
                Set.of("PRACTITIONER", "TEAM_LEADER", "SERVICE_USER"), 10);
    }

    @Bean
    PersonSection contactsSection() {
        return new PersonSection("recovery.section.contacts", "recovery.section.contacts.description",
                "/people/{id}/contacts", Set.of("PRACTITIONER", "TEAM_LEADER", "SERVICE_USER"), 20);
    }

    @Bean
    NavigationEntry myPlan() {
        return new NavigationEntry("recovery.nav.myPlan", "/people/{personId}/plan", Set.of("SERVICE_USER"), 10);
    }

    @Bean
    NavigationEntry lifeDomains() {
        return new NavigationEntry("recovery.nav.lifeDomains", "/admin/life-domains", Set.of("ADMIN"), 65);
    }
}
