/**
 * The structure care is delivered in: organisations (e.g. NHS trusts), their sites, and the teams at
 * each site. {@link org.refocus.organisation.Organisations} is the only door in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.refocus.organisation;
