package org.refocus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a page shows comes from the message files. A text with arguments ({0}) goes through
 * {@link MessageFormat}, where a single apostrophe starts a quoted section: "the developers' own
 * instructions when {0} was set up" would show "{0}" to the reader instead of the instrument's name.
 */
class MessageTextsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyTextWithArgumentsDoublesItsApostrophesSoThatTheArgumentsAreFilledIn() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : messageFiles()) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (ARGUMENT.matcher(text).find() && LONE_APOSTROPHE.matcher(text).find()) {
                    wrong.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(wrong).as("texts with arguments and a single apostrophe (write '' for ')").isEmpty();
    }

    @Test
    void theResultsPageSaysWhichInstrumentCouldNotBeConfirmed() throws IOException {
        String text = load(Path.of("src/main/resources/i18n/measures.properties"))
                .getProperty("measures.results.unconfirmedIntro");
        assertThat(new MessageFormat(text).format(new Object[] {"QPR-15"}))
                .contains("the developers' own instructions when QPR-15 was set up here");
    }

    @Test
    void countsReadRightForOneAndForMany() throws IOException {
        Properties texts = load(Path.of("src/main/resources/i18n/measures.properties"));
        assertThat(format(texts, "measures.repeat.every", 1)).isEqualTo("Every month");
        assertThat(format(texts, "measures.repeat.every", 3)).isEqualTo("Every 3 months");
        assertThat(format(texts, "measures.absent.ITEMS_MISSING", 1, 7))
                .startsWith("No score this time. 1 of the 7 questions this score needs was skipped,");
        assertThat(format(texts, "measures.absent.TOO_MANY_ITEMS_MISSING", 2, 7))
                .startsWith("No score this time. 2 of the 7 questions this score needs were skipped,");
        assertThat(format(texts, "measures.import.failedText", 1, 300_001))
                .startsWith("1 of the 300,001 rows has a problem. Correct it and import");
        assertThat(format(texts, "measures.import.failedText", 2_500, 300_001))
                .startsWith("2,500 of the 300,001 rows have problems. Correct them and import");
    }

    private static String format(Properties texts, String key, Object... arguments) {
        return new MessageFormat(texts.getProperty(key), java.util.Locale.UK).format(arguments);
    }

    private static List<Path> messageFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Stream.of(Path.of("src/main/resources/messages.properties")),
                Files.list(Path.of("src/main/resources/i18n")))) {
            return files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStreamReader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
