/**
 * The shell: home page per role, navigation, error pages and the API's error format. Holds no
 * business rules; it only asks other modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "organisation", "people"})
package org.refocus.web;
