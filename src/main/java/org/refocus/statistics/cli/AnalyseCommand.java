package org.refocus.statistics.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.refocus.statistics.CsvReader;
import org.refocus.statistics.Dataset;
import org.refocus.statistics.EstimationMethod;
import org.refocus.statistics.FixedEffect;
import org.refocus.statistics.InvalidDataException;
import org.refocus.statistics.LinearMixedModel;
import org.refocus.statistics.RandomInterceptFit;

/**
 * {@code refocus analyse}: fits a random-intercept linear mixed model to a CSV file and prints the
 * fit as JSON, without starting the web application.
 *
 * <pre>
 * analyse --data FILE.csv --outcome COL [--fixed COL[,COL...]] --cluster COL [--method reml|ml]
 * </pre>
 *
 * <p>Output keys: {@code n}, {@code groups}, {@code dropped}, {@code method}, {@code fixed} (a list of
 * {@code term}, {@code estimate}, {@code se}, {@code df}, {@code t}, {@code p}, {@code ci_low},
 * {@code ci_high}), {@code variance} ({@code group}, {@code residual}), {@code icc}, {@code logLik}.
 * Without {@code --fixed} the model has an intercept only.
 */
public final class AnalyseCommand {

    /** Exit code for a successful fit. */
    public static final int OK = 0;
    /** Exit code for an unexpected internal failure. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code for bad arguments or data that cannot be analysed. */
    public static final int USAGE_OR_DATA_ERROR = 2;

    static final String USAGE = "usage: analyse --data FILE.csv --outcome COL [--fixed COL[,COL...]] --cluster COL"
            + " [--method reml|ml]";

    private AnalyseCommand() {
    }

    /**
     * Runs the command. Problems are reported as one line on {@code err} starting with
     * {@code error:}; nothing is written to {@code out} then.
     *
     * @param args the arguments after {@code analyse}
     * @return {@link #OK}, {@link #USAGE_OR_DATA_ERROR} or {@link #INTERNAL_ERROR}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = parse(args);
            if (options.containsKey("help")) {
                out.println(USAGE);
                return OK;
            }
            String data = required(options, "data");
            String outcome = required(options, "outcome");
            String cluster = required(options, "cluster");
            List<String> fixed = new ArrayList<>();
            String fixedOption = options.getOrDefault("fixed", "");
            if (!fixedOption.isBlank()) {
                for (String column : fixedOption.split(",", -1)) {
                    if (column.isBlank()) {
                        throw new UsageException("--fixed has an empty column name: '" + fixedOption + "'");
                    }
                    fixed.add(column.strip());
                }
            }
            EstimationMethod method = method(options.getOrDefault("method", "reml"));
            Dataset dataset = CsvReader.read(Path.of(data));
            RandomInterceptFit fit = LinearMixedModel.randomIntercept(outcome, fixed, cluster).withMethod(method)
                    .fit(dataset);
            out.println(json(fit));
            out.flush();
            return OK;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " (" + USAGE + ")");
            return USAGE_OR_DATA_ERROR;
        } catch (InvalidDataException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return USAGE_OR_DATA_ERROR;
        } catch (IOException e) {
            err.println("error: cannot read data: " + oneLine(String.valueOf(e.getMessage())));
            return USAGE_OR_DATA_ERROR;
        } catch (RuntimeException e) {
            err.println("error: internal failure: " + oneLine(e.toString()));
            return INTERNAL_ERROR;
        }
    }

    static String json(RandomInterceptFit fit) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("n").value(fit.n());
        json.name("groups").value(fit.groups());
        json.name("dropped").value(fit.dropped());
        json.name("method").value(fit.method().name());
        json.name("fixed").beginArray();
        for (FixedEffect effect : fit.fixedEffects()) {
            json.beginObject()
                    .name("term").value(effect.term())
                    .name("estimate").value(effect.estimate())
                    .name("se").value(effect.standardError())
                    .name("df").value(effect.degreesOfFreedom())
                    .name("t").value(effect.t())
                    .name("p").value(effect.p())
                    .name("ci_low").value(effect.confidenceLow())
                    .name("ci_high").value(effect.confidenceHigh())
                    .endObject();
        }
        json.endArray();
        json.name("variance").beginObject()
                .name("group").value(fit.groupVariance())
                .name("residual").value(fit.residualVariance())
                .endObject();
        json.name("icc").value(fit.icc());
        json.name("logLik").value(fit.logLikelihood());
        return json.endObject().toString();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!List.of("data", "outcome", "fixed", "cluster", "method").contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("missing --" + name);
        }
        return value.strip();
    }

    private static EstimationMethod method(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "reml" -> EstimationMethod.REML;
            case "ml" -> EstimationMethod.ML;
            default -> throw new UsageException("--method must be reml or ml, not '" + value + "'");
        };
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** Bad command-line arguments. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
