package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstrumentCatalogueTest {

    private static final List<String> CODES = List.of("dialog", "inspire", "inspire-brief", "inspire-o-brief",
            "qpr-15", "qpr-22", "swemwbs", "wemwbs");

    /** The smallest valid definition; each rejection test breaks one thing in it. */
    static final String VALID = """
            {
              "code": "tiny", "version": "1", "title": "Tiny test instrument", "rights": "FREE",
              "copyright": "Test copyright line",
              "responseSets": [{"id": "scale", "options": [{"code": 0, "label": "low"}, {"code": 1, "label": "mid"},
                                                         {"code": 2, "label": "high"}]}],
              "items": [{"key": "a_01", "number": 1, "label": "A1", "responseSet": "scale"},
                        {"key": "a_02", "number": 2, "label": "A2", "responseSet": "scale"},
                        {"key": "b_01", "number": 3, "label": "B1", "responseSet": "scale"}],
              "subscales": [{"key": "a", "label": "A", "items": ["a_01", "a_02"]}],
              "scores": [{"key": "total", "label": "Total", "aggregation": "SUM", "decimals": 0, "minimum": 0, "maximum": 6},
                         {"key": "a", "label": "A", "subscale": "a", "aggregation": "SUM", "decimals": 0,
                          "minimum": 0, "maximum": 4}],
              "sources": [{"fact": "made up for a test", "reference": "this test"}]
            }
            """;

    static InstrumentDefinition parse(String json) {
        return InstrumentDefinitionParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "test.json");
    }

    @Test
    void loadsExactlyTheEightShippedInstrumentsByCode() {
        InstrumentCatalogue catalogue = InstrumentCatalogue.loadDefault();

        assertThat(catalogue.codes()).containsExactlyElementsOf(CODES);
        assertThat(catalogue.current()).extracting(InstrumentDefinition::code).containsExactlyElementsOf(CODES);
        assertThat(catalogue.get("qpr-15").title()).contains("Process of Recovery");
        assertThat(catalogue.find("qpr-15", "1")).isPresent();
        assertThat(catalogue.find("qpr-15", "2")).isEmpty();
        assertThat(catalogue.find("honos")).isEmpty();
        assertThatThrownBy(() -> catalogue.get("honos")).hasMessageContaining("honos");
    }

    @Test
    void listsEveryDefinitionFileInTheIndex() throws IOException {
        Path directory = Path.of("src/main/resources/instruments/definitions");
        List<String> files;
        try (Stream<Path> paths = Files.list(directory)) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        List<String> indexed = Files.readAllLines(directory.resolve("index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();

        assertThat(indexed).isEqualTo(files);
        assertThat(files).hasSize(8);
    }

    @Test
    void everyShippedDefinitionIsValidRecordsItsSourcesAndDefaultsToNoScoreWhenItemsAreMissing() {
        for (InstrumentDefinition definition : InstrumentCatalogue.loadDefault().all()) {
            assertThat(DefinitionValidator.problems(definition)).as(definition.reference()).isEmpty();
            assertThat(definition.sources()).as(definition.reference()).isNotEmpty();
            assertThat(definition.copyright()).as(definition.reference()).isNotBlank();
            assertThat(definition.missingDataPolicy()).as(definition.reference())
                    .isEqualTo(MissingDataPolicy.COMPLETE_ITEMS_ONLY);
        }
    }

    @Test
    void marksEveryInstrumentWithUnconfirmedDetailsInItsNotes() {
        InstrumentCatalogue catalogue = InstrumentCatalogue.loadDefault();

        assertThat(catalogue.get("qpr-22").unconfirmed()).anyMatch(n -> n.contains("subscale key is NOT confirmed"));
        assertThat(catalogue.get("inspire").unconfirmed()).anyMatch(n -> n.contains("0-100 formula is NOT confirmed"))
                .anyMatch(n -> n.contains("CHIME-domain key is NOT confirmed"));
        assertThat(catalogue.get("inspire-brief").unconfirmed()).isNotEmpty();
        assertThat(catalogue.get("inspire-o-brief").unconfirmed()).isNotEmpty();
        assertThat(catalogue.get("swemwbs").unconfirmed()).isNotEmpty();
    }

    @Test
    void recordsTheRightsOfEachInstrumentAsTheProductBriefStatesThem() {
        InstrumentCatalogue catalogue = InstrumentCatalogue.loadDefault();

        assertThat(catalogue.get("qpr-15").rights()).isEqualTo(RightsStatus.FREE);
        assertThat(catalogue.get("qpr-22").rights()).isEqualTo(RightsStatus.FREE);
        assertThat(catalogue.get("inspire").rights()).isEqualTo(RightsStatus.FREE_WITH_CONDITIONS);
        assertThat(catalogue.get("wemwbs").rights()).isEqualTo(RightsStatus.FREE_WITH_CONDITIONS);
        assertThat(catalogue.get("dialog").rights()).isEqualTo(RightsStatus.LICENSED_CONTENT_REQUIRED);
        assertThat(catalogue.get("swemwbs").copyright())
                .isEqualTo("Short Warwick Edinburgh Mental Wellbeing Scale (SWEMWBS) © NHS Health Scotland, "
                        + "University of Warwick and University of Edinburgh, 2008, all rights reserved.");
    }

    @Test
    void acceptsTheMinimalTestDefinition() {
        InstrumentDefinition tiny = parse(VALID);

        assertThat(tiny.items()).extracting(Item::key).containsExactly("a_01", "a_02", "b_01");
        assertThat(tiny.item("a_02")).isPresent();
        assertThat(tiny.item("zz")).isEmpty();
    }

    static Stream<Arguments> brokenDefinitions() {
        return Stream.of(
                broken("a duplicate item key", j -> j.replace("\"key\": \"b_01\"", "\"key\": \"a_01\""),
                        "item key 'a_01' is used twice"),
                broken("a subscale naming a missing item", j -> j.replace("[\"a_01\", \"a_02\"]", "[\"a_01\", \"a_09\"]"),
                        "subscale 'a' names item 'a_09' which does not exist"),
                broken("a repeated option code", j -> j.replace("{\"code\": 1, \"label\": \"mid\"}",
                        "{\"code\": 0, \"label\": \"mid\"}"), "repeats option code 0"),
                broken("an item using an undeclared response set",
                        j -> j.replace("\"label\": \"B1\", \"responseSet\": \"scale\"",
                                "\"label\": \"B1\", \"responseSet\": \"other\""), "response set 'other' is not declared"),
                broken("a declared maximum the items cannot reach", j -> j.replace("\"maximum\": 6", "\"maximum\": 8"),
                        "declares maximum 8 but the items give 6"),
                broken("a score on an unknown subscale", j -> j.replace("\"subscale\": \"a\"", "\"subscale\": \"c\""),
                        "uses unknown subscale 'c'"),
                broken("a misspelt property", j -> j.replace("\"decimals\": 0, \"minimum\": 0, \"maximum\": 6",
                        "\"decimal\": 0, \"minimum\": 0, \"maximum\": 6"), "unknown property 'decimal'"),
                broken("an unknown rights status", j -> j.replace("\"FREE\"", "\"OPEN\""), "must be FREE"),
                broken("no sources", j -> j.replace("[{\"fact\": \"made up for a test\", \"reference\": \"this test\"}]",
                        "[]"), "at least one source"),
                broken("a gate on an unknown item", j -> j.replace("\"label\": \"B1\",",
                        "\"label\": \"B1\", \"gate\": {\"item\": \"nope\", \"includeWhen\": 1},"),
                        "gated by unknown item 'nope'"),
                broken("an upper-case item key", j -> j.replace("\"b_01\"", "\"B_01\""), "item key 'B_01' must be"),
                broken("JSON that does not parse", j -> j.substring(0, 40), "not valid JSON"));
    }

    private static Arguments broken(String what, UnaryOperator<String> breakIt, String problem) {
        return Arguments.of(what, breakIt.apply(VALID), problem);
    }

    @ParameterizedTest(name = "rejects a definition with {0}")
    @MethodSource("brokenDefinitions")
    void rejectsABrokenDefinitionAndSaysWhy(String what, String json, String problem) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidInstrumentException.class)
                .satisfies(e -> assertThat(((InvalidInstrumentException) e).problems())
                        .anyMatch(p -> p.contains(problem)));
    }

    @Test
    void rejectsAConversionTableWithAGap() {
        String json = VALID.replace("\"key\": \"total\", \"label\": \"Total\", \"aggregation\": \"SUM\"",
                "\"key\": \"total\", \"label\": \"Total\", \"aggregation\": \"SUM\", "
                        + "\"conversion\": {\"0\": 0, \"1\": 1, \"2\": 2, \"3\": 3, \"5\": 5, \"6\": 6}");

        assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("conversion table has no row for raw score 4");
    }

    @Test
    void rejectsACatalogueWithTwoCurrentVersionsOfOneInstrument() {
        InstrumentDefinition first = parse(VALID);
        InstrumentDefinition second = parse(VALID.replace("\"version\": \"1\"", "\"version\": \"2\""));

        assertThatThrownBy(() -> InstrumentCatalogue.of(List.of(first, second)))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("tiny: needs exactly one current (not superseded) version, found 2");
    }

    @Test
    void keepsSupersededVersionsFindableButServesTheCurrentOne() {
        InstrumentDefinition old = parse(VALID.replace("\"version\": \"1\"", "\"version\": \"1\", \"superseded\": true"));
        InstrumentDefinition current = parse(VALID.replace("\"version\": \"1\"", "\"version\": \"2\""));

        InstrumentCatalogue catalogue = InstrumentCatalogue.of(List.of(old, current));

        assertThat(catalogue.get("tiny").version()).isEqualTo("2");
        assertThat(catalogue.find("tiny", "1")).contains(old);
        assertThat(catalogue.all()).hasSize(2);
    }

    @Test
    void rejectsACatalogueDirectoryWithABrokenFileAndNamesTheFile() {
        assertThatThrownBy(() -> InstrumentCatalogue.load(getClass().getClassLoader(), "instruments/broken-catalogue"))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("instruments/broken-catalogue/bad.json")
                .hasMessageContaining("missing.json: listed in index.txt but not found");
    }

    @Test
    void rejectsADirectoryWithoutAnIndex() {
        assertThatThrownBy(() -> InstrumentCatalogue.load(getClass().getClassLoader(), "instruments/nowhere"))
                .isInstanceOf(InvalidInstrumentException.class).hasMessageContaining("index.txt");
    }
}
