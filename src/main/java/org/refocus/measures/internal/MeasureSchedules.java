package org.refocus.measures.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.measures.instrument.InstrumentCatalogue;
import org.refocus.people.CaseloadScope;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When measures are due: once or every few months, completed by the person or given by staff; due and
 * overdue lists for practitioners and team leaders; and the person's choice to pause measurement,
 * which their practitioner sees as a notice on the due list and on the person's measures page, and
 * must answer before giving or assigning them a questionnaire (H-13).
 */
@Service
@Transactional
public class MeasureSchedules {

    /** How far ahead the due list looks by default, and how early a measure given in a session counts. */
    public static final int DUE_SOON_DAYS = 14;

    private static final String SELECT = """
            select id, person_id, instrument_code, completion, first_due_on, every_months, next_due_on, status, version
            from measure_schedule""";

    private final JdbcClient jdbc;
    private final People people;
    private final AuditTrail audit;
    private final InstrumentCatalogue catalogue;
    private final Clock clock;

    MeasureSchedules(JdbcClient jdbc, People people, AuditTrail audit, InstrumentCatalogue catalogue,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.catalogue = catalogue;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), MeasureResponses.UK);
    }

    /**
     * Staff assign a measure: due once, or every {@code everyMonths} months from {@code firstDueOn}.
     *
     * @param personAgrees staff say they have talked with the person and the person agrees; needed only
     *                     while the person has paused questionnaires (H-13), and then audited
     * @throws PausedException while the person has paused questionnaires and staff have not said so
     * @throws AlreadyAssignedException when the person already has this questionnaire assigned
     */
    public long assign(long personId, String instrumentCode, String completion, LocalDate firstDueOn,
            Integer everyMonths, boolean personAgrees) {
        requireStaff();
        people.requireReach(personId);
        if (catalogue.find(instrumentCode).isEmpty()) {
            throw new NotFoundException("instrument");
        }
        if (!completion.equals("SELF") && !completion.equals("WITH_STAFF")) {
            throw new IllegalArgumentException("completion");
        }
        // One assignment of a person's schedules at a time, so that a double click cannot assign twice.
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(SCHEDULE_LOCK, Long.hashCode(personId)).query().singleRow();
        Optional<ScheduleView> already = jdbc.sql(SELECT
                + " where person_id = ? and instrument_code = ? and status = 'ACTIVE' order by id limit 1")
                .params(personId, instrumentCode).query(ScheduleView.class).optional();
        if (already.isPresent()) {
            throw new AlreadyAssignedException(already.get());
        }
        boolean paused = requireAgreementWhilePaused(personId, personAgrees);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                insert into measure_schedule (person_id, instrument_code, completion, first_due_on, every_months,
                    next_due_on, status, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) returning id""")
                .params(personId, instrumentCode, completion, Date.valueOf(firstDueOn), everyMonths,
                        Date.valueOf(firstDueOn), actor, actor)
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, "measure_schedule", id, personId,
                instrumentCode + " " + completion + (everyMonths == null ? " once" : " every " + everyMonths + " months"));
        if (paused) {
            recordAgreementWhilePaused(personId, "measure_schedule", id, instrumentCode);
        }
        return id;
    }

    /** The first key of the advisory lock under which one person's questionnaires are assigned. */
    static final int SCHEDULE_LOCK = 0x52_46_53_43;

    /** The person already has an active schedule of this questionnaire: change it by stopping it first. */
    public static class AlreadyAssignedException extends RuntimeException {
        private final transient ScheduleView schedule;

        AlreadyAssignedException(ScheduleView schedule) {
            super("already assigned");
            this.schedule = schedule;
        }

        public ScheduleView schedule() {
            return schedule;
        }
    }

    /** Staff stop a schedule; responses already given stay. */
    public long stop(long scheduleId, int version) {
        requireStaff();
        ScheduleView schedule = find(scheduleId);
        int rows = jdbc.sql("""
                update measure_schedule set status = 'STOPPED', next_due_on = null, updated_at = now(), updated_by = ?,
                       version = version + 1
                where id = ? and version = ? and status = 'ACTIVE'""")
                .params(AuthenticatedActor.currentAccountId(), scheduleId, version).update();
        if (rows != 1) {
            throw new ConflictException("measure_schedule");
        }
        audit.record(AuditAction.CHANGED, "measure_schedule", scheduleId, schedule.personId(), "stopped");
        return schedule.personId();
    }

    /** A schedule, for a page that shows it (asking whether to stop it): the read is audited against the person. */
    public ScheduleView open(long scheduleId) {
        ScheduleView schedule = find(scheduleId);
        audit.record(AuditAction.VIEWED, "measure_schedule", scheduleId, schedule.personId(), null);
        return schedule;
    }

    @Transactional(readOnly = true)
    public ScheduleView find(long scheduleId) {
        ScheduleView schedule = jdbc.sql(SELECT + " where id = ?").param(scheduleId).query(ScheduleView.class)
                .optional().orElseThrow(() -> new NotFoundException("measure_schedule"));
        people.requireReach(schedule.personId());
        return schedule;
    }

    /** Active schedules first (soonest due first), then finished ones. Reach is checked by the caller. */
    @Transactional(readOnly = true)
    public List<ScheduleView> of(long personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by status = 'ACTIVE' desc, next_due_on, id desc")
                .param(personId).query(ScheduleView.class).list();
    }

    /** The schedule a response given now counts towards: the active one for this instrument due soonest. */
    Optional<Long> dueScheduleFor(long personId, String instrumentCode) {
        return jdbc.sql("""
                select id from measure_schedule where person_id = ? and instrument_code = ? and status = 'ACTIVE'
                and next_due_on <= ? order by next_due_on, id limit 1""")
                .params(personId, instrumentCode, Date.valueOf(today().plusDays(DUE_SOON_DAYS)))
                .query(Long.class).optional();
    }

    Optional<Long> activeScheduleOf(long personId, long scheduleId, String instrumentCode) {
        return jdbc.sql("""
                select id from measure_schedule where id = ? and person_id = ? and instrument_code = ?
                and status = 'ACTIVE'""").params(scheduleId, personId, instrumentCode).query(Long.class).optional();
    }

    /**
     * After a response counts towards a schedule: a one-off is done; a recurring one moves on to its
     * first due day after the one it counted towards and after the day it was completed, whether it was
     * completed early (within the days before a due day that count towards it) or late.
     */
    void advance(long scheduleId, LocalDate completedOn) {
        ScheduleView schedule = jdbc.sql(SELECT + " where id = ?").param(scheduleId).query(ScheduleView.class)
                .optional().orElse(null);
        if (schedule == null || !schedule.active()) {
            return;
        }
        if (schedule.everyMonths() == null) {
            jdbc.sql("update measure_schedule set status = 'DONE', next_due_on = null, updated_at = now(), "
                    + "version = version + 1 where id = ?").param(scheduleId).update();
            return;
        }
        LocalDate next = Recurrence.nextDueOn(schedule.firstDueOn(), schedule.everyMonths(), schedule.nextDueOn(),
                completedOn);
        jdbc.sql("update measure_schedule set next_due_on = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(Date.valueOf(next), scheduleId).update();
    }

    // ---------------------------------------------------------------- due lists

    /** One measure due for one person; {@code personBorn} (null if not recorded) tells apart two of one name. */
    public record DueItem(long scheduleId, long personId, String personName, LocalDate personBorn, String instrumentCode,
            LocalDate dueOn, boolean overdue, String completion, boolean paused) {
    }

    /** Someone who has paused measurement, as their practitioner is told. */
    public record PausedPerson(long personId, String personName, LocalDate personBorn, Instant since, String reason) {
    }

    public record DueList(List<DueItem> items, List<PausedPerson> paused, LocalDate until) {
    }

    /**
     * Measures due within {@code days} days or overdue, for the signed-in practitioner's own caseload
     * ({@link CaseloadScope#MINE}) or everyone in their teams ({@link CaseloadScope#TEAM}), overdue first,
     * and everyone in that scope who has paused measurement.
     */
    @Transactional(readOnly = false)
    public DueList due(CaseloadScope scope, int days) {
        requireStaff();
        Map<Long, PersonSummary> reachable = reachable(scope);
        LocalDate until = today().plusDays(days);
        List<DueItem> items = new ArrayList<>();
        List<PausedPerson> paused = new ArrayList<>();
        if (!reachable.isEmpty()) {
            Map<Long, PausedPerson> pauses = new HashMap<>();
            jdbc.sql("select person_id, since, reason from measurement_pause where paused and person_id in (:ids) "
                            + "order by since desc")
                    .param("ids", reachable.keySet())
                    .query((rs, n) -> {
                        PersonSummary person = reachable.get(rs.getLong(1));
                        return new PausedPerson(person.id(), person.fullName(), person.dateOfBirth(),
                                rs.getTimestamp(2).toInstant(), rs.getString(3));
                    })
                    .list().forEach(p -> {
                        pauses.put(p.personId(), p);
                        paused.add(p);
                    });
            LocalDate today = today();
            jdbc.sql("""
                    select id, person_id, instrument_code, next_due_on, completion from measure_schedule
                    where status = 'ACTIVE' and next_due_on <= :until and person_id in (:ids)
                    order by next_due_on, person_id, id""")
                    .param("until", Date.valueOf(until)).param("ids", reachable.keySet())
                    .query((rs, n) -> {
                        long personId = rs.getLong(2);
                        LocalDate due = rs.getDate(4).toLocalDate();
                        PersonSummary person = reachable.get(personId);
                        return new DueItem(rs.getLong(1), personId, person.fullName(), person.dateOfBirth(),
                                rs.getString(3), due, due.isBefore(today), rs.getString(5),
                                pauses.containsKey(personId));
                    }).list().forEach(items::add);
        }
        audit.record(AuditAction.LISTED, "measure_due", null, null,
                "scope=" + scope + " due=" + items.size() + " paused=" + paused.size());
        return new DueList(items, paused, until);
    }

    private Map<Long, PersonSummary> reachable(CaseloadScope scope) {
        Map<Long, PersonSummary> result = new HashMap<>();
        int page = 0;
        PageOf<PersonSummary> batch;
        do {
            batch = people.caseload(null, scope, page++, 1000);
            batch.items().forEach(p -> result.put(p.id(), p));
        } while (batch.hasNext());
        return result;
    }

    // ---------------------------------------------------------------- pausing

    /** The person's pause, if they have paused measurement. Reach is checked by the caller. */
    @Transactional(readOnly = true)
    public Optional<PausedPerson> pauseOf(long personId) {
        return jdbc.sql("select person_id, since, reason from measurement_pause where person_id = ? and paused")
                .param(personId)
                .query((rs, n) -> new PausedPerson(rs.getLong(1), null, null, rs.getTimestamp(2).toInstant(),
                        rs.getString(3)))
                .optional();
    }

    /**
     * Staff went on with a questionnaire for someone who has paused questionnaires without saying that
     * they have talked with the person and that the person agrees (H-13). Nothing was stored.
     */
    public static class PausedException extends RuntimeException {
        private final transient PausedPerson pause;

        PausedException(PausedPerson pause) {
            super("the person has paused questionnaires");
            this.pause = pause;
        }

        public PausedPerson pause() {
            return pause;
        }
    }

    /**
     * Staff may give or assign a questionnaire to someone who has paused questionnaires only when they
     * say that they have talked with the person and that the person agrees. The person themselves may
     * always fill one in: that is their choice.
     *
     * @return whether staff are going on while the person has paused (so that the caller records it)
     * @throws PausedException when staff have not said so
     */
    boolean requireAgreementWhilePaused(long personId, boolean personAgrees) {
        if (!CurrentUser.required().role().isTeamStaff()) {
            return false;
        }
        Optional<PausedPerson> pause = pauseOf(personId);
        if (pause.isPresent() && !personAgrees) {
            throw new PausedException(pause.get());
        }
        return pause.isPresent();
    }

    /**
     * Keeps, and audits against the person, staff's word that the person agreed to this questionnaire
     * while paused.
     */
    void recordAgreementWhilePaused(long personId, String recordType, long recordId, String instrumentCode) {
        jdbc.sql("""
                insert into measurement_pause_agreement (person_id, record_type, record_id, agreed_at, agreed_by)
                values (?, ?, ?, ?, ?)""")
                .params(personId, recordType, recordId, Timestamp.from(clock.instant()),
                        CurrentUser.required().accountId())
                .update();
        audit.record(AuditAction.CREATED, "measurement_pause_agreement", recordId, personId,
                recordType + " " + instrumentCode + ": staff talked with the person, who agrees despite the pause");
    }

    /**
     * The pause, when staff are about to go on with this response of someone who has paused
     * questionnaires and have not said, since the pause began, that the person agrees: a response begun
     * before the pause and continued after it. Empty for the person themselves.
     */
    Optional<PausedPerson> agreementNeededFor(long personId, long responseId) {
        if (!CurrentUser.required().role().isTeamStaff()) {
            return Optional.empty();
        }
        return pauseOf(personId).filter(pause -> !jdbc.sql("""
                select exists (select 1 from measurement_pause_agreement where record_type = 'measure_response'
                and record_id = ? and person_id = ? and agreed_at >= ?)""")
                .params(responseId, personId, Timestamp.from(pause.since())).query(Boolean.class).single());
    }

    /** The person (or staff on their behalf) pauses or resumes measurement. The reason is optional, in their words. */
    public void setPaused(long personId, boolean paused, String reason) {
        people.requireReach(personId);
        Long actor = AuthenticatedActor.currentAccountId();
        String words = reason == null || reason.isBlank() ? null : reason.strip();
        jdbc.sql("""
                insert into measurement_pause (person_id, paused, since, reason, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (person_id) do update set paused = excluded.paused, since = excluded.since,
                    reason = excluded.reason, updated_at = now(), updated_by = excluded.updated_by,
                    version = measurement_pause.version + 1""")
                .params(personId, paused, paused ? Timestamp.from(clock.instant()) : null, paused ? words : null,
                        actor, actor)
                .update();
        audit.record(AuditAction.CHANGED, "measurement_pause", personId, personId, paused ? "paused" : "resumed");
    }

    private static void requireStaff() {
        if (!CurrentUser.required().role().isTeamStaff()) {
            throw new AccessDeniedException("staff only");
        }
    }
}
