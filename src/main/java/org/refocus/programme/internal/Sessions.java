package org.refocus.programme.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.StaffMember;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions of a team's programme (coaching-skills training, recovery workshops, reflection sessions,
 * values sessions, working-practice training): planned against one of the programme's session
 * activities, delivered with staff attendance and a count of people who use the service who came, and
 * reported on by the trainer. Once the team has ended the programme, its sessions keep their records but
 * none can be planned or re-planned, and a delivery can be recorded only up to the day it ended.
 */
@Service
@Transactional
public class Sessions {

    private static final String SELECT = """
            select s.id, s.programme_id, s.activity_id, a.title as activity_title, s.team_id, s.kind, s.title,
                   s.planned_on, s.location, s.status, s.delivered_on, s.service_user_attendees, s.materials,
                   s.report, s.rating_engagement, s.rating_aims_met, s.rating_readiness, s.report_by, s.report_at,
                   (select count(*) from session_attendance x where x.session_id = s.id) as staff_attended,
                   tp.ended_on as programme_ended_on, s.version
            from programme_session s join programme_activity a on a.id = s.activity_id
            join team_programme tp on tp.id = s.programme_id""";

    public record SessionView(long id, long programmeId, long activityId, String activityTitle, long teamId,
            ActivityKind kind, String title, LocalDate plannedOn, String location, SessionStatus status,
            LocalDate deliveredOn, Integer serviceUserAttendees, String materials, String report,
            Integer ratingEngagement, Integer ratingAimsMet, Integer ratingReadiness, Long reportBy,
            Instant reportAt, int staffAttended, LocalDate programmeEndedOn, int version) {

        public boolean delivered() {
            return status == SessionStatus.DELIVERED;
        }

        /** Whether the team has ended the programme this session belongs to. */
        public boolean programmeEnded() {
            return programmeEndedOn != null;
        }

        public boolean hasReport() {
            return reportAt != null;
        }

        public LocalDate reportedOn() {
            return reportAt == null ? null : LocalDate.ofInstant(reportAt, java.time.ZoneId.systemDefault());
        }
    }

    public record Report(String report, int engagement, int aimsMet, int readiness) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProgrammeAccess access;
    private final TeamProgrammes programmes;
    private final Accounts accounts;

    Sessions(JdbcClient jdbc, AuditTrail audit, ProgrammeAccess access, TeamProgrammes programmes,
            Accounts accounts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.programmes = programmes;
        this.accounts = accounts;
    }

    /** The sessions of the team's current programme (running, else the one it ended last), by planned date. */
    @Transactional(readOnly = true)
    public List<SessionView> forTeam(long teamId) {
        access.requireStaff(teamId);
        return programmes.currentId(teamId)
                .map(programme -> jdbc.sql(SELECT + " where s.programme_id = ? order by s.planned_on, s.id")
                        .param(programme).query(SessionView.class).list())
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public SessionView session(long id) {
        SessionView session = find(id);
        access.requireStaff(session.teamId());
        return session;
    }

    /** Staff who attended, by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> attendees(long sessionId) {
        session(sessionId);
        List<Long> ids = jdbc.sql("select account_id from session_attendance where session_id = ?").param(sessionId)
                .query(Long.class).list();
        return accounts.staff(ids).values().stream()
                .sorted(java.util.Comparator.comparing(StaffMember::displayName)).toList();
    }

    /** The session activities of the team's running programme, which a session can be planned against. */
    @Transactional(readOnly = true)
    public List<Timeline.PlannedActivity> sessionActivities(long teamId) {
        access.requireStaff(teamId);
        return programmes.activeUnchecked(teamId)
                .map(p -> programmes.activities(p.id()).stream().filter(a -> a.kind().session()).toList())
                .orElse(List.of());
    }

    /** Plans a session. Team leaders and trainers of the team. */
    public long plan(long teamId, long activityId, String title, LocalDate plannedOn, String location) {
        access.requireFacilitator(teamId);
        TeamProgrammes.ProgrammeView programme = programmes.activeUnchecked(teamId)
                .orElseThrow(() -> new NotFoundException("team programme"));
        Timeline.PlannedActivity activity = sessionActivity(programme.id(), activityId);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into programme_session (programme_id, activity_id, team_id, kind, title, planned_on,
                                                       location, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(programme.id(), activityId, teamId, activity.kind().name(), title.trim(),
                        Date.valueOf(plannedOn), blankToNull(location), actor, actor)
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, "programme_session", id, null, "team " + teamId + " " + activity.kind());
        return id;
    }

    public void updatePlan(long id, long activityId, String title, LocalDate plannedOn, String location, int version) {
        SessionView session = find(id);
        access.requireFacilitator(session.teamId());
        if (session.programmeEnded()) {
            throw new InvalidInputException("plannedOn", "session.programmeEnded", session.programmeEndedOn());
        }
        Timeline.PlannedActivity activity = sessionActivity(session.programmeId(), activityId);
        int rows = jdbc.sql("""
                        update programme_session set activity_id = ?, kind = ?, title = ?, planned_on = ?, location = ?,
                               updated_at = now(), updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(activityId, activity.kind().name(), title.trim(), Date.valueOf(plannedOn),
                        blankToNull(location), AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("programme session");
        }
        audit.record(AuditAction.CHANGED, "programme_session", id, null, "plan");
    }

    /**
     * Records that the session took place: the date, which team staff attended (replacing any earlier
     * record), how many people who use the service came, and the materials used. Team leaders and trainers.
     */
    public void recordDelivery(long id, LocalDate deliveredOn, Set<Long> staffAttended, Integer serviceUserAttendees,
            String materials, int version) {
        SessionView session = find(id);
        access.requireFacilitator(session.teamId());
        if (deliveredOn.isAfter(programmes.today())) {
            throw new InvalidInputException("deliveredOn", "session.deliveredOn.future");
        }
        if (session.programmeEnded() && deliveredOn.isAfter(session.programmeEndedOn())) {
            throw new InvalidInputException("deliveredOn", "session.deliveredOn.afterEnd", session.programmeEndedOn());
        }
        Set<Long> staff = programmes.teamStaff(session.teamId()).stream().map(StaffMember::accountId)
                .collect(Collectors.toSet());
        if (!staff.containsAll(staffAttended)) {
            throw new InvalidInputException("attended", "session.attended.notTeamStaff");
        }
        int rows = jdbc.sql("""
                        update programme_session set status = 'DELIVERED', delivered_on = ?, service_user_attendees = ?,
                               materials = ?, updated_at = now(), updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(Date.valueOf(deliveredOn), serviceUserAttendees, blankToNull(materials),
                        AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("programme session");
        }
        jdbc.sql("delete from session_attendance where session_id = ?").param(id).update();
        for (Long accountId : staffAttended) {
            jdbc.sql("insert into session_attendance (session_id, account_id, created_by) values (?, ?, ?)")
                    .params(id, accountId, AuthenticatedActor.currentAccountId()).update();
        }
        audit.record(AuditAction.CHANGED, "programme_session", id, null,
                "delivered; staff attended=" + staffAttended.size() + " service users="
                        + (serviceUserAttendees == null ? 0 : serviceUserAttendees));
    }

    /** The trainer's report on a delivered session. Trainers of the team. */
    public void writeReport(long id, Report report, int version) {
        SessionView session = find(id);
        access.requireTrainer(session.teamId());
        if (!session.delivered()) {
            throw new InvalidInputException("report", "session.report.notDelivered");
        }
        int rows = jdbc.sql("""
                        update programme_session set report = ?, rating_engagement = ?, rating_aims_met = ?,
                               rating_readiness = ?, report_by = ?, report_at = now(), updated_at = now(),
                               updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(report.report().trim(), report.engagement(), report.aimsMet(), report.readiness(),
                        AuthenticatedActor.currentAccountId(), AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("programme session");
        }
        audit.record(AuditAction.CHANGED, "programme_session", id, null, "trainer report");
    }

    /** Cancels a planned session; not once the programme has ended (its record stays as it was). */
    public void cancel(long id, int version) {
        SessionView session = find(id);
        access.requireFacilitator(session.teamId());
        if (session.programmeEnded()) {
            throw new ConflictException("programme session");
        }
        int rows = jdbc.sql("""
                        update programme_session set status = 'CANCELLED', updated_at = now(), updated_by = ?,
                               version = version + 1
                        where id = ? and version = ? and status = 'PLANNED'""")
                .params(AuthenticatedActor.currentAccountId(), id, version).update();
        if (rows != 1) {
            throw new ConflictException("programme session");
        }
        audit.record(AuditAction.CHANGED, "programme_session", id, null, "cancelled");
    }

    /** Names of report authors, for showing who wrote each report. */
    @Transactional(readOnly = true)
    public Map<Long, StaffMember> people(java.util.Collection<Long> accountIds) {
        return accounts.staff(accountIds);
    }

    private SessionView find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(SessionView.class).optional()
                .orElseThrow(() -> new NotFoundException("programme session"));
    }

    private Timeline.PlannedActivity sessionActivity(long programmeId, long activityId) {
        return programmes.activities(programmeId).stream()
                .filter(a -> a.id() == activityId && a.kind().session()).findFirst()
                .orElseThrow(() -> new InvalidInputException("activityId", "session.activity.required"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
