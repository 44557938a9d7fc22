package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.refocus.measures.instrument.Answers.definition;
import static org.refocus.measures.instrument.Answers.every;
import static org.refocus.measures.instrument.Answers.sequence;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MissingDataPolicyTest {

    private static final InstrumentDefinition QPR_15 = definition("qpr-15");

    @Test
    void isOffForEveryShippedInstrumentSoNoScoreIsGivenWithMissingItems() {
        Answers.CATALOGUE.all().forEach(d -> assertThat(d.missingDataPolicy().mode()).as(d.reference())
                .isEqualTo(MissingDataPolicy.Mode.COMPLETE_ITEMS_ONLY));
    }

    @Test
    void proratesASumByItemsExpectedOverItemsAnsweredWhenAnOrganisationChoosesTo() {
        Map<String, Integer> answers = every(QPR_15, "qpr_", 3);
        answers.remove("qpr_15"); // 14 × 3 = 42; 42 × 15 / 14 = 45

        ScoreValue total = Scoring.score(QPR_15, answers, MissingDataPolicy.prorateWhenAtMost(2)).score("total");

        assertThat(total.value()).isEqualByComparingTo("45");
        assertThat(total.prorated()).isTrue();
        assertThat(total.itemsUsed()).isEqualTo(14);
        assertThat(total.itemsMissing()).isEqualTo(1);
    }

    @Test
    void roundsAProratedSumOnceHalfUp() {
        Map<String, Integer> answers = sequence("qpr", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2);
        // 14 answered, sum 40; 40 × 15 / 14 = 42.857… → 43

        assertThat(Scoring.score(QPR_15, answers, MissingDataPolicy.prorateWhenAtMost(1)).score("total").value())
                .isEqualByComparingTo("43");
    }

    @Test
    void givesNoProratedScoreWhenMoreItemsAreMissingThanTheRuleAllows() {
        Map<String, Integer> answers = every(QPR_15, "qpr_", 3);
        answers.remove("qpr_01");
        answers.remove("qpr_02");

        ScoreValue total = Scoring.score(QPR_15, answers, MissingDataPolicy.prorateWhenAtMost(1)).score("total");

        assertThat(total.isPresent()).isFalse();
        assertThat(total.absence()).isEqualTo(ScoreValue.Absence.TOO_MANY_ITEMS_MISSING);
        assertThat(total.reason()).contains("2 of 15").contains("at most 1");
    }

    @Test
    void proratesAMeanByAveragingTheAnsweredItems() {
        Map<String, Integer> answers = sequence("dialog", 2, 4, 6, 4, 4, 4, 4, 5, 7, 6, 6);
        answers.remove("dialog_08"); // 28 / 7 = 4.00

        ScoreValue qualityOfLife = Scoring.score(definition("dialog"), answers, MissingDataPolicy.prorateWhenAtMost(2))
                .score("quality_of_life");

        assertThat(qualityOfLife.value()).isEqualByComparingTo("4.00");
        assertThat(qualityOfLife.prorated()).isTrue();
    }

    @Test
    void doesNotMarkACompleteScoreAsProrated() {
        ScoreValue total = Scoring.score(QPR_15, every(QPR_15, "qpr_", 2), MissingDataPolicy.prorateWhenAtMost(3))
                .score("total");

        assertThat(total.prorated()).isFalse();
        assertThat(total.value()).isEqualByComparingTo("30");
    }

    @Test
    void refusesANegativeAllowanceOrAnAllowanceWithoutProrating() {
        assertThatThrownBy(() -> MissingDataPolicy.prorateWhenAtMost(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MissingDataPolicy(MissingDataPolicy.Mode.COMPLETE_ITEMS_ONLY, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canBeSetPerInstrumentInTheDefinitionFile() {
        InstrumentDefinition tiny = InstrumentCatalogueTest.parse(InstrumentCatalogueTest.VALID.replace(
                "\"sources\"", "\"missingData\": {\"mode\": \"PRORATE\", \"maxMissingItems\": 1}, \"sources\""));

        assertThat(tiny.missingDataPolicy()).isEqualTo(MissingDataPolicy.prorateWhenAtMost(1));
        assertThat(Scoring.score(tiny, Map.of("a_01", 2, "b_01", 1)).score("total").value())
                .isEqualByComparingTo("5"); // 3 × 3 / 2 = 4.5 → 5
    }

    @Test
    void insistsThatAnAbsentScoreCarriesAReason() {
        assertThatThrownBy(() -> new ScoreValue("total", "Total", null, ScoreValue.Absence.ITEMS_MISSING, " ", 0, 1,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new ScoreValue("total", "Total", null, null, null, 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
