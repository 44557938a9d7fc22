/** The {@code analyse} command line, exposed so that the application's entry point can run it. */
@org.springframework.modulith.NamedInterface("cli")
package org.refocus.statistics.cli;
