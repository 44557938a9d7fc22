package org.refocus.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.refocus.programme.OutcomeRecords;
import org.refocus.programme.TeamScore;
import org.refocus.shared.NotFoundException;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** Results that flow back into the plan (INSPIRE support gaps) and to the programme (team monthly means). */
@SpringBootTest
class ResultsForCareTest extends DatabaseTest {

    @Autowired
    Measures measures;

    @Autowired
    OutcomeRecords outcomes;

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithUserDetails("coordinator")
    void supportGapsAreTheInspireItemsThatMatterButArePoorlySupported() {
        long sam = new MeasuresFixtures(jdbc).sam();
        List<SupportGap> gaps = measures.supportGaps(sam);
        assertThat(gaps).extracting(SupportGap::itemKey).containsExactly("support_06", "support_17");
        assertThat(gaps).extracting(SupportGap::process).containsExactly("Hope", "Empowerment");
        assertThat(gaps.get(0).rating()).isEqualTo(1);
        assertThat(gaps.get(0).maximumRating()).isEqualTo(4);
        assertThat(gaps.get(0).wording()).startsWith("[Demo wording] INSPIRE support item 6");
        assertThat(gaps.get(0).demoWording()).isTrue();
        assertThat(gaps.get(0).copyright()).contains("INSPIRE");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'inspire_support_gaps' and person_id = ?")
                .param(sam).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @WithUserDetails("teamlead")
    void anotherTeamCannotReadThePersonsGaps() {
        long sam = new MeasuresFixtures(jdbc).sam();
        assertThatThrownBy(() -> measures.supportGaps(sam)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithUserDetails("coordinator")
    void monthlyTeamMeansAreAggregatesOfCompletedScores() {
        MeasuresFixtures fixtures = new MeasuresFixtures(jdbc);
        long riverside = fixtures.team("Riverside");
        long hillview = fixtures.team("Hillview");
        List<TeamScore> both = outcomes.monthlyMeans(Set.of(riverside, hillview), "qpr-15", "total");
        assertThat(both).extracting(TeamScore::teamId).containsOnly(riverside, hillview);
        List<TeamScore> means = outcomes.monthlyMeans(Set.of(riverside), "qpr-15", "total");
        assertThat(means).isNotEmpty().allSatisfy(m -> {
            assertThat(m.teamId()).isEqualTo(riverside);
            assertThat(m.mean()).isBetween(0.0, 60.0);
            assertThat(m.responses()).isPositive();
        });
        assertThat(means).isSortedAccordingTo(java.util.Comparator.comparing(TeamScore::month));
        assertThat(both.stream().filter(m -> m.teamId() == riverside).toList()).isEqualTo(means);
        long withTotal = jdbc.sql("select count(*) from measure_response where team_id = ? and instrument_code = 'qpr-15' "
                + "and status = 'COMPLETED' and score_values[1] is not null").param(riverside)
                .query(Long.class).single();
        assertThat(means.stream().mapToInt(TeamScore::responses).sum()).isEqualTo(withTotal);
        double expected = jdbc.sql("""
                select avg(score_values[1]) from measure_response where team_id = ?
                and instrument_code = 'qpr-15' and status = 'COMPLETED'
                and date_trunc('month', completed_at at time zone 'Europe/London') = date_trunc('month', now() at time zone 'Europe/London')""")
                .param(riverside).query(Double.class).optional().orElse(Double.NaN);
        if (!Double.isNaN(expected)) {
            assertThat(means.get(means.size() - 1).mean()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(outcomes.monthlyMeans(Set.of(riverside), "inspire", "support")).isNotEmpty();
        assertThat(outcomes.monthlyMeans(Set.of(), "qpr-15", "total")).isEmpty();
    }
}
