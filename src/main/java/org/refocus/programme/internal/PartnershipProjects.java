package org.refocus.programme.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partnership Projects: a workspace that staff and people who use the service share as equal members.
 *
 * <p>Who may do what: the team's staff and trainers see all of the team's projects; a person who uses
 * the service sees only the projects they are a member of (anyone else's project is "not found"). Members
 * add tasks and milestones, record spending and decisions; co-leads (staff or people who use the service)
 * and the team's leaders also change the aims, stage and outcome; only the team's leaders add and remove
 * members, because adding someone who uses the service needs access to the team's caseload. Budget entries
 * and decisions are never changed: a correction is a new entry.
 */
@Service
@Transactional
public class PartnershipProjects {

    public record ProjectSummary(long id, long teamId, String title, ProjectStatus status, int members,
            int milestonesDone, int milestonesPlanned) {
    }

    public record ProjectView(long id, long teamId, String teamName, String title, String aims, ProjectStatus status,
            LocalDate completedOn, String outcome, String lessons, int version, boolean canManage,
            boolean canContribute, boolean canManageMembers) {
    }

    public record MemberView(long id, Long accountId, Long personId, String displayName, ProjectRole projectRole) {

        public boolean serviceUser() {
            return personId != null;
        }
    }

    public record TaskView(long id, TaskKind kind, String title, Long ownerMemberId, String ownerName, LocalDate dueOn,
            String status, LocalDate doneOn, int version) {

        public boolean done() {
            return "DONE".equals(status);
        }

        public boolean lateOn(LocalDate today) {
            return !done() && dueOn != null && dueOn.isBefore(today);
        }
    }

    public record BudgetLineView(long id, BudgetEntryKind kind, long amountPence, long effectPence, long balancePence,
            String description, LocalDate entryDate, Long correctsEntryId, String recordedByName, Instant recordedAt,
            long correctedAmountPence) {
    }

    public record Budget(List<BudgetLineView> lines, BudgetLedger.Totals totals) {
    }

    public record DecisionView(long id, LocalDate decidedOn, String decision, String recordedByName,
            Instant recordedAt) {
    }

    private record ProjectRow(long id, long teamId, String title, String aims, ProjectStatus status,
            LocalDate completedOn, String outcome, String lessons, int version) {
    }

    private record EntryRow(long id, BudgetEntryKind kind, long amountPence, String description, LocalDate entryDate,
            Long correctsEntryId, String recordedByName, Instant recordedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProgrammeAccess access;
    private final People people;
    private final Organisations organisations;
    private final TeamProgrammes programmes;

    PartnershipProjects(JdbcClient jdbc, AuditTrail audit, ProgrammeAccess access, People people,
            Organisations organisations, TeamProgrammes programmes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
        this.organisations = organisations;
        this.programmes = programmes;
    }

    /** Projects the signed-in user may open: a service user's own; staff, their teams'. */
    @Transactional(readOnly = true)
    public List<ProjectSummary> mine() {
        CurrentUser user = CurrentUser.required();
        if (user.role() == Role.SERVICE_USER) {
            if (user.personId() == null) {
                return List.of();
            }
            return summaries("where j.id in (select project_id from project_member where person_id = ?)",
                    user.personId());
        }
        Long[] teams = access.myTeams().toArray(Long[]::new);
        return summaries("where j.team_id = any(?)", (Object) teams);
    }

    @Transactional(readOnly = true)
    public List<ProjectSummary> forTeam(long teamId) {
        CurrentUser user = CurrentUser.required();
        if (user.role() == Role.SERVICE_USER) {
            return mine().stream().filter(p -> p.teamId() == teamId).toList();
        }
        access.requireStaff(teamId);
        return summaries("where j.team_id = ?", teamId);
    }

    /** Teams of the projects a service user belongs to (for the API's list of teams). */
    @Transactional(readOnly = true)
    public List<Long> teamsOfMyProjects() {
        return mine().stream().map(ProjectSummary::teamId).distinct().toList();
    }

    /** Opens a project's workspace; the read is audited. */
    public ProjectView project(long id) {
        ProjectView project = view(id);
        audit.record(AuditAction.VIEWED, "partnership_project", id, null, null);
        return project;
    }

    /** Starts a project; its creator is its first co-lead. Team leaders of the team. */
    public long create(long teamId, String title, String aims) {
        access.requireLeader(teamId);
        CurrentUser user = CurrentUser.required();
        Long actor = user.accountId();
        long id = jdbc.sql("""
                        insert into partnership_project (team_id, title, aims, created_by, updated_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(teamId, title.trim(), aims.trim(), actor, actor).query(Long.class).single();
        jdbc.sql("""
                        insert into project_member (project_id, account_id, display_name, project_role, created_by)
                        values (?, ?, ?, 'CO_LEAD', ?)""")
                .params(id, actor, user.displayName(), actor).update();
        audit.record(AuditAction.CREATED, "partnership_project", id, null, "team " + teamId);
        return id;
    }

    /** Changes the title, aims and stage. Co-leads and the team's leaders. */
    public void update(long id, String title, String aims, ProjectStatus status, int version) {
        ProjectView project = view(id);
        requireManage(project);
        if (status == ProjectStatus.COMPLETED && project.status() != ProjectStatus.COMPLETED) {
            throw new InvalidInputException("status", "project.status.completeWithOutcome");
        }
        int rows = jdbc.sql("""
                        update partnership_project set title = ?, aims = ?, status = ?, updated_at = now(),
                               updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(title.trim(), aims.trim(), status.name(), AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("partnership project");
        }
        audit.record(AuditAction.CHANGED, "partnership_project", id, null, "aims and stage " + status);
    }

    /** Records the outcome and lessons and marks the project completed. Co-leads and the team's leaders. */
    public void complete(long id, LocalDate completedOn, String outcome, String lessons, int version) {
        ProjectView project = view(id);
        requireManage(project);
        int rows = jdbc.sql("""
                        update partnership_project set status = 'COMPLETED', completed_on = ?, outcome = ?,
                               lessons = ?, updated_at = now(), updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(Date.valueOf(completedOn), outcome.trim(), lessons.trim(),
                        AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("partnership project");
        }
        audit.record(AuditAction.CHANGED, "partnership_project", id, null, "completed with outcome and lessons");
    }

    @Transactional(readOnly = true)
    public List<MemberView> members(long projectId) {
        view(projectId);
        return memberRows(projectId);
    }

    /** Staff of the team who are not yet members, for the add-member page. */
    @Transactional(readOnly = true)
    public List<StaffMember> staffWhoCouldJoin(long projectId) {
        ProjectView project = view(projectId);
        requireManageMembers(project);
        List<Long> already = memberRows(projectId).stream().map(MemberView::accountId)
                .filter(java.util.Objects::nonNull).toList();
        return programmes.teamStaff(project.teamId()).stream().filter(s -> !already.contains(s.accountId())).toList();
    }

    public void addStaffMember(long projectId, long accountId, ProjectRole role) {
        ProjectView project = view(projectId);
        requireManageMembers(project);
        StaffMember staff = programmes.teamStaff(project.teamId()).stream().filter(s -> s.accountId() == accountId)
                .findFirst().orElseThrow(() -> new InvalidInputException("accountId", "project.member.notTeamStaff"));
        insertMember(projectId, accountId, null, staff.displayName(), role);
        audit.record(AuditAction.CHANGED, "partnership_project", projectId, null, "added staff member " + accountId);
    }

    /**
     * Adds a person who uses the service. They must be in the project's team and within the team leader's
     * reach; {@code displayName} is how the project shows them to its other members (their choice).
     */
    public void addPersonMember(long projectId, long personId, String displayName, ProjectRole role) {
        ProjectView project = view(projectId);
        requireManageMembers(project);
        PersonSummary person = people.requireReach(personId);
        if (person.teamId() != project.teamId()) {
            throw new InvalidInputException("personId", "project.member.notInTeam");
        }
        String name = displayName == null || displayName.isBlank() ? person.knownAs() : displayName.trim();
        insertMember(projectId, null, personId, name, role);
        audit.record(AuditAction.CHANGED, "partnership_project", projectId, personId, "added person as member");
    }

    public void removeMember(long memberId) {
        MemberView member = jdbc.sql("""
                        select id, account_id, person_id, display_name, project_role from project_member where id = ?""")
                .param(memberId).query(MemberView.class).optional()
                .orElseThrow(() -> new NotFoundException("project member"));
        long projectId = jdbc.sql("select project_id from project_member where id = ?").param(memberId)
                .query(Long.class).single();
        requireManageMembers(view(projectId));
        jdbc.sql("delete from project_member where id = ?").param(memberId).update();
        audit.record(AuditAction.CHANGED, "partnership_project", projectId, member.personId(),
                "removed member " + memberId);
    }

    public long projectOfMember(long memberId) {
        return jdbc.sql("select project_id from project_member where id = ?").param(memberId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("project member"));
    }

    @Transactional(readOnly = true)
    public List<TaskView> tasks(long projectId) {
        view(projectId);
        return jdbc.sql("""
                        select t.id, t.kind, t.title, t.owner_member_id, m.display_name as owner_name, t.due_on,
                               t.status, t.done_on, t.version
                        from project_task t left join project_member m on m.id = t.owner_member_id
                        where t.project_id = ? order by t.status desc, t.due_on nulls last, t.id""")
                .param(projectId).query(TaskView.class).list();
    }

    @Transactional(readOnly = true)
    public TaskView task(long taskId) {
        long projectId = projectOfTask(taskId);
        return tasks(projectId).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
    }

    public long projectOfTask(long taskId) {
        return jdbc.sql("select project_id from project_task where id = ?").param(taskId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("project task"));
    }

    /** Adds a task or milestone. Members, co-leads and the team's leaders. */
    public long addTask(long projectId, TaskKind kind, String title, Long ownerMemberId, LocalDate dueOn) {
        ProjectView project = view(projectId);
        requireContribute(project);
        checkOwner(projectId, ownerMemberId);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into project_task (project_id, kind, title, owner_member_id, due_on, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(projectId, kind.name(), title.trim(), ownerMemberId, dueOn == null ? null : Date.valueOf(dueOn),
                        actor, actor)
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, "project_task", id, null, "project " + projectId + " " + kind);
        return id;
    }

    public void updateTask(long taskId, String title, Long ownerMemberId, LocalDate dueOn, boolean done, int version) {
        long projectId = projectOfTask(taskId);
        ProjectView project = view(projectId);
        requireContribute(project);
        checkOwner(projectId, ownerMemberId);
        TaskView before = task(taskId);
        LocalDate doneOn = done ? (before.done() ? before.doneOn() : programmes.today()) : null;
        int rows = jdbc.sql("""
                        update project_task set title = ?, owner_member_id = ?, due_on = ?, status = ?, done_on = ?,
                               updated_at = now(), updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(title.trim(), ownerMemberId, dueOn == null ? null : Date.valueOf(dueOn),
                        done ? "DONE" : "OPEN", doneOn == null ? null : Date.valueOf(doneOn),
                        AuthenticatedActor.currentAccountId(), taskId, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("project task");
        }
        audit.record(AuditAction.CHANGED, "project_task", taskId, null, done ? "done" : "open");
    }

    @Transactional(readOnly = true)
    public Budget budget(long projectId) {
        view(projectId);
        List<EntryRow> rows = entryRows(projectId);
        List<BudgetLedger.Entry> entries = rows.stream()
                .map(r -> new BudgetLedger.Entry(r.id(), r.kind(), r.amountPence(), r.correctsEntryId())).toList();
        List<BudgetLedger.Line> lines = BudgetLedger.lines(entries);
        List<BudgetLineView> views = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            EntryRow r = rows.get(i);
            BudgetLedger.Line line = lines.get(i);
            views.add(new BudgetLineView(r.id(), r.kind(), r.amountPence(), line.effectPence(), line.balancePence(),
                    r.description(), r.entryDate(), r.correctsEntryId(), r.recordedByName(), r.recordedAt(),
                    r.kind() == BudgetEntryKind.CORRECTION ? 0 : BudgetLedger.correctedAmount(entries, r.id())));
        }
        return new Budget(views, BudgetLedger.totals(entries));
    }

    /** Records an allocation or spending. Members, co-leads and the team's leaders. */
    public long recordEntry(long projectId, BudgetEntryKind kind, long amountPence, String description, LocalDate date) {
        if (kind == BudgetEntryKind.CORRECTION) {
            throw new InvalidInputException("kind", "budget.kind.required");
        }
        ProjectView project = view(projectId);
        requireContribute(project);
        lockLedger(projectId);
        long id = insertEntry(projectId, kind, amountPence, description, date, null);
        audit.record(AuditAction.CREATED, "project_budget_entry", id, null, "project " + projectId + " " + kind);
        return id;
    }

    /**
     * Records a correction: a new entry with the difference that makes entry {@code entryId} count as
     * {@code rightAmountPence}. The original entry is left exactly as it was recorded.
     */
    public long correct(long entryId, long rightAmountPence, String reason, LocalDate date) {
        long projectId = projectOfEntry(entryId);
        ProjectView project = view(projectId);
        requireContribute(project);
        lockLedger(projectId);
        List<BudgetLedger.Entry> entries = entryRows(projectId).stream()
                .map(r -> new BudgetLedger.Entry(r.id(), r.kind(), r.amountPence(), r.correctsEntryId())).toList();
        long difference;
        try {
            difference = BudgetLedger.correction(entries, entryId, rightAmountPence);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("amount", "budget.correction.unchanged");
        }
        long id = insertEntry(projectId, BudgetEntryKind.CORRECTION, difference, reason, date, entryId);
        audit.record(AuditAction.CREATED, "project_budget_entry", id, null, "correction of " + entryId);
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<BudgetLineView> entry(long entryId) {
        long projectId = projectOfEntry(entryId);
        return budget(projectId).lines().stream().filter(l -> l.id() == entryId).findFirst();
    }

    public long projectOfEntry(long entryId) {
        return jdbc.sql("select project_id from project_budget_entry where id = ?").param(entryId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("budget entry"));
    }

    @Transactional(readOnly = true)
    public List<DecisionView> decisions(long projectId) {
        view(projectId);
        return jdbc.sql("""
                        select id, decided_on, decision, recorded_by_name, recorded_at from project_decision
                        where project_id = ? order by decided_on desc, id desc""")
                .param(projectId).query(DecisionView.class).list();
    }

    public long recordDecision(long projectId, LocalDate decidedOn, String decision) {
        ProjectView project = view(projectId);
        requireContribute(project);
        CurrentUser user = CurrentUser.required();
        long id = jdbc.sql("""
                        insert into project_decision (project_id, decided_on, decision, recorded_by, recorded_by_name)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(projectId, Date.valueOf(decidedOn), decision.trim(), user.accountId(), user.displayName())
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, "project_decision", id, null, "project " + projectId);
        return id;
    }

    /** The project as the signed-in user may see it, or "not found" (audited) when they may not. */
    @Transactional(readOnly = true)
    public ProjectView view(long id) {
        ProjectRow row = jdbc.sql("""
                        select id, team_id, title, aims, status, completed_on, outcome, lessons, version
                        from partnership_project where id = ?""")
                .param(id).query(ProjectRow.class).optional().orElse(null);
        CurrentUser user = CurrentUser.required();
        Optional<MemberView> membership = row == null ? Optional.empty() : membership(id, user);
        boolean staffOfTeam = row != null && access.isStaffRole(user.role()) && access.isMember(row.teamId());
        if (row == null || !(staffOfTeam || membership.isPresent())) {
            if (row != null) {
                audit.recordDenied(AuditAction.VIEWED, "partnership_project", id, null);
            }
            throw new NotFoundException("partnership project");
        }
        boolean leader = staffOfTeam && user.role() == Role.TEAM_LEADER;
        boolean coLead = membership.map(m -> m.projectRole() == ProjectRole.CO_LEAD).orElse(false);
        return new ProjectView(row.id(), row.teamId(), organisations.team(row.teamId()).name(), row.title(),
                row.aims(), row.status(), row.completedOn(), row.outcome(), row.lessons(), row.version(),
                leader || coLead, leader || membership.isPresent(), leader);
    }

    private Optional<MemberView> membership(long projectId, CurrentUser user) {
        String select = "select id, account_id, person_id, display_name, project_role from project_member ";
        if (user.role() == Role.SERVICE_USER) {
            if (user.personId() == null) {
                return Optional.empty();
            }
            return jdbc.sql(select + "where project_id = ? and person_id = ?").params(projectId, user.personId())
                    .query(MemberView.class).optional();
        }
        return jdbc.sql(select + "where project_id = ? and account_id = ?").params(projectId, user.accountId())
                .query(MemberView.class).optional();
    }

    private List<MemberView> memberRows(long projectId) {
        return jdbc.sql("""
                        select id, account_id, person_id, display_name, project_role from project_member
                        where project_id = ? order by project_role, lower(display_name), id""")
                .param(projectId).query(MemberView.class).list();
    }

    private void insertMember(long projectId, Long accountId, Long personId, String name, ProjectRole role) {
        try {
            jdbc.sql("""
                            insert into project_member (project_id, account_id, person_id, display_name, project_role,
                                                        created_by)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(projectId, accountId, personId, name, role.name(), AuthenticatedActor.currentAccountId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(accountId != null ? "accountId" : "personId", "project.member.already");
        }
    }

    private void checkOwner(long projectId, Long ownerMemberId) {
        if (ownerMemberId != null && memberRows(projectId).stream().noneMatch(m -> m.id() == ownerMemberId)) {
            throw new InvalidInputException("ownerMemberId", "task.owner.notMember");
        }
    }

    /** Serialises ledger writers per project, so two corrections never start from the same balance. */
    private void lockLedger(long projectId) {
        jdbc.sql("select id from partnership_project where id = ? for update").param(projectId).query(Long.class)
                .single();
    }

    private long insertEntry(long projectId, BudgetEntryKind kind, long amountPence, String description,
            LocalDate date, Long corrects) {
        CurrentUser user = CurrentUser.required();
        return jdbc.sql("""
                        insert into project_budget_entry (project_id, kind, amount_pence, description, entry_date,
                                                          corrects_entry_id, recorded_by, recorded_by_name)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(projectId, kind.name(), amountPence, description.trim(), Date.valueOf(date), corrects,
                        user.accountId(), user.displayName())
                .query(Long.class).single();
    }

    private List<EntryRow> entryRows(long projectId) {
        return jdbc.sql("""
                        select id, kind, amount_pence, description, entry_date, corrects_entry_id, recorded_by_name,
                               recorded_at
                        from project_budget_entry where project_id = ? order by id""")
                .param(projectId).query(EntryRow.class).list();
    }

    private List<ProjectSummary> summaries(String where, Object param) {
        return jdbc.sql("""
                        select j.id, j.team_id, j.title, j.status,
                               (select count(*) from project_member m where m.project_id = j.id) as members,
                               (select count(*) from project_task t where t.project_id = j.id and t.kind = 'MILESTONE'
                                  and t.status = 'DONE') as milestones_done,
                               (select count(*) from project_task t where t.project_id = j.id and t.kind = 'MILESTONE')
                                  as milestones_planned
                        from partnership_project j
                        """ + where + " order by j.created_at desc, j.id desc")
                .param(param).query(ProjectSummary.class).list();
    }

    // The caller can see the project (view() checked that) but may not do this: 403, not "not found".

    private static void requireManage(ProjectView project) {
        if (!project.canManage()) {
            throw new AccessDeniedException("not a co-lead or team leader");
        }
    }

    private static void requireContribute(ProjectView project) {
        if (!project.canContribute()) {
            throw new AccessDeniedException("not a member");
        }
    }

    private static void requireManageMembers(ProjectView project) {
        if (!project.canManageMembers()) {
            throw new AccessDeniedException("not the team leader");
        }
    }
}
