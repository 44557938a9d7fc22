package org.refocus.demo.internal;

import java.io.PrintStream;
import java.util.List;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditTrail;
import org.refocus.demo.DemoContent;
import org.refocus.shared.Command;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code generate --teams N --people M [--seed S]}: synthetic volume for benchmarks, in one
 * transaction (all or nothing), with a progress line. Generated staff can sign in with
 * REFOCUS_DEMO_PASSWORD when it is set, and cannot sign in otherwise.
 */
@Component
class GenerateCommand implements Command {

    private final SyntheticPopulation population;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final String staffPassword;
    private final List<DemoContent> content;

    GenerateCommand(SyntheticPopulation population, TransactionTemplate transaction, PasswordEncoder passwords,
            AuditTrail audit, @Value("${refocus.demo-password:}") String staffPassword,
            ObjectProvider<DemoContent> content) {
        this.population = population;
        this.transaction = transaction;
        this.passwords = passwords;
        this.audit = audit;
        this.staffPassword = staffPassword;
        this.content = content.orderedStream().toList();
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            err.println("usage: generate --teams N --people M [--seed S]");
            return 2;
        }
        long started = System.nanoTime();
        String hash = staffPassword.isBlank() ? null : passwords.encode(staffPassword);
        transaction.executeWithoutResult(status -> {
            int[] shown = {-1};
            population.generate(options.teams(), options.people(), options.seed(), hash, written -> {
                int percent = (int) (100 * written / Math.max(1, options.people()));
                // One update per percent: readable on a terminal, and a log file stays short.
                if (percent != shown[0]) {
                    shown[0] = percent;
                    err.printf("\rGenerating: %,d of %,d people (%d%%)", written, options.people(), percent);
                }
            }, ids -> content.forEach(c -> c.addToGenerated(new DemoContent.GeneratedPeople(ids, options.seed()))));
            audit.recordFor("system", null, AuditAction.CREATED, AuditOutcome.ALLOWED, "synthetic_data", null,
                    "teams=" + options.teams() + " people=" + options.people() + " seed=" + options.seed());
        });
        err.println();
        out.printf("Generated %,d teams and %,d people in %.1f s (seed %d).%n", options.teams(), options.people(),
                (System.nanoTime() - started) / 1e9, options.seed());
        return 0;
    }

    record Options(int teams, int people, long seed) {
        static Options parse(List<String> args) {
            Integer teams = null;
            Integer people = null;
            long seed = 1;
            for (int i = 0; i < args.size(); i++) {
                String flag = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                String value = args.get(++i);
                try {
                    switch (flag) {
                        case "--teams" -> teams = Integer.parseInt(value);
                        case "--people" -> people = Integer.parseInt(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        default -> throw new IllegalArgumentException("unknown option " + flag);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(flag + " needs a whole number, not '" + value + "'");
                }
            }
            if (teams == null || people == null) {
                throw new IllegalArgumentException("--teams and --people are required");
            }
            if (teams < 1 || people < 0 || teams > 100_000 || people > 10_000_000) {
                throw new IllegalArgumentException("--teams must be 1..100000 and --people 0..10000000");
            }
            return new Options(teams, people, seed);
        }
    }
}
