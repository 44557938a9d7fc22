package org.refocus.statistics;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code y ~ arm + baseline + (1 | team)} on 500,000 rows in 2,000 teams of unequal size (100–400),
 * single-threaded. lme4 takes about 3 s for this; the target is under 1 s on one core.
 *
 * <p>{@code fit} starts from an in-memory {@link Dataset} (text columns already dictionary-encoded,
 * as {@link CsvReader} leaves them); {@code buildDatasetAndFit} also encodes the raw team and arm
 * strings. Run with {@code scripts/benchmark-statistics.sh}. Excluded from the unit tests by name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LinearMixedModelBenchmark {

    static final int ROWS = 500_000;
    static final int TEAMS = 2_000;

    private final LinearMixedModel model =
            LinearMixedModel.randomIntercept("y", List.of("arm", "baseline"), "team");
    private String[] team;
    private String[] arm;
    private double[] baseline;
    private double[] y;
    private Dataset dataset;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(2015);
        int[] sizes = new int[TEAMS];
        // Sizes 100–400 in pairs that sum to 500, so the total is exactly 500,000.
        for (int j = 0; j < TEAMS; j += 2) {
            sizes[j] = 100 + random.nextInt(301);
            sizes[j + 1] = 500 - sizes[j];
        }
        team = new String[ROWS];
        arm = new String[ROWS];
        baseline = new double[ROWS];
        y = new double[ROWS];
        int row = 0;
        for (int j = 0; j < TEAMS; j++) {
            String name = "team" + j;
            boolean intervention = random.nextBoolean();
            double teamEffect = 2 * GeneratedTrial.gaussian(random);
            for (int i = 0; i < sizes[j]; i++, row++) {
                team[row] = name;
                arm[row] = intervention ? "intervention" : "control";
                baseline[row] = 35 + 8 * GeneratedTrial.gaussian(random);
                y[row] = 12 + (intervention ? 1.5 : 0) + 0.6 * baseline[row] + teamEffect
                        + 6 * GeneratedTrial.gaussian(random);
            }
        }
        dataset = build();
    }

    private Dataset build() {
        return Dataset.builder().text("team", team).text("arm", arm).numeric("baseline", baseline).numeric("y", y)
                .build();
    }

    @Benchmark
    public RandomInterceptFit fit() {
        return model.fit(dataset);
    }

    @Benchmark
    public RandomInterceptFit buildDatasetAndFit() {
        return model.fit(build());
    }

    /** A quick look without JMH: {@code java -cp … org.refocus.statistics.LinearMixedModelBenchmark}. */
    public static void main(String[] args) {
        LinearMixedModelBenchmark benchmark = new LinearMixedModelBenchmark();
        benchmark.generate();
        RandomInterceptFit fit = null;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            fit = benchmark.fit();
            System.out.printf("fit %d: %.1f ms%n", i, (System.nanoTime() - start) / 1e6);
        }
        System.out.println(fit);
    }
}
