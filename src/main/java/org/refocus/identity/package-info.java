/**
 * Accounts, roles, team memberships, sign-in and sessions. Exposes {@link org.refocus.identity.Accounts}
 * for administration and {@link org.refocus.identity.CurrentUser} as the signed-in principal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "organisation"})
package org.refocus.identity;
