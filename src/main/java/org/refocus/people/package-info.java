/**
 * The people who use services: their record, their team and named care coordinator, and who may reach
 * them. {@link org.refocus.people.People} is the only door in, and the only place that decides whether
 * the signed-in user may see a person; other modules ask it before touching anything about a person.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "organisation", "identity"})
package org.refocus.people;
