package org.refocus.platform;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * On an external PostgreSQL, with {@code refocus.database.application-role} set: the migrations run as
 * the owner ({@code spring.flyway.user}) and then grant that role, which the application connects as
 * ({@code spring.datasource.username}), only what it needs. See {@link ApplicationRoleGrants}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnProperty("refocus.database.application-role")
class ExternalDatabaseRoles {

    @Bean
    ApplicationRoleGrants applicationRoleGrants(@Value("${refocus.database.application-role}") String role) {
        return new ApplicationRoleGrants(role);
    }

    @Bean
    @DependsOn("flywayInitializer")
    ApplicationRoleCheck applicationRoleCheck(DataSource dataSource,
            @Value("${refocus.database.application-role}") String role) {
        return new ApplicationRoleCheck(dataSource, role);
    }
}
