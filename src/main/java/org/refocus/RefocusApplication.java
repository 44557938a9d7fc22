package org.refocus;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.refocus.shared.Command;
import org.refocus.statistics.cli.AnalyseCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the web application, or runs a command: {@code generate} and {@code create-admin} need the
 * database; {@code analyse} needs nothing but its CSV file.
 */
@SpringBootApplication
public class RefocusApplication {

    private static final Set<String> DATABASE_COMMANDS = Set.of("generate", "create-admin");

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("analyse")) {
            System.exit(AnalyseCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && DATABASE_COMMANDS.contains(args[0])) {
            System.exit(runCommand(args[0], List.of(args).subList(1, args.length)));
        }
        SpringApplication.run(RefocusApplication.class, args);
    }

    private static int runCommand(String name, List<String> args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RefocusApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.web-application-type=none", "spring.main.banner-mode=off")
                .run()) {
            return context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals(name)).findFirst()
                    .map(c -> c.run(args, System.out, System.err))
                    .orElse(2);
        }
    }
}
