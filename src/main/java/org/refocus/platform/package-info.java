/**
 * Runs REFOCUS on one laptop: an embedded PostgreSQL whose data lives under {@code refocus.data-dir}
 * when no external database is configured. With {@code spring.datasource.url} set, nothing here starts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.refocus.platform;
