package org.refocus.recovery.internal;

import static org.refocus.recovery.internal.Rows.sqlDate;
import static org.refocus.recovery.internal.Rows.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.refocus.identity.Accounts;
import org.refocus.recovery.GoalStatus;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryGoals;
import org.refocus.recovery.StepOwner;
import org.refocus.recovery.Voice;
import org.refocus.shared.AuthenticatedActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcRecoveryGoals implements RecoveryGoals {

    private final JdbcClient jdbc;
    private final Access access;
    private final PlanWriter writer;
    private final Accounts accounts;

    JdbcRecoveryGoals(JdbcClient jdbc, Access access, PlanWriter writer, Accounts accounts) {
        this.jdbc = jdbc;
        this.access = access;
        this.writer = writer;
        this.accounts = accounts;
    }

    @Override
    public long addGoal(long personId, GoalDetails g) {
        Subject subject = access.reach(personId);
        subject.requireMayChange(Voice.PERSON);
        checkLinks(personId, g);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_goal (person_id, words, expected_outcome, target_date, weight, chime,
                                                   value_ids, domain_ids, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, text(g.words()), text(g.expectedOutcome()), sqlDate(g.targetDate()), g.weight(),
                        textArray(g.chime().stream().map(Enum::name).sorted().toList()), longArray(g.valueIds()),
                        longArray(g.domainIds()), actor, actor)
                .query(Long.class).single();
        writer.saved(RecordType.GOAL, id, subject, "CREATED", null);
        return id;
    }

    @Override
    public void changeGoal(long goalId, GoalDetails g, int version) {
        Subject subject = access.reachThrough(RecordType.GOAL, goalId);
        subject.requireMayChange(Voice.PERSON);
        checkLinks(subject.personId(), g);
        writer.update("update recovery_goal set words = ?, expected_outcome = ?, target_date = ?, weight = ?, chime = ?, "
                        + "value_ids = ?, domain_ids = ?", RecordType.GOAL, goalId, version, text(g.words()),
                text(g.expectedOutcome()), sqlDate(g.targetDate()), g.weight(),
                textArray(g.chime().stream().map(Enum::name).sorted().toList()), longArray(g.valueIds()),
                longArray(g.domainIds()));
        writer.saved(RecordType.GOAL, goalId, subject, "CHANGED", null);
    }

    @Override
    public void changeStatus(long goalId, GoalStatus status, String reason, int version) {
        Subject subject = access.reachThrough(RecordType.GOAL, goalId);
        subject.requireMayChange(Voice.PERSON);
        writer.update("update recovery_goal set status = ?, status_reason = ?", RecordType.GOAL, goalId, version,
                status.name(), text(reason));
        writer.saved(RecordType.GOAL, goalId, subject, "CHANGED", "status=" + status);
    }

    @Override
    public long addConversation(long goalId, ConversationDetails c) {
        Subject subject = access.reachThrough(RecordType.GOAL, goalId);
        subject.requireStaff();
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_conversation (person_id, goal_id, held_on, goal_part, reality, options,
                                                           way_forward, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(subject.personId(), goalId, sqlDate(c.heldOn()), text(c.goalPart()), text(c.reality()),
                        text(c.options()), text(c.wayForward()), actor, actor)
                .query(Long.class).single();
        writer.saved(RecordType.CONVERSATION, id, subject, "CREATED", "goal " + goalId);
        return id;
    }

    @Override
    public void changeConversation(long conversationId, ConversationDetails c, int version) {
        Subject subject = access.reachThrough(RecordType.CONVERSATION, conversationId);
        subject.requireStaff();
        writer.update("update recovery_conversation set held_on = ?, goal_part = ?, reality = ?, options = ?, "
                        + "way_forward = ?", RecordType.CONVERSATION, conversationId, version, sqlDate(c.heldOn()),
                text(c.goalPart()), text(c.reality()), text(c.options()), text(c.wayForward()));
        writer.saved(RecordType.CONVERSATION, conversationId, subject, "CHANGED", null);
    }

    @Override
    public long addStep(long goalId, StepDetails s) {
        Subject subject = access.reachThrough(RecordType.GOAL, goalId);
        subject.requireMayChange(Voice.PERSON);
        StepDetails step = ownedBy(subject, s);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_step (person_id, goal_id, what, owner_kind, owner_account_id, owner_name,
                                                   due_on, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(subject.personId(), goalId, text(step.what()), step.ownerKind().name(), step.ownerAccountId(),
                        text(step.ownerName()), sqlDate(step.dueOn()), actor, actor)
                .query(Long.class).single();
        writer.saved(RecordType.STEP, id, subject, "CREATED", "owner=" + step.ownerKind());
        return id;
    }

    @Override
    public void changeStep(long stepId, StepDetails s, int version) {
        Subject subject = access.reachThrough(RecordType.STEP, stepId);
        requireMayChangeStep(subject, stepId);
        StepDetails step = ownedBy(subject, s);
        writer.update("update recovery_step set what = ?, owner_kind = ?, owner_account_id = ?, owner_name = ?, "
                        + "due_on = ?", RecordType.STEP, stepId, version, text(step.what()), step.ownerKind().name(),
                step.ownerAccountId(), text(step.ownerName()), sqlDate(step.dueOn()));
        writer.saved(RecordType.STEP, stepId, subject, "CHANGED", "owner=" + step.ownerKind());
    }

    @Override
    public void markStep(long stepId, boolean done, int version) {
        Subject subject = access.reachThrough(RecordType.STEP, stepId);
        requireMayChangeStep(subject, stepId);
        writer.update("update recovery_step set done = ?, done_on = ?", RecordType.STEP, stepId, version, done,
                done ? sqlDate(Rows.today()) : null);
        writer.saved(RecordType.STEP, stepId, subject, "CHANGED", done ? "done" : "not done");
    }

    @Override
    public long review(long personId, LocalDate reviewedOn, String notes, List<RatingDetails> ratings) {
        Subject subject = access.reach(personId);
        subject.requireStaff();
        if (ratings.isEmpty()) {
            throw new IllegalArgumentException("a review rates at least one goal");
        }
        Set<Long> goals = new HashSet<>(jdbc.sql("select id from recovery_goal where person_id = ?").param(personId)
                .query(Long.class).list());
        Set<Long> seen = new HashSet<>();
        for (RatingDetails r : ratings) {
            if (!goals.contains(r.goalId()) || !seen.add(r.goalId())) {
                throw new InvalidLinkException("goal");
            }
        }
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_review (person_id, reviewed_on, notes, created_by, updated_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(personId, sqlDate(reviewedOn), text(notes), actor, actor).query(Long.class).single();
        for (RatingDetails r : ratings) {
            jdbc.sql("""
                            insert into recovery_goal_rating (review_id, person_id, goal_id, attainment, weight, comment)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(id, personId, r.goalId(), r.attainment(), r.weight() == null ? BigDecimal.ONE : r.weight(),
                            text(r.comment()))
                    .update();
        }
        writer.saved(RecordType.REVIEW, id, subject, "CREATED", "goals rated=" + ratings.size());
        return id;
    }

    private void requireMayChangeStep(Subject subject, long stepId) {
        StepOwner owner = StepOwner.valueOf(jdbc.sql("select owner_kind from recovery_step where id = ?")
                .param(stepId).query(String.class).single());
        if (!subject.isStaff() && !(subject.isThePerson() && owner == StepOwner.PERSON)) {
            throw new AccessDeniedException("only the step's owner or staff change it");
        }
    }

    /** The person's own steps are theirs; staff name a member of the person's team or someone else. */
    private StepDetails ownedBy(Subject subject, StepDetails s) {
        if (subject.isThePerson()) {
            return new StepDetails(s.what(), StepOwner.PERSON, null, null, s.dueOn());
        }
        return switch (s.ownerKind()) {
            case PERSON -> new StepDetails(s.what(), StepOwner.PERSON, null, null, s.dueOn());
            case SOMEONE_ELSE -> new StepDetails(s.what(), StepOwner.SOMEONE_ELSE, null, s.ownerName(), s.dueOn());
            case STAFF -> {
                boolean inTeam = s.ownerAccountId() != null && accounts.staffOfTeam(subject.person().teamId()).stream()
                        .anyMatch(m -> m.accountId() == s.ownerAccountId());
                if (!inTeam) {
                    throw new InvalidLinkException("member of staff");
                }
                yield new StepDetails(s.what(), StepOwner.STAFF, s.ownerAccountId(), null, s.dueOn());
            }
        };
    }

    private void checkLinks(long personId, GoalDetails g) {
        if (!g.valueIds().isEmpty() && jdbc.sql("select count(*) from recovery_value where person_id = ? "
                        + "and not removed and id = any(?)")
                .params(personId, longArray(g.valueIds())).query(Long.class).single() != new HashSet<>(g.valueIds()).size()) {
            throw new InvalidLinkException("value");
        }
        if (!g.domainIds().isEmpty() && jdbc.sql("select count(*) from recovery_life_domain where id = any(?)")
                .param(longArray(g.domainIds())).query(Long.class).single() != new HashSet<>(g.domainIds()).size()) {
            throw new InvalidLinkException("life domain");
        }
    }

    /** PostgreSQL's driver binds Java arrays as SQL arrays. */
    static Long[] longArray(Collection<Long> ids) {
        return ids.stream().distinct().sorted().toArray(Long[]::new);
    }

    static String[] textArray(Collection<String> codes) {
        return codes.toArray(String[]::new);
    }
}
