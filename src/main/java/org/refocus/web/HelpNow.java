package org.refocus.web;

/**
 * What the "If you need help now" box under every page of a person using services links to (hazards H-14
 * and H-05): their crisis plan, or nothing when their account opens no record yet.
 */
public record HelpNow(String crisisPlanHref) {
}
