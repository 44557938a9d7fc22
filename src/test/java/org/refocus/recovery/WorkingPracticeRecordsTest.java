package org.refocus.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.programme.TeamPracticeCounts;
import org.refocus.programme.WorkingPracticeRecords;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Team counts of working practices, computed from the records, on a team made for this test. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkingPracticeRecordsTest extends DatabaseTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 1, 1);

    @Autowired
    WorkingPracticeRecords records;

    @Autowired
    JdbcClient jdbc;

    long team;
    long emptyTeam;
    List<Long> people;

    @BeforeEach
    void aTeamOfFivePeople() {
        long site = jdbc.sql("select id from site order by id limit 1").query(Long.class).single();
        String suffix = Long.toString(System.nanoTime());
        team = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id").params(site, "Counts " + suffix)
                .query(Long.class).single();
        emptyTeam = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id")
                .params(site, "Empty " + suffix).query(Long.class).single();
        people = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(jdbc.sql("insert into person (given_name, family_name, team_id) values ('Test', ?, ?) returning id")
                    .params("Person " + i, team).query(Long.class).single());
        }
    }

    @Test
    void countsDistinctActivePeopleWithEachPractice() {
        long a = people.get(0);
        long b = people.get(1);
        long c = people.get(2);
        long inactive = people.get(4);
        jdbc.sql("update person set active = false where id = ?").param(inactive).update();

        // Values: a has two (counted once), b's only value was removed, the inactive person is not counted.
        value(a, false);
        value(a, false);
        value(b, true);
        value(inactive, false);
        // Strengths: an assessment with something written counts; an empty one does not.
        long written = assessment(a, null);
        entry(written, "I cook most days.");
        assessment(b, null);
        assessment(c, "We agree Sam is determined.");
        // Goals: only active goals count.
        goal(a, "ACTIVE");
        goal(a, "ACTIVE");
        goal(b, "ACHIEVED");
        goal(c, "PAUSED");
        // Goal-striving: a contact on or after the date using goal-striving or coaching.
        contact(a, SINCE, "{GOAL_STRIVING}");
        contact(b, SINCE.minusDays(1), "{COACHING}");
        contact(c, SINCE.plusDays(10), "{VALUES,COACHING}");
        contact(people.get(3), SINCE.plusDays(10), "{VALUES,STRENGTHS}");

        Map<Long, TeamPracticeCounts> counts = records.countsFor(List.of(team, emptyTeam), SINCE);

        assertThat(counts.get(team)).isEqualTo(new TeamPracticeCounts(team, 4, 1, 2, 1, 2));
        assertThat(counts.get(emptyTeam)).isEqualTo(new TeamPracticeCounts(emptyTeam, 0, 0, 0, 0, 0));
        assertThat(records.countsFor(List.of(), SINCE)).isEmpty();
    }

    @Test
    void writesNothingToTheAuditTrail() {
        long before = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        records.countsFor(List.of(team), SINCE);
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(before);
    }

    private void value(long person, boolean removed) {
        jdbc.sql("insert into recovery_value (person_id, words, importance, removed) values (?, 'Family', 1, ?)")
                .params(person, removed).update();
    }

    private long assessment(long person, String summary) {
        return jdbc.sql("insert into recovery_strengths_assessment (person_id, assessed_on, agreed_summary) "
                + "values (?, current_date, ?) returning id").params(person, summary).query(Long.class).single();
    }

    private void entry(long assessment, String now) {
        jdbc.sql("insert into recovery_strength_entry (assessment_id, person_id, domain_id, current_status) "
                + "select ?, person_id, (select min(id) from recovery_life_domain), ? from recovery_strengths_assessment "
                + "where id = ?").params(assessment, now, assessment).update();
    }

    private void goal(long person, String status) {
        jdbc.sql("insert into recovery_goal (person_id, words, status, status_reason) values (?, 'A goal', ?, ?)")
                .params(person, status, status.equals("ACTIVE") ? null : "My reason").update();
    }

    private void contact(long person, LocalDate on, String practices) {
        jdbc.sql("insert into recovery_contact (person_id, contact_on, kind, practices) values (?, ?, 'PHONE', ?::text[])")
                .params(person, java.sql.Date.valueOf(on), practices).update();
    }
}
