package org.refocus.programme.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.Role;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's programme: its start, facilitators, the timeline of planned and delivered activities, and its
 * end. A team has at most one running programme; an ended one stays as history with its timeline frozen
 * on the day it ended, and the team may then start another, beginning after that day. The team's
 * <em>current</em> programme is its running one, or else the one it ended last.
 */
@Service
@Transactional
public class TeamProgrammes {

    /**
     * @param endDate      the planned last day (start plus the programme's length)
     * @param currentMonth the programme month today, or on the day it ended
     * @param endedOn      the day the team ended it; null while it runs
     */
    public record ProgrammeView(long id, long teamId, String teamName, Long templateId, String templateName,
            int durationMonths, LocalDate startDate, LocalDate endDate, int currentMonth,
            List<StaffMember> facilitators, LocalDate endedOn, String endNote, int version) {

        public boolean ended() {
            return endedOn != null;
        }

        /** Whether it has begun (its start date is not after {@code today}). */
        public boolean startedBy(LocalDate today) {
            return !startDate.isAfter(today);
        }
    }

    private record Row(long id, long teamId, Long templateId, String templateName, int durationMonths,
            LocalDate startDate, LocalDate endedOn, String endNote, int version) {
    }

    private static final String SELECT = """
            select id, team_id, template_id, template_name, duration_months, start_date, ended_on, end_note, version
            from team_programme""";

    /** The current programme first: the running one, else the latest to have started. */
    private static final String CURRENT_FIRST = " order by status = 'ACTIVE' desc, start_date desc, id desc limit 1";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProgrammeAccess access;
    private final Accounts accounts;
    private final Organisations organisations;
    private final ProgrammeTemplates templates;
    private final Clock clock;

    TeamProgrammes(JdbcClient jdbc, AuditTrail audit, ProgrammeAccess access, Accounts accounts,
            Organisations organisations, ProgrammeTemplates templates, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.accounts = accounts;
        this.organisations = organisations;
        this.templates = templates;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The team's running programme, if it has one. Staff and trainers of the team only. */
    @Transactional(readOnly = true)
    public Optional<ProgrammeView> active(long teamId) {
        access.requireStaff(teamId);
        return activeUnchecked(teamId);
    }

    Optional<ProgrammeView> activeUnchecked(long teamId) {
        return jdbc.sql(SELECT + " where team_id = ? and status = 'ACTIVE'")
                .param(teamId).query(Row.class).optional().map(this::view);
    }

    /** The team's running programme, else the one it ended last. Staff and trainers of the team only. */
    @Transactional(readOnly = true)
    public Optional<ProgrammeView> current(long teamId) {
        access.requireStaff(teamId);
        return jdbc.sql(SELECT + " where team_id = ?" + CURRENT_FIRST)
                .param(teamId).query(Row.class).optional().map(this::view);
    }

    /** The id of the team's current programme (see {@link #current}), without checks. */
    Optional<Long> currentId(long teamId) {
        return jdbc.sql("select id from team_programme where team_id = ?" + CURRENT_FIRST)
                .param(teamId).query(Long.class).optional();
    }

    /** Trainers assigned to the team (members of it), who can be named as its facilitators. */
    @Transactional(readOnly = true)
    public List<StaffMember> trainersOf(long teamId) {
        return accounts.membersOfTeams(List.of(teamId)).get(teamId).stream()
                .filter(s -> s.role() == Role.TRAINER).toList();
    }

    /** Team staff (leaders and practitioners) whose attendance counts towards participation. */
    @Transactional(readOnly = true)
    public List<StaffMember> teamStaff(long teamId) {
        return accounts.membersOfTeams(List.of(teamId)).get(teamId).stream()
                .filter(s -> s.role().isTeamStaff()).toList();
    }

    /** Starts the team's programme from a template, copying its activities. Team leaders of the team. */
    public long start(long teamId, long templateId, LocalDate startDate, Set<Long> facilitatorIds) {
        access.requireLeader(teamId);
        ProgrammeTemplates.TemplateSummary template = templates.forTeam(teamId).stream()
                .filter(t -> t.id() == templateId).findFirst()
                .orElseThrow(() -> new InvalidInputException("templateId", "programme.template.required"));
        checkFacilitators(teamId, facilitatorIds);
        checkStartsAfterTheLastEnded(teamId, startDate);
        Long actor = AuthenticatedActor.currentAccountId();
        long id;
        try {
            id = jdbc.sql("""
                            insert into team_programme (team_id, template_id, template_name, duration_months,
                                                        start_date, created_by, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(teamId, templateId, template.name(), template.durationMonths(), Date.valueOf(startDate),
                            actor, actor)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("team programme");
        }
        jdbc.sql("""
                        insert into programme_activity (programme_id, component, kind, title, target_count, audience,
                                                        month, created_by, updated_by)
                        select ?, component, kind, title, target_count, audience, month, ?, ?
                        from programme_template_activity where template_id = ? order by month, id""")
                .params(id, actor, actor, templateId).update();
        setFacilitators(id, facilitatorIds);
        audit.record(AuditAction.CREATED, "team_programme", id, null,
                "team " + teamId + " template " + templateId + " facilitators=" + new TreeSet<>(facilitatorIds));
        return id;
    }

    /** Changes the start date and facilitators. Team leaders of the team. */
    public void updateDetails(long teamId, LocalDate startDate, Set<Long> facilitatorIds, int version) {
        access.requireLeader(teamId);
        ProgrammeView programme = activeUnchecked(teamId).orElseThrow(() -> new NotFoundException("team programme"));
        checkFacilitators(teamId, facilitatorIds);
        checkStartsAfterTheLastEnded(teamId, startDate);
        int rows = jdbc.sql("""
                        update team_programme set start_date = ?, updated_at = now(), updated_by = ?,
                               version = version + 1
                        where id = ? and version = ?""")
                .params(Date.valueOf(startDate), AuthenticatedActor.currentAccountId(), programme.id(), version)
                .update();
        if (rows != 1) {
            throw new ConflictException("team programme");
        }
        setFacilitators(programme.id(), facilitatorIds);
        audit.record(AuditAction.CHANGED, "team_programme", programme.id(), null,
                "start date and facilitators=" + new TreeSet<>(facilitatorIds));
    }

    /**
     * Ends the team's running programme on a day from its start (and its last delivered session) to today,
     * with an optional note. Its plan, sessions and records stay; no more sessions can be planned in it.
     * Team leaders of the team.
     *
     * @param programmeId the programme the leader saw, so a stale page never ends a newer programme
     * @throws ConflictException if it was changed or ended after the leader opened the page
     */
    public void end(long teamId, long programmeId, LocalDate endedOn, String note, int version) {
        access.requireLeader(teamId);
        ProgrammeView programme = activeUnchecked(teamId).filter(p -> p.id() == programmeId)
                .orElseThrow(() -> new ConflictException("team programme"));
        LocalDate today = today();
        if (!programme.startedBy(today)) {
            throw new InvalidInputException("endedOn", "programme.end.notStarted", programme.startDate());
        }
        if (endedOn.isBefore(programme.startDate())) {
            throw new InvalidInputException("endedOn", "programme.end.beforeStart", programme.startDate());
        }
        if (endedOn.isAfter(today)) {
            throw new InvalidInputException("endedOn", "programme.end.future");
        }
        Optional<LocalDate> lastDelivered = jdbc.sql("""
                        select delivered_on from programme_session
                        where programme_id = ? and status = 'DELIVERED' order by delivered_on desc limit 1""")
                .param(programmeId).query(LocalDate.class).optional();
        if (lastDelivered.isPresent() && endedOn.isBefore(lastDelivered.get())) {
            throw new InvalidInputException("endedOn", "programme.end.beforeLastSession", lastDelivered.get());
        }
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        int rows = jdbc.sql("""
                        update team_programme set status = 'ENDED', ended_on = ?, end_note = ?, updated_at = now(),
                               updated_by = ?, version = version + 1
                        where id = ? and team_id = ? and version = ? and status = 'ACTIVE'""")
                .params(Date.valueOf(endedOn), trimmed, AuthenticatedActor.currentAccountId(), programmeId, teamId,
                        version)
                .update();
        if (rows != 1) {
            throw new ConflictException("team programme");
        }
        audit.record(AuditAction.CHANGED, "team_programme", programmeId, null,
                "ended on " + endedOn + (trimmed == null ? "" : ", with a note"));
    }

    /** Planned activities with what is delivered, due and late (or, once ended, not delivered), in month order. */
    @Transactional(readOnly = true)
    public List<Timeline.Progress> timeline(ProgrammeView programme) {
        return Timeline.progress(activities(programme.id()), deliveredSessions(programme.id()),
                recordCounts(List.of(programme.id()), today()).getOrDefault(programme.id(), Map.of()),
                programme.startDate(), today(), programme.endedOn());
    }

    @Transactional(readOnly = true)
    public List<Timeline.PlannedActivity> activities(long programmeId) {
        return jdbc.sql("""
                        select id, component, kind, title, target_count as target, audience, month
                        from programme_activity where programme_id = ? order by month, id""")
                .param(programmeId).query(Timeline.PlannedActivity.class).list();
    }

    Map<Long, Integer> deliveredSessions(long programmeId) {
        Map<Long, Integer> delivered = new HashMap<>();
        jdbc.sql("""
                        select activity_id, count(*) from programme_session
                        where programme_id = ? and status = 'DELIVERED' group by activity_id""")
                .param(programmeId).query(rs -> {
                    delivered.put(rs.getLong(1), rs.getInt(2));
                });
        return delivered;
    }

    /**
     * Records that deliver the non-session activities, per programme and kind, dated from each programme's
     * start up to {@code asOf} or the day it ended, whichever is earlier: one query for all the programmes.
     */
    Map<Long, Map<ActivityKind, Integer>> recordCounts(Collection<Long> programmeIds, LocalDate asOf) {
        Map<Long, Map<ActivityKind, Integer>> counts = new HashMap<>();
        Long[] ids = programmeIds.toArray(Long[]::new);
        jdbc.sql("""
                        with p as (select id, team_id, start_date, least(?::date, ended_on) as until
                                   from team_programme where id = any(?))
                        select p.id, 'RECOVERY_STATEMENT', count(*) from p
                          join recovery_statement r on r.team_id = p.team_id
                          where r.agreed_on between p.start_date and p.until group by p.id
                        union all
                        select p.id, 'VALUES_EXERCISE', count(*) from p
                          join values_exercise v on v.team_id = p.team_id
                          where v.held_on between p.start_date and p.until group by p.id
                        union all
                        select p.id, 'PARTNERSHIP_PROJECT', count(*) from p
                          join partnership_project j on j.team_id = p.team_id
                          where j.created_at::date between p.start_date and p.until group by p.id
                        union all
                        select p.id, 'RESOURCE_OFFERS', count(*) from p
                          join resource_offer o on o.team_id = p.team_id
                          where o.offered_on between p.start_date and p.until group by p.id""")
                .params(Date.valueOf(asOf), ids)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ActivityKind.class))
                            .put(ActivityKind.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return counts;
    }

    /** A new programme starts after the team's last one ended, so no day belongs to two programmes. */
    private void checkStartsAfterTheLastEnded(long teamId, LocalDate startDate) {
        Optional<LocalDate> lastEnded = jdbc.sql("""
                        select ended_on from team_programme where team_id = ? and ended_on is not null
                        order by ended_on desc limit 1""")
                .param(teamId).query(LocalDate.class).optional();
        if (lastEnded.isPresent() && !startDate.isAfter(lastEnded.get())) {
            throw new InvalidInputException("startDate", "programme.startDate.afterLastEnded", lastEnded.get());
        }
    }

    private void checkFacilitators(long teamId, Set<Long> facilitatorIds) {
        Set<Long> trainers = new java.util.HashSet<>(trainersOf(teamId).stream().map(StaffMember::accountId).toList());
        if (!trainers.containsAll(facilitatorIds)) {
            throw new InvalidInputException("facilitatorIds", "programme.facilitators.notTrainers");
        }
    }

    private void setFacilitators(long programmeId, Set<Long> facilitatorIds) {
        jdbc.sql("delete from team_programme_facilitator where programme_id = ?").param(programmeId).update();
        for (Long accountId : facilitatorIds) {
            jdbc.sql("insert into team_programme_facilitator (programme_id, account_id, created_by) values (?, ?, ?)")
                    .params(programmeId, accountId, AuthenticatedActor.currentAccountId()).update();
        }
    }

    private ProgrammeView view(Row row) {
        List<Long> facilitatorIds = jdbc.sql("select account_id from team_programme_facilitator where programme_id = ?")
                .param(row.id()).query(Long.class).list();
        List<StaffMember> facilitators = accounts.staff(facilitatorIds).values().stream()
                .sorted(java.util.Comparator.comparing(StaffMember::displayName)).toList();
        return new ProgrammeView(row.id(), row.teamId(), organisations.team(row.teamId()).name(), row.templateId(),
                row.templateName(), row.durationMonths(), row.startDate(),
                Timeline.dueBy(row.startDate(), row.durationMonths()),
                Timeline.monthOf(row.startDate(), row.endedOn() != null ? row.endedOn() : today()),
                facilitators, row.endedOn(), row.endNote(), row.version());
    }
}
