package org.refocus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine must stay usable without the application: no Spring, no database, no JSON library. */
class PurityTest {

    @Test
    void importsNothingButTheJdkAndCommonsMath() throws IOException {
        Path sources = Path.of(System.getProperty("user.dir")).resolve("src/main/java/org/refocus/statistics");
        List<String> offending;
        try (Stream<Path> files = Files.walk(sources)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> lines(file).stream()
                            .filter(line -> line.startsWith("import "))
                            .filter(line -> !line.matches("import (static )?(java\\.|org\\.apache\\.commons\\.math3\\."
                                    + "|org\\.refocus\\.statistics\\.).*"))
                            .map(line -> sources.relativize(file) + ": " + line))
                    .toList();
        }
        assertEquals(List.of(), offending);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
