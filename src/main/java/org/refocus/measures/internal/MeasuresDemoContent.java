package org.refocus.measures.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.refocus.demo.DemoContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.Scoring;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo measures (all fictional): the placeholder wording for licensed instruments, a year of QPR-15 and
 * INSPIRE for Sam Example and for the coordinator's team (so that charts, gaps and team results have
 * something to show), a few schedules due or overdue, and one person who has paused measurement; and a
 * thinner year of QPR-15 and a few due questionnaires in the team leader's team.
 * Sam has no schedule of their own, so a practitioner can assign one in the demo.
 */
@Component
class MeasuresDemoContent implements DemoContent {

    private final InstrumentLibrary library;
    private final JdbcClient jdbc;

    MeasuresDemoContent(InstrumentLibrary library, JdbcClient jdbc) {
        this.library = library;
        this.jdbc = jdbc;
    }

    @Override
    public void addTo(DemoPeople people) {
        library.loadDemoContent();
        SplittableRandom random = new SplittableRandom(20150601L);
        LocalDate today = LocalDate.now(MeasureResponses.UK);
        long coordinator = people.coordinatorAccountId();

        // Sam: QPR-15 three times (rising), INSPIRE once with two items that matter but feel poorly supported.
        long sam = people.serviceUserPersonId();
        int[] samLevels = {1, 2, 3};
        String[] samModes = {"STAFF_ADMINISTERED", "SELF", "SELF"};
        for (int i = 0; i < 3; i++) {
            LocalDate on = today.minusMonths(9 - 3L * i);
            response(sam, "qpr-15", on, samModes[i], coordinator, qpr(random, samLevels[i]));
        }
        Map<String, Integer> inspire = new HashMap<>();
        InstrumentDefinition inspireDefinition = library.current("inspire").definition();
        for (Item item : inspireDefinition.items()) {
            if (item.gate() != null) {
                continue;
            }
            inspire.put(item.key(), item.key().startsWith("relationship") ? 3 : 1);
        }
        for (Item item : inspireDefinition.items()) {
            if (item.gate() != null) {
                boolean matters = inspire.get(item.gate().itemKey()) == 1;
                if (matters) {
                    inspire.put(item.key(), item.key().equals("support_06") || item.key().equals("support_17") ? 1 : 3);
                }
            }
        }
        inspire.put("support_10_matters", 0);
        inspire.remove("support_10");
        response(sam, "inspire", today.minusMonths(3), "SELF", coordinator, inspire);

        // The rest of the team: about a year of QPR-15 and Brief INSPIRE, for the team's results.
        List<Long> team = people.coordinatorTeamPeople().stream().filter(id -> id != sam).toList();
        for (long person : team) {
            int level = random.nextInt(4);
            for (int month = 11; month >= 0; month--) {
                if (random.nextInt(100) < 35) {
                    LocalDate on = today.minusMonths(month).withDayOfMonth(1 + random.nextInt(27));
                    if (on.isAfter(today)) {
                        on = today;
                    }
                    level = Math.min(4, Math.max(0, level + (random.nextInt(3) - 1)));
                    response(person, "qpr-15", on, random.nextBoolean() ? "SELF" : "STAFF_ADMINISTERED", coordinator,
                            qpr(random, level));
                }
            }
            if (random.nextInt(100) < 40) {
                Map<String, Integer> brief = new HashMap<>();
                for (Item item : library.current("inspire-brief").definition().items()) {
                    brief.put(item.key(), 1 + random.nextInt(4));
                }
                response(person, "inspire-brief", today.minusMonths(random.nextInt(6)), "SELF", coordinator, brief);
            }
        }

        // Schedules: some due soon, some overdue; one person has paused measurement.
        for (int i = 0; i < Math.min(8, team.size()); i++) {
            long person = team.get(i);
            LocalDate due = today.plusDays(-20 + 5L * i);
            jdbc.sql("""
                    insert into measure_schedule (person_id, instrument_code, completion, first_due_on, every_months,
                        next_due_on, status, created_by, updated_by)
                    values (?, ?, ?, ?, 3, ?, 'ACTIVE', ?, ?)""")
                    .params(person, i % 3 == 0 ? "inspire-brief" : "qpr-15", i % 2 == 0 ? "SELF" : "WITH_STAFF",
                            Date.valueOf(due.minusMonths(3)), Date.valueOf(due), coordinator, coordinator)
                    .update();
        }
        otherTeam(people, today);
        if (team.size() > 2) {
            jdbc.sql("""
                    insert into measurement_pause (person_id, paused, since, reason, created_by, updated_by)
                    values (?, true, ?, 'I am taking a break from questionnaires for a few weeks.', ?, ?)""")
                    .params(team.get(2), Timestamp.from(today.minusDays(4).atStartOfDay(MeasureResponses.UK).toInstant()),
                            coordinator, coordinator)
                    .update();
        }
    }

    /**
     * The team leader's team: a thinner history of QPR-15 for half its people and a few questionnaires
     * due or overdue, so that a team leader signing in to the demo sees their own lists and results. Its
     * own random sequence leaves the coordinator's team exactly as it was.
     */
    private void otherTeam(DemoPeople people, LocalDate today) {
        SplittableRandom random = new SplittableRandom(20170301L);
        long practitioner = people.teamLeaderTeamPractitionerAccountId();
        List<Long> team = people.teamLeaderTeamPeople();
        for (int i = 0; i < team.size(); i += 2) {
            int level = random.nextInt(4);
            for (int month = 11; month >= 0; month--) {
                if (random.nextInt(100) < 30) {
                    LocalDate on = today.minusMonths(month).withDayOfMonth(1 + random.nextInt(27));
                    level = Math.min(4, Math.max(0, level + (random.nextInt(3) - 1)));
                    response(team.get(i), "qpr-15", on.isAfter(today) ? today : on, "STAFF_ADMINISTERED",
                            practitioner, qpr(random, level));
                }
            }
        }
        for (int i = 0; i < Math.min(5, team.size()); i++) {
            LocalDate due = today.plusDays(-12 + 6L * i);
            jdbc.sql("""
                    insert into measure_schedule (person_id, instrument_code, completion, first_due_on, every_months,
                        next_due_on, status, created_by, updated_by)
                    values (?, 'qpr-15', 'WITH_STAFF', ?, 3, ?, 'ACTIVE', ?, ?)""")
                    .params(team.get(1 + 2 * i), Date.valueOf(due.minusMonths(3)), Date.valueOf(due), practitioner,
                            practitioner)
                    .update();
        }
    }

    private static Map<String, Integer> qpr(SplittableRandom random, int level) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 1; i <= 15; i++) {
            answers.put(String.format("qpr_%02d", i), Math.min(4, Math.max(0, level + random.nextInt(3) - 1)));
        }
        return answers;
    }

    private void response(long personId, String code, LocalDate on, String mode, long coordinator,
            Map<String, Integer> answers) {
        InstrumentLibrary.StoredVersion version = library.current(code);
        Long contentId = library.currentContent(version.id()).map(InstrumentLibrary.StoredContent::id).orElse(null);
        ScoreResult result = Scoring.score(version.definition(), answers);
        Timestamp at = Timestamp.from(ZonedDateTime.of(on.atTime(11, 0), MeasureResponses.UK).toInstant());
        Long ownAccount = jdbc.sql("select id from account where person_id = ?").param(personId).query(Long.class)
                .optional().orElse(null);
        // Only someone with their own account can complete a measure themselves.
        String effectiveMode = mode.equals("SELF") && ownAccount == null ? "STAFF_ADMINISTERED" : mode;
        Long enteredBy = effectiveMode.equals("SELF") ? ownAccount : coordinator;
        jdbc.sql("""
                insert into measure_response (person_id, team_id, instrument_code, instrument_version_id,
                    scoring_version_id, content_id, mode, status, answers, score_values, score_absences, complete,
                    started_at, completed_at, entered_by, created_by, updated_by)
                select p.id, p.team_id, ?, ?, ?, ?, ?, 'COMPLETED', cast(? as smallint[]), cast(? as numeric[]),
                       cast(? as text[]), ?, ?, ?, ?, ?, ?
                from person p where p.id = ?""")
                .params(code, version.id(), version.id(), contentId, effectiveMode, ResponseCodec.answers(version.definition(), answers),
                        ResponseCodec.values(result), ResponseCodec.absences(result), result.complete(), at, at, enteredBy, enteredBy, enteredBy,
                        personId)
                .update();
    }
}
