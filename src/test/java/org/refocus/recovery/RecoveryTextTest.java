package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the recovery pages and code use exists, including one per value of each enum shown. */
class RecoveryTextTest {

    private static final Pattern KEY = Pattern.compile("(?:#\\{|\"|')(recovery\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])(?=[}\"'(])");

    @Test
    void everyKeyUsedIsDefined() throws IOException {
        Properties text = text();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates/recovery")),
                Files.walk(Path.of("src/main/java/org/refocus/recovery")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeIf(k -> k.startsWith("recovery_"));
        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(text).as(key).containsKey(key));
    }

    @Test
    void everyValueOfEachEnumShownHasItsWords() throws IOException {
        Properties text = text();
        check(text, "recovery.preference.area.", PreferenceArea.values());
        check(text, "recovery.voice.", Voice.values());
        check(text, "recovery.voice.choice.", Voice.values());
        check(text, "recovery.goal.status.", GoalStatus.values());
        check(text, "recovery.goal.status.choice.", GoalStatus.values());
        check(text, "recovery.goals.group.", GoalStatus.values());
        check(text, "recovery.chime.", Chime.values());
        check(text, "recovery.chime.choice.", Chime.values());
        check(text, "recovery.step.owner.", StepOwner.values());
        check(text, "recovery.step.owner.choice.", StepOwner.values());
        check(text, "recovery.contact.kind.", ContactKind.values());
        check(text, "recovery.practice.", Practice.values());
        check(text, "recovery.practice.choice.", Practice.values());
        check(text, "recovery.history.record.", RecordType.values());
        for (int level = -2; level <= 2; level++) {
            assertThat(text).containsKey("recovery.gas.level." + level);
        }
        for (String change : new String[] {"CREATED", "CHANGED", "REMOVED"}) {
            assertThat(text).containsKey("recovery.history.change." + change);
        }
        Arrays.stream(PreferenceArea.values()).filter(a -> !a.isCrisis())
                .forEach(a -> assertThat(text).containsKey("recovery.preference.area." + a + ".hint"));
    }

    private static void check(Properties text, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            assertThat(text).as(prefix + value).containsKey(prefix + value.name());
        }
    }

    private static Properties text() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n/recovery.properties"))) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
