package org.refocus.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lme4/lmerTest reference fits in {@code ../shared/reference/statistics}, read at test time. The
 * copy under {@code src/test/resources/statistics-reference} is used only where the shared folder is
 * absent.
 */
final class ReferenceData {

    private ReferenceData() {
    }

    static Path directory() {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../shared/reference/statistics").normalize();
        if (Files.isRegularFile(shared.resolve("lme4-reference.txt"))) {
            return shared;
        }
        return Path.of(System.getProperty("user.dir")).resolve("src/test/resources/statistics-reference");
    }

    static Dataset csv(String name) {
        try {
            return CsvReader.read(directory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One {@code [section]} of lme4-reference.txt. */
    record Fit(String name, String outcome, List<String> fixed, String cluster, EstimationMethod method, int n,
            Map<String, double[]> fixedEffects, Map<String, Double> values) {

        /** The CSV the section was fitted to, from its name (dyestuff2_reml → dyestuff2.csv). */
        String dataFile() {
            return name.substring(0, name.indexOf('_')) + ".csv";
        }
    }

    private static final Pattern MODEL = Pattern.compile("(\\w+) ~ (.+) \\+ \\(1 \\| (\\w+)\\)");
    private static final Pattern FIXED = Pattern.compile(
            "fixed\\.(\\S+) = (\\S+)\\s+se = (\\S+)\\s+df = (\\S+)\\s+t = (\\S+)\\s+p = (\\S+)");

    static List<Fit> fits() {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory().resolve("lme4-reference.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Fit> fits = new ArrayList<>();
        String name = null;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, double[]> fixed = new LinkedHashMap<>();
        lines = new ArrayList<>(lines);
        lines.add("[end]");
        for (String line : lines) {
            line = line.strip();
            if (line.startsWith("[")) {
                if (name != null) {
                    fits.add(toFit(name, fields, fixed));
                }
                name = line.substring(1, line.length() - 1);
                fields = new LinkedHashMap<>();
                fixed = new LinkedHashMap<>();
            } else if (line.startsWith("fixed.")) {
                Matcher m = FIXED.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException("unreadable reference line: " + line);
                }
                double[] numbers = new double[5];
                for (int i = 0; i < 5; i++) {
                    numbers[i] = Double.parseDouble(m.group(i + 2));
                }
                fixed.put(m.group(1), numbers);
            } else if (line.contains(" = ")) {
                int at = line.indexOf(" = ");
                fields.put(line.substring(0, at).strip(), line.substring(at + 3).strip());
            }
        }
        return fits;
    }

    private static Fit toFit(String name, Map<String, String> fields, Map<String, double[]> fixed) {
        Matcher m = MODEL.matcher(fields.get("model"));
        if (!m.matches()) {
            throw new IllegalStateException("unreadable model: " + fields.get("model"));
        }
        List<String> terms = new ArrayList<>();
        for (String term : m.group(2).split("\\+")) {
            if (!term.strip().equals("1")) {
                terms.add(term.strip());
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : List.of("variance.group", "variance.residual", "icc", "logLik", "deviance_or_REMLcrit")) {
            values.put(key, Double.parseDouble(fields.get(key)));
        }
        return new Fit(name, m.group(1), terms, m.group(3), EstimationMethod.valueOf(fields.get("method")),
                Integer.parseInt(fields.get("n")), fixed, values);
    }
}
