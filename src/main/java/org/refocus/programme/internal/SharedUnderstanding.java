package org.refocus.programme.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.identity.StaffMember;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's shared understanding of recovery (its own statement, every agreed version kept) and staff
 * values exercises: the team-level output is the team's; each reflection belongs to its author and is
 * seen by nobody else, not even the team leader or an administrator, unless the author shares it with
 * the team.
 */
@Service
@Transactional
public class SharedUnderstanding {

    public record StatementView(long id, long teamId, int versionNo, String statement, LocalDate agreedOn,
            String agreedBy, Long createdBy, Instant createdAt) {
    }

    public record ExerciseView(long id, long teamId, String title, LocalDate heldOn, String teamOutput,
            int sharedReflections, int version) {
    }

    public record ReflectionView(long id, long exerciseId, long accountId, String authorName, String reflection,
            boolean shared, boolean mine, int version) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProgrammeAccess access;
    private final Accounts accounts;

    SharedUnderstanding(JdbcClient jdbc, AuditTrail audit, ProgrammeAccess access, Accounts accounts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.accounts = accounts;
    }

    /** Every agreed version, newest first. Staff and trainers of the team. */
    @Transactional(readOnly = true)
    public List<StatementView> statements(long teamId) {
        access.requireStaff(teamId);
        return jdbc.sql("""
                        select id, team_id, version_no, statement, agreed_on, agreed_by, created_by, created_at
                        from recovery_statement where team_id = ? order by version_no desc""")
                .param(teamId).query(StatementView.class).list();
    }

    /**
     * Records a newly agreed version. {@code basedOnVersion} is the version the author started from (0
     * for the first); if someone agreed a newer one meanwhile, nothing is saved. Team leaders and trainers.
     */
    public long agree(long teamId, int basedOnVersion, String statement, LocalDate agreedOn, String agreedBy) {
        access.requireFacilitator(teamId);
        int latest = jdbc.sql("select coalesce(max(version_no), 0) from recovery_statement where team_id = ?")
                .param(teamId).query(Integer.class).single();
        if (latest != basedOnVersion) {
            throw new ConflictException("recovery statement");
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into recovery_statement (team_id, version_no, statement, agreed_on, agreed_by, created_by)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(teamId, latest + 1, statement.trim(), Date.valueOf(agreedOn), agreedBy.trim(),
                            AuthenticatedActor.currentAccountId())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("recovery statement");
        }
        audit.record(AuditAction.CREATED, "recovery_statement", id, null, "team " + teamId + " version " + (latest + 1));
        return id;
    }

    @Transactional(readOnly = true)
    public List<ExerciseView> exercises(long teamId) {
        access.requireStaff(teamId);
        return jdbc.sql(exerciseSelect() + " where e.team_id = ? order by e.held_on desc, e.id desc").param(teamId)
                .query(ExerciseView.class).list();
    }

    @Transactional(readOnly = true)
    public ExerciseView exercise(long id) {
        ExerciseView exercise = jdbc.sql(exerciseSelect() + " where e.id = ?").param(id).query(ExerciseView.class)
                .optional().orElseThrow(() -> new NotFoundException("values exercise"));
        access.requireStaff(exercise.teamId());
        return exercise;
    }

    public long recordExercise(long teamId, String title, LocalDate heldOn, String teamOutput) {
        access.requireFacilitator(teamId);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into values_exercise (team_id, title, held_on, team_output, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(teamId, title.trim(), Date.valueOf(heldOn), blankToNull(teamOutput), actor, actor)
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, "values_exercise", id, null, "team " + teamId);
        return id;
    }

    public void updateExercise(long id, String title, LocalDate heldOn, String teamOutput, int version) {
        ExerciseView exercise = exercise(id);
        access.requireFacilitator(exercise.teamId());
        int rows = jdbc.sql("""
                        update values_exercise set title = ?, held_on = ?, team_output = ?, updated_at = now(),
                               updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(title.trim(), Date.valueOf(heldOn), blankToNull(teamOutput),
                        AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("values exercise");
        }
        audit.record(AuditAction.CHANGED, "values_exercise", id, null, "team output");
    }

    /** The signed-in member of staff's own reflection on an exercise, if they wrote one. */
    @Transactional(readOnly = true)
    public Optional<ReflectionView> myReflection(long exerciseId) {
        exercise(exerciseId);
        long me = CurrentUser.required().accountId();
        return reflections("where r.exercise_id = ? and r.account_id = ?", exerciseId, me).stream().findFirst();
    }

    /** Reflections their authors chose to share with the team. */
    @Transactional
    public List<ReflectionView> sharedReflections(long exerciseId) {
        ExerciseView exercise = exercise(exerciseId);
        List<ReflectionView> shared = reflections("where r.exercise_id = ? and r.shared", exerciseId);
        audit.record(AuditAction.VIEWED, "values_exercise", exerciseId, null,
                "team " + exercise.teamId() + " shared reflections=" + shared.size());
        return shared;
    }

    /**
     * Saves the signed-in member of staff's own reflection. {@code version} is null for a new one. Only the
     * author can ever write or read an unshared reflection.
     */
    public void saveMyReflection(long exerciseId, String reflection, boolean shared, Integer version) {
        ExerciseView exercise = exercise(exerciseId);
        CurrentUser user = CurrentUser.required();
        if (user.role() == Role.SERVICE_USER) {
            throw new NotFoundException("values exercise");
        }
        long me = user.accountId();
        if (version == null) {
            try {
                long id = jdbc.sql("""
                                insert into values_reflection (exercise_id, account_id, reflection, shared, created_by, updated_by)
                                values (?, ?, ?, ?, ?, ?) returning id""")
                        .params(exerciseId, me, reflection.trim(), shared, me, me).query(Long.class).single();
                audit.record(AuditAction.CREATED, "values_reflection", id, null,
                        "exercise " + exercise.id() + (shared ? " shared" : " private"));
            } catch (DuplicateKeyException e) {
                throw new ConflictException("values reflection");
            }
            return;
        }
        int rows = jdbc.sql("""
                        update values_reflection set reflection = ?, shared = ?, updated_at = now(), updated_by = ?,
                               version = version + 1
                        where exercise_id = ? and account_id = ? and version = ?""")
                .params(reflection.trim(), shared, me, exerciseId, me, version).update();
        if (rows != 1) {
            throw new ConflictException("values reflection");
        }
        audit.record(AuditAction.CHANGED, "values_reflection", exerciseId + "/" + me, null, shared ? "shared" : "private");
    }

    /** Names of the staff who recorded statements. */
    @Transactional(readOnly = true)
    public Map<Long, StaffMember> staff(java.util.Collection<Long> ids) {
        return accounts.staff(ids);
    }

    private List<ReflectionView> reflections(String where, Object... params) {
        long me = CurrentUser.required().accountId();
        List<ReflectionView> raw = jdbc.sql("""
                        select r.id, r.exercise_id, r.account_id, '' as author_name, r.reflection, r.shared,
                               (r.account_id = ?) as mine, r.version
                        from values_reflection r
                        """ + where + " order by r.created_at, r.id")
                .params(prepend(me, params)).query(ReflectionView.class).list();
        Map<Long, StaffMember> names = accounts.staff(raw.stream().map(ReflectionView::accountId).toList());
        return raw.stream().map(r -> new ReflectionView(r.id(), r.exerciseId(), r.accountId(),
                names.containsKey(r.accountId()) ? names.get(r.accountId()).displayName() : "",
                r.reflection(), r.shared(), r.mine(), r.version())).toList();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String exerciseSelect() {
        return """
                select e.id, e.team_id, e.title, e.held_on, e.team_output,
                       (select count(*) from values_reflection r where r.exercise_id = e.id and r.shared)
                       as shared_reflections, e.version
                from values_exercise e""";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
