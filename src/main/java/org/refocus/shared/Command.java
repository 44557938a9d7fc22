package org.refocus.shared;

import java.io.PrintStream;
import java.util.List;

/** A command-line task run inside the application context without the web server. */
public interface Command {

    /** The first word on the command line, e.g. {@code generate}. */
    String name();

    /** Runs the command; returns the process exit code (0 success, 2 bad usage or input). */
    int run(List<String> args, PrintStream out, PrintStream err);
}
