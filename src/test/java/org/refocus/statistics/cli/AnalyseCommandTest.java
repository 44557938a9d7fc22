package org.refocus.statistics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The analyse command end to end: a CSV on disk in, JSON (parsed by a real JSON library) out. */
class AnalyseCommandTest {

    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AnalyseCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path csv(String content) throws IOException {
        Path file = folder.resolve("data.csv");
        Files.writeString(file, content);
        return file;
    }

    /** Sleep study with a few damaged rows: an NA outcome, an empty Days and a quoted comma in a note. */
    private Path sleepstudyWithMissingRows() throws IOException {
        Path source = Path.of(System.getProperty("user.dir")).resolve("../shared/reference/statistics/sleepstudy.csv");
        if (!Files.exists(source)) {
            source = Path.of(System.getProperty("user.dir")).resolve("src/test/resources/statistics-reference/sleepstudy.csv");
        }
        StringBuilder text = new StringBuilder();
        java.util.List<String> lines = Files.readAllLines(source);
        text.append(lines.get(0)).append(",\"Note\"\n");
        for (int i = 1; i < lines.size(); i++) {
            text.append(lines.get(i)).append(i == 5 ? ",\"slept, badly \"\"twice\"\"\"" : ",").append('\n');
        }
        text.append("NA,3,\"308\",\n");
        text.append("300.5,,\"309\",\n");
        return csv(text.toString());
    }

    @Test
    void fitsTheModelAndPrintsTheAgreedJson() throws IOException {
        Path data = sleepstudyWithMissingRows();
        Run result = run("--data", data.toString(), "--outcome", "Reaction", "--fixed", "Days", "--cluster", "Subject");
        assertEquals(0, result.exit(), result.err());
        assertEquals("", result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(180, json.get("n").asInt());
        assertEquals(18, json.get("groups").asInt());
        assertEquals(2, json.get("dropped").asInt());
        assertEquals("REML", json.get("method").asString());
        JsonNode days = json.get("fixed").get(1);
        assertEquals("Days", days.get("term").asString());
        assertEquals(10.4672859596, days.get("estimate").asDouble(), 1e-9);
        assertEquals(0.8042214289, days.get("se").asDouble(), 1e-9);
        assertEquals(161.0, days.get("df").asDouble(), 1e-6);
        assertEquals(13.01542782, days.get("t").asDouble(), 1e-7);
        assertEquals(6.412601231e-27, days.get("p").asDouble(), 1e-32);
        assertTrue(days.get("ci_low").asDouble() < 10.467 && days.get("ci_high").asDouble() > 10.468);
        assertEquals("(Intercept)", json.get("fixed").get(0).get("term").asString());
        assertEquals(1378.1785138090, json.get("variance").get("group").asDouble(), 1e-3);
        assertEquals(960.4565785605, json.get("variance").get("residual").asDouble(), 1e-3);
        assertEquals(0.5893089171, json.get("icc").asDouble(), 1e-8);
        assertEquals(-893.2325426975, json.get("logLik").asDouble(), 1e-8);
    }

    @Test
    void fitsByMaximumLikelihoodWhenAsked() throws IOException {
        Path data = sleepstudyWithMissingRows();
        Run result = run("--data=" + data, "--outcome=Reaction", "--fixed=Days", "--cluster=Subject", "--method=ML");
        assertEquals(0, result.exit(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals("ML", json.get("method").asString());
        assertEquals(-897.0393215026, json.get("logLik").asDouble(), 1e-8);
    }

    @Test
    void writesFullPrecisionNumbersAndNullForNonFiniteOnes() {
        String text = new JsonWriter().beginObject().name("a").value(0.1 + 0.2).name("b").value(Double.NaN)
                .name("c").value("quote \" back\\slash\nnew line \u0001").endObject().toString();
        JsonNode json = new ObjectMapper().readTree(text);
        assertEquals(0.1 + 0.2, json.get("a").asDouble(), 0.0);
        assertTrue(json.get("b").isNull());
        assertEquals("quote \" back\\slash\nnew line \u0001", json.get("c").asString());
    }

    private void assertOneLineError(Run result, String expected) {
        assertEquals(AnalyseCommand.USAGE_OR_DATA_ERROR, result.exit());
        assertEquals("", result.out());
        String err = result.err();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void reportsAMissingColumnOnOneLine() throws IOException {
        Path data = csv("team,y\na,1\na,2\nb,3\nb,5\n");
        assertOneLineError(run("--data", data.toString(), "--outcome", "y", "--fixed", "age", "--cluster", "team"),
                "column 'age' not found");
    }

    @Test
    void reportsANonNumericOutcomeOnOneLine() throws IOException {
        Path data = csv("team,y\na,1\na,2\nb,three\nb,5\n");
        assertOneLineError(run("--data", data.toString(), "--outcome", "y", "--cluster", "team"),
                "outcome column 'y' is not numeric");
    }

    @Test
    void reportsASingleClusterOnOneLine() throws IOException {
        Path data = csv("team,y,x\na,1,1\na,2,2\na,4,3\n");
        assertOneLineError(run("--data", data.toString(), "--outcome", "y", "--fixed", "x", "--cluster", "team"),
                "only one cluster");
    }

    @Test
    void reportsUsageMistakesOnOneLine() throws IOException {
        Path data = csv("team,y\na,1\na,2\nb,3\nb,5\n");
        assertOneLineError(run("--data", data.toString(), "--outcome", "y"), "missing --cluster");
        assertOneLineError(run("--data", data.toString(), "--outcome", "y", "--cluster", "team", "--method", "bayes"),
                "--method must be reml or ml");
        assertOneLineError(run("--data", folder.resolve("absent.csv").toString(), "--outcome", "y", "--cluster", "team"),
                "data file not found");
        assertOneLineError(run("--colour", "red"), "unknown option --colour");
    }

    @Test
    void reportsARaggedCsvRowOnOneLine() throws IOException {
        Path data = csv("team,y\na,1\na,2,7\nb,3\n");
        assertOneLineError(run("--data", data.toString(), "--outcome", "y", "--cluster", "team"),
                "line 3 has 3 fields; the header has 2");
    }
}
