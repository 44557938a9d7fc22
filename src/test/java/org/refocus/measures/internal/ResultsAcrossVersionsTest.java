package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's results over time when some of their responses were answered on an older version of an
 * instrument (H-08). A score goes on the chart only when the version it was scored with works it out
 * the way the current version does; every other response is counted beside the chart, with why and a
 * link to its own page, and none is left out without a word.
 *
 * <p>Older versions ("0") of three instruments are stored as start-up would store them: QPR-15 0 named
 * its only score differently, WEMWBS 0 gave a mean of 1 to 5 instead of a total of 14 to 70, and QPR-22 0
 * differed only in its missing-data rule, which does not change what a total means.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("coordinator")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ResultsAcrossVersionsTest extends DatabaseTest {

    @Autowired
    InstrumentLibrary library;

    @Autowired
    MeasureResults results;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MockMvc mvc;

    long person;
    long qpr15Older;
    long qpr15Current;
    long wemwbsOlder;
    long qpr22Older;
    long qpr22Current;

    @BeforeEach
    void somebodyAnsweredOlderVersionsAndTheCurrentOnes() {
        InstrumentVersions.synchronise(library, transaction, InstrumentVersions.shippedAnd(
                older("qpr-15", json -> json.replace("\"key\": \"total\"", "\"key\": \"sum\"")),
                older("wemwbs", json -> json.replace("\"aggregation\": \"SUM\", \"decimals\": 0, \"minimum\": 14, \"maximum\": 70",
                        "\"aggregation\": \"MEAN\", \"decimals\": 2, \"minimum\": 1, \"maximum\": 5")),
                older("qpr-22", json -> json.replace("\"missingData\": {\"mode\": \"COMPLETE_ITEMS_ONLY\"}",
                        "\"missingData\": {\"mode\": \"PRORATE\", \"maxMissingItems\": 1}"))));
        person = jdbc.sql("""
                insert into person (given_name, family_name, date_of_birth, team_id)
                select 'Vera', 'Versions', date '1979-05-04', id from team where name like 'Riverside%'
                returning id""").query(Long.class).single();
        qpr15Older = answer("qpr-15", "0", 3, "2025-01-15T10:00:00Z");
        qpr15Current = answer("qpr-15", "1", 2, "2025-06-15T10:00:00Z");
        wemwbsOlder = answer("wemwbs", "0", 3, "2025-02-01T10:00:00Z");
        qpr22Older = answer("qpr-22", "0", 3, "2025-03-01T10:00:00Z");
        qpr22Current = answer("qpr-22", "1", 4, "2025-07-01T10:00:00Z");
    }

    @Test
    void aScoreIsChartedOnlyFromVersionsThatWorkItOutTheSameWayAndEveryOtherResponseIsListedBesideIt() {
        Map<String, MeasureResults.Series> totals = new HashMap<>();
        results.results(person).forEach(r -> totals.put(r.code(), r.series().get(0)));

        // QPR-15 0 had no "total": its response is not on the chart, and is listed beside it.
        MeasureResults.Series qpr15 = totals.get("qpr-15");
        assertThat(qpr15.points()).extracting(MeasureResults.Point::responseId).containsExactly(qpr15Current);
        assertThat(qpr15.scoredDifferently()).containsExactly(
                new MeasureResults.ScoredDifferently(qpr15Older, LocalDate.of(2025, 1, 15)));
        assertThat(qpr15.change()).as("no change across versions that cannot be compared").isNull();

        // WEMWBS 0 has a "total" too, but a mean of 1 to 5: not on a 14 to 70 chart.
        MeasureResults.Series wemwbs = totals.get("wemwbs");
        assertThat(wemwbs.points()).isEmpty();
        assertThat(wemwbs.scoredDifferently()).extracting(MeasureResults.ScoredDifferently::responseId)
                .containsExactly(wemwbsOlder);

        // QPR-22 0 worked its total out the same way: both on the chart, with the change between them.
        MeasureResults.Series qpr22 = totals.get("qpr-22");
        assertThat(qpr22.points()).extracting(MeasureResults.Point::responseId).containsExactly(qpr22Older, qpr22Current);
        assertThat(qpr22.scoredDifferently()).isEmpty();
        assertThat(qpr22.change()).isEqualByComparingTo(new BigDecimal("22"));
    }

    @Test
    void teamMeansAverageOnlyResponsesScoredTheWayTheCurrentVersionScoresThem() {
        long team = jdbc.sql("select team_id from person where id = ?").param(person).query(Long.class).single();
        java.time.YearMonth february = java.time.YearMonth.of(2025, 2);
        java.time.YearMonth march = java.time.YearMonth.of(2025, 3);
        // WEMWBS 0's mean of 1 to 5 is not averaged into a team's totals of 14 to 70...
        assertThat(results.monthlyMeans(java.util.List.of(team), "wemwbs", "total"))
                .noneMatch(mean -> mean.month().equals(february));
        // ...while QPR-22 0, scored the same way, counts.
        assertThat(results.monthlyMeans(java.util.List.of(team), "qpr-22", "total"))
                .anyMatch(mean -> mean.month().equals(march));
        // The team's page says how many responses its QPR-15 means leave out, and why.
        MeasureResults.TeamSeries qpr15 = results.team(team).stream()
                .filter(series -> series.code().equals("qpr-15")).findFirst().orElseThrow();
        // (Each test of this class adds a person with one such response to the same team.)
        assertThat(qpr15.scoredDifferently()).isEqualTo(olderQpr15ResponsesIn(team)).isPositive();
        assertThat(results.team(team).stream().filter(series -> series.code().equals("qpr-22")).findFirst()
                .orElseThrow().scoredDifferently()).isZero();
    }

    @Test
    void theTeamPageSaysHowManyResponsesItsMeansLeaveOutAndWhy() throws Exception {
        long team = jdbc.sql("select team_id from person where id = ?").param(person).query(Long.class).single();
        String page = org.springframework.web.util.HtmlUtils.htmlUnescape(mvc.perform(get("/measures/teams/" + team))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        long older = olderQpr15ResponsesIn(team);
        assertThat(page).contains(older + (older == 1 ? " response" : " responses") + " answered on an older version "
                + "of QPR-15, whose scores are worked out differently, " + (older == 1 ? "is" : "are") + " not in these means.");
    }

    @Test
    void thePersonsPageSaysHowManyEarlierResponsesAreNotShownAndWhyWithALinkToEach() throws Exception {
        String page = mvc.perform(get("/people/" + person + "/measures")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        Path out = Path.of("target", "rendered-pages", "measures", "person-older-versions.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, page);

        String note = "1 response is not shown in this chart or its table. It was answered on an older "
                + "version of %s, whose scores are worked out differently, so its score cannot be compared with "
                + "scores from the current version.";
        assertThat(page).contains(note.formatted("QPR-15")).contains(note.formatted("WEMWBS"))
                .doesNotContain(note.formatted("QPR-22"))
                .contains("<a href=\"/measures/responses/" + qpr15Older + "\">QPR-15 answers from 15 January 2025</a>")
                .contains("<a href=\"/measures/responses/" + wemwbsOlder + "\">WEMWBS answers from 1 February 2025</a>");
        // The WEMWBS score has nothing comparable to chart: the note stands alone, with no empty chart or table.
        String wemwbs = page.substring(page.indexOf("id=\"results-wemwbs\""));
        wemwbs = wemwbs.substring(0, wemwbs.contains("<h3") ? wemwbs.indexOf("<h3") : wemwbs.indexOf("support-gaps"));
        assertThat(wemwbs).contains("WEMWBS answers from 1 February 2025").doesNotContain("<svg")
                .doesNotContain("<table");
    }

    private long olderQpr15ResponsesIn(long team) {
        return jdbc.sql("select count(*) from measure_response where team_id = ? and status = 'COMPLETED' "
                + "and instrument_version_id = ?").params(team, InstrumentVersions.versionId(jdbc, "qpr-15", "0"))
                .query(Long.class).single();
    }

    /** One response to {@code version} of {@code code}, every item answered {@code value}. */
    private long answer(String code, String version, int value, String completedAt) {
        long versionId = InstrumentVersions.versionId(jdbc, code, version);
        InstrumentDefinition definition = library.version(versionId).definition();
        Map<String, Integer> answers = new HashMap<>();
        definition.items().forEach(item -> answers.put(item.key(), value));
        return InstrumentVersions.store(jdbc, person, versionId, definition, answers, Instant.parse(completedAt));
    }

    /** Version 0 of a shipped instrument, superseded by the shipped version, changed by {@code edit}. */
    private static InstrumentLibrary.DefinitionFile older(String code, UnaryOperator<String> edit) {
        return InstrumentVersions.edited(InstrumentVersions.shipped(code), json -> {
            String changed = edit.apply(json);
            assertThat(changed).as("the edit of " + code + " applies").isNotEqualTo(json);
            return changed.replace("\"version\": \"1\"", "\"version\": \"0\"")
                    .replaceFirst("\\{", "{\"superseded\": true, ");
        });
    }
}
