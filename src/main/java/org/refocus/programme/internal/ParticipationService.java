package org.refocus.programme.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.TeamPracticeCounts;
import org.refocus.programme.WorkingPracticeRecords;
import org.refocus.programme.internal.ParticipationCalculator.TeamParticipation;
import org.refocus.programme.internal.ParticipationCalculator.TeamRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team participation, computed from the records on every request (nothing is stored or cached, so every
 * node gives the same answer). The loading is set-based: one query per kind of record for all the teams
 * asked about, never one per team, so an organisation's table costs the same few queries as one team.
 * The arithmetic is {@link ParticipationCalculator}'s.
 *
 * <p>A team's programme <em>as of a day</em> is the latest of its programmes to have started by then. If
 * the team had ended it by that day, it is counted as it stood on the day it ended (its figures stay,
 * frozen); once a new programme starts, the new one counts.
 */
@Service
@Transactional(readOnly = true)
public class ParticipationService {

    /** @param endedOn the day it ended, if it had ended by the day asked about; else null */
    public record ProgrammeInfo(long id, long teamId, LocalDate startDate, int durationMonths, LocalDate endedOn) {

        /** The day its figures are counted up to: {@code asOf}, or the day it ended. */
        LocalDate countedUpTo(LocalDate asOf) {
            return endedOn != null ? endedOn : asOf;
        }
    }

    public record TeamRow(TeamView team, ProgrammeInfo programme, TeamParticipation participation) {
    }

    /** A team's staff member and the delivered coaching-skills training sessions they attended. */
    public record TrainingRecord(StaffMember staff, int sessionsAttended, boolean trained) {
    }

    private record ActivityRow(long id, long programmeId, Component component, ActivityKind kind, String title,
            int targetCount, Audience audience, int month) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProgrammeAccess access;
    private final Accounts accounts;
    private final Organisations organisations;
    private final TeamProgrammes programmes;
    private final ParticipationSettings settings;
    private final ObjectProvider<WorkingPracticeRecords> practiceRecords;

    ParticipationService(JdbcClient jdbc, AuditTrail audit, ProgrammeAccess access, Accounts accounts,
            Organisations organisations, TeamProgrammes programmes, ParticipationSettings settings,
            ObjectProvider<WorkingPracticeRecords> practiceRecords) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.accounts = accounts;
        this.organisations = organisations;
        this.programmes = programmes;
        this.settings = settings;
        this.practiceRecords = practiceRecords;
    }

    public ParticipationSettings settings() {
        return settings;
    }

    /** Whether this installation has a module that provides working-practice records. */
    public boolean practiceAvailable() {
        return practiceRecords.getIfAvailable() != null;
    }

    /** One team's participation today; the read is audited. */
    @Transactional
    public TeamRow forTeam(long teamId) {
        access.requireParticipation(teamId);
        TeamRow row = compute(List.of(organisations.team(teamId)), programmes.today(), true).get(0);
        audit.record(AuditAction.VIEWED, "participation", teamId, null, null);
        return row;
    }

    /** Participation of each given team today (the caller has checked which teams it may show). */
    public List<TeamRow> table(List<TeamView> teams) {
        return compute(teams, programmes.today(), true);
    }

    /**
     * Participation of each team as of a day. With {@code withPractice} false the working-practice figures
     * are left out (their records have no history to ask about), which is what the delivery line over time
     * uses.
     */
    public List<TeamRow> compute(List<TeamView> teams, LocalDate asOf, boolean withPractice) {
        if (teams.isEmpty()) {
            return List.of();
        }
        List<Long> teamIds = teams.stream().map(TeamView::id).toList();
        Long[] ids = teamIds.toArray(Long[]::new);
        Date until = Date.valueOf(asOf);

        Map<Long, ProgrammeInfo> programmeByTeam = new HashMap<>();
        jdbc.sql("""
                        select distinct on (team_id) id, team_id, start_date, duration_months,
                               case when ended_on <= ? then ended_on end as ended_on
                        from team_programme where team_id = any(?) and start_date <= ?
                        order by team_id, start_date desc, id desc""")
                .params(until, ids, until).query(ProgrammeInfo.class).list()
                .forEach(p -> programmeByTeam.put(p.teamId(), p));
        Long[] programmeIds = programmeByTeam.values().stream().map(ProgrammeInfo::id).toArray(Long[]::new);

        Map<Long, List<Timeline.PlannedActivity>> activities = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.programme_id, a.component, a.kind, a.title, a.target_count, a.audience, a.month
                        from programme_activity a where a.programme_id = any(?)""")
                .param(programmeIds).query(ActivityRow.class).list()
                .forEach(a -> activities.computeIfAbsent(a.programmeId(), k -> new ArrayList<>())
                        .add(new Timeline.PlannedActivity(a.id(), a.component(), a.kind(), a.title(), a.targetCount(),
                                a.audience(), a.month())));

        Map<Long, Integer> deliveredByActivity = new HashMap<>();
        jdbc.sql("""
                        select s.activity_id, count(*) from programme_session s
                        where s.programme_id = any(?) and s.status = 'DELIVERED' and s.delivered_on <= ?
                        group by s.activity_id""")
                .params(programmeIds, until).query(rs -> {
                    deliveredByActivity.put(rs.getLong(1), rs.getInt(2));
                });

        Map<Long, Map<ActivityKind, Integer>> records = programmes.recordCounts(List.of(programmeIds), asOf);

        Map<Long, Set<Long>> trainedByTeam = new HashMap<>();
        jdbc.sql("""
                        select s.team_id, a.account_id from session_attendance a
                        join programme_session s on s.id = a.session_id
                        where s.team_id = any(?) and s.kind = 'COACHING_TRAINING' and s.status = 'DELIVERED'
                          and s.delivered_on <= ?
                        group by s.team_id, a.account_id having count(*) >= ?""")
                .params(ids, until, settings.trainedAfterSessions()).query(rs -> {
                    trainedByTeam.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });

        Map<Long, List<StaffMember>> members = accounts.membersOfTeams(teamIds);

        Map<Long, int[]> milestones = new HashMap<>();
        jdbc.sql("""
                        select j.team_id,
                               count(*) filter (where t.status = 'DONE' and t.done_on <= ?),
                               count(*)
                        from project_task t join partnership_project j on j.id = t.project_id
                        where t.kind = 'MILESTONE' and j.team_id = any(?) and t.created_at::date <= ?
                        group by j.team_id""")
                .params(until, ids, until).query(rs -> {
                    milestones.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });

        Map<Long, TeamPracticeCounts> practice = Map.of();
        WorkingPracticeRecords provider = withPractice ? practiceRecords.getIfAvailable() : null;
        if (provider != null) {
            practice = provider.countsFor(teamIds, asOf.minusMonths(settings.goalStrivingMonths()));
        }

        List<TeamRow> rows = new ArrayList<>(teams.size());
        for (TeamView team : teams) {
            ProgrammeInfo programme = programmeByTeam.get(team.id());
            List<StaffMember> staff = members.getOrDefault(team.id(), List.of()).stream()
                    .filter(s -> s.role().isTeamStaff()).toList();
            Set<Long> trained = trainedByTeam.getOrDefault(team.id(), Set.of());
            int trainedStaff = (int) staff.stream().filter(s -> trained.contains(s.accountId())).count();
            int delivered = 0;
            int planned = 0;
            boolean projectDue = false;
            if (programme != null) {
                LocalDate upTo = programme.countedUpTo(asOf);
                List<Timeline.PlannedActivity> plan = activities.getOrDefault(programme.id(), List.of());
                List<Timeline.Progress> progress = Timeline.progress(plan, deliveredByActivity,
                        records.getOrDefault(programme.id(), Map.of()), programme.startDate(), upTo,
                        programme.endedOn());
                Timeline.Tally tally = Timeline.sessionsSoFar(progress, programme.startDate(), upTo);
                delivered = tally.delivered();
                planned = tally.planned();
                projectDue = Timeline.due(plan, ActivityKind.PARTNERSHIP_PROJECT, programme.startDate(), upTo);
            }
            int[] m = milestones.getOrDefault(team.id(), new int[2]);
            TeamPracticeCounts counts = provider == null ? null
                    : practice.getOrDefault(team.id(), new TeamPracticeCounts(team.id(), 0, 0, 0, 0, 0));
            TeamRecords teamRecords = new TeamRecords(team.id(), programme != null, staff.size(), trainedStaff,
                    delivered, planned, projectDue, m[0], m[1], counts);
            rows.add(new TeamRow(team, programme, ParticipationCalculator.compute(teamRecords, settings)));
        }
        return rows;
    }

    /** The records behind the training figure: each team staff member and the training they attended. */
    @Transactional
    public List<TrainingRecord> trainingRecords(long teamId) {
        access.requireStaff(teamId);
        Map<Long, Integer> attended = new HashMap<>();
        jdbc.sql("""
                        select a.account_id, count(*) from session_attendance a
                        join programme_session s on s.id = a.session_id
                        where s.team_id = ? and s.kind = 'COACHING_TRAINING' and s.status = 'DELIVERED'
                          and s.delivered_on <= ?
                        group by a.account_id""")
                .params(teamId, Date.valueOf(programmes.today())).query(rs -> {
                    attended.put(rs.getLong(1), rs.getInt(2));
                });
        audit.record(AuditAction.VIEWED, "participation", teamId, null, "training records");
        return programmes.teamStaff(teamId).stream()
                .map(s -> new TrainingRecord(s, attended.getOrDefault(s.accountId(), 0),
                        attended.getOrDefault(s.accountId(), 0) >= settings.trainedAfterSessions()))
                .toList();
    }
}
