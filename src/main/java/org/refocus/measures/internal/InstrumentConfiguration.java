package org.refocus.measures.internal;

import ca.uhn.fhir.context.FhirContext;
import org.refocus.measures.instrument.InstrumentCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class InstrumentConfiguration {

    /** Every definition shipped with the application, validated once; start-up fails on any problem. */
    @Bean
    InstrumentCatalogue instrumentCatalogue() {
        return InstrumentCatalogue.loadDefault();
    }

    /** HAPI's R4 context is expensive to create and thread-safe: one per application, made on first use. */
    @Bean
    @Lazy
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
