package org.refocus.measures.instrument;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring throughput for one completed questionnaire. Run with {@code scripts/benchmark-scoring.sh};
 * excluded from the unit-test run by the surefire configuration. Short iterations on purpose: the
 * machines are small and shared, and scoring is far from any bottleneck.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ScoringBenchmark {

    private InstrumentDefinition qpr15;
    private InstrumentDefinition inspire;
    private Map<String, Integer> qpr15Answers;
    private Map<String, Integer> inspireAnswers;

    @Setup
    public void setUp() {
        InstrumentCatalogue catalogue = InstrumentCatalogue.loadDefault();
        qpr15 = catalogue.get("qpr-15");
        inspire = catalogue.get("inspire");
        qpr15Answers = new HashMap<>();
        for (int i = 1; i <= 15; i++) {
            qpr15Answers.put(String.format("qpr_%02d", i), i % 5);
        }
        // 14 of 20 support items matter to the person; all 7 relationship items answered.
        inspireAnswers = new HashMap<>();
        for (int i = 1; i <= 20; i++) {
            boolean matters = i % 3 != 0;
            inspireAnswers.put(String.format("support_%02d_matters", i), matters ? 1 : 0);
            if (matters) {
                inspireAnswers.put(String.format("support_%02d", i), i % 5);
            }
        }
        for (int i = 1; i <= 7; i++) {
            inspireAnswers.put(String.format("relationship_%02d", i), i % 5);
        }
        check(Scoring.score(qpr15, qpr15Answers));
        check(Scoring.score(inspire, inspireAnswers));
    }

    private static void check(ScoreResult result) {
        if (!result.complete() || result.scores().stream().anyMatch(s -> !s.isPresent())) {
            throw new IllegalStateException("benchmark answers do not score: " + result);
        }
    }

    @Benchmark
    public ScoreResult scoreQpr15() {
        return Scoring.score(qpr15, qpr15Answers);
    }

    @Benchmark
    public ScoreResult scoreInspire() {
        return Scoring.score(inspire, inspireAnswers);
    }
}
