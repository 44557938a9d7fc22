package org.refocus.recovery.internal;

import static org.refocus.recovery.internal.Rows.AUTHOR_COLUMNS;
import static org.refocus.recovery.internal.Rows.AUTHOR_JOINS;
import static org.refocus.recovery.internal.Rows.author;
import static org.refocus.recovery.internal.Rows.date;
import static org.refocus.recovery.internal.Rows.decimal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.StaffMember;
import org.refocus.recovery.Chime;
import org.refocus.recovery.ContactKind;
import org.refocus.recovery.GoalAttainment;
import org.refocus.recovery.GoalStatus;
import org.refocus.recovery.Practice;
import org.refocus.recovery.PreferenceArea;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.RecoveryPlan.Assessment;
import org.refocus.recovery.RecoveryPlan.AssessmentHeader;
import org.refocus.recovery.RecoveryPlan.Change;
import org.refocus.recovery.RecoveryPlan.Comparison;
import org.refocus.recovery.RecoveryPlan.Contact;
import org.refocus.recovery.RecoveryPlan.Conversation;
import org.refocus.recovery.RecoveryPlan.CrisisContact;
import org.refocus.recovery.RecoveryPlan.CrisisPlan;
import org.refocus.recovery.RecoveryPlan.DomainPair;
import org.refocus.recovery.RecoveryPlan.GasScore;
import org.refocus.recovery.RecoveryPlan.LastChange;
import org.refocus.recovery.RecoveryPlan.Goal;
import org.refocus.recovery.RecoveryPlan.LifeDomain;
import org.refocus.recovery.RecoveryPlan.Preference;
import org.refocus.recovery.RecoveryPlan.Rating;
import org.refocus.recovery.RecoveryPlan.Review;
import org.refocus.recovery.RecoveryPlan.Step;
import org.refocus.recovery.RecoveryPlan.StrengthEntry;
import org.refocus.recovery.RecoveryPlan.Value;
import org.refocus.recovery.RecoveryPlans;
import org.refocus.recovery.StepOwner;
import org.refocus.recovery.Voice;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcRecoveryPlans implements RecoveryPlans {

    private static final int CHANGES_SHOWN = 20;

    private final JdbcClient jdbc;
    private final Access access;
    private final AuditTrail audit;
    private final Revisions revisions;
    private final Accounts accounts;

    JdbcRecoveryPlans(JdbcClient jdbc, Access access, AuditTrail audit, Revisions revisions, Accounts accounts) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.revisions = revisions;
        this.accounts = accounts;
    }

    @Override
    public RecoveryPlan plan(long personId) {
        Subject subject = access.reach(personId);
        long viewer = subject.viewer().accountId();
        Instant lastLooked = jdbc.sql("select seen_at from recovery_plan_seen where person_id = ? and account_id = ?")
                .params(personId, viewer).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        // Staff see what the person changed; the person sees what everyone else changed.
        List<Change> changes = lastLooked == null ? List.of()
                : revisions.since(personId, lastLooked, !subject.isThePerson(), CHANGES_SHOWN);
        RecoveryPlan plan = load(subject, changes);
        // Written last, so that the row lock is held as briefly as possible (one viewer in several tabs).
        jdbc.sql("""
                        insert into recovery_plan_seen (person_id, account_id, seen_at) values (?, ?, now())
                        on conflict (person_id, account_id) do update set seen_at = excluded.seen_at""")
                .params(personId, viewer).update();
        audit.record(AuditAction.VIEWED, "recovery_plan", personId, personId, null);
        return plan;
    }

    @Override
    public RecoveryPlan read(long personId) {
        Subject subject = access.reach(personId);
        audit.record(AuditAction.VIEWED, "recovery_plan", personId, personId, "api");
        return load(subject, List.of());
    }

    @Override
    public RecoveryPlan section(long personId, RecordType type, Long recordId) {
        Subject subject = access.reach(personId);
        audit.record(AuditAction.VIEWED, type.code(), recordId, personId, recordId == null ? "list" : null);
        return load(subject, List.of());
    }

    @Override
    public RecoveryPlan export(long personId) {
        Subject subject = access.reach(personId);
        audit.record(AuditAction.EXPORTED, "recovery_plan", personId, personId, "pdf");
        return load(subject, List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public long personOf(RecordType type, long recordId) {
        return access.reachThrough(type, recordId).personId();
    }

    @Override
    public PageOf<Change> history(long personId, RecordType type, Long recordId, int page, int size) {
        access.reach(personId);
        PageOf<Change> result = revisions.page(personId, type, recordId, page, size);
        audit.record(AuditAction.VIEWED, "recovery_history", recordId, personId,
                (type == null ? "all" : type.code()) + " page=" + page);
        return result;
    }

    @Override
    public Assessment assessment(long assessmentId) {
        Subject subject = access.reachThrough(RecordType.STRENGTHS_ASSESSMENT, assessmentId);
        audit.record(AuditAction.VIEWED, RecordType.STRENGTHS_ASSESSMENT.code(), assessmentId, subject.personId(),
                null);
        return assessment(subject, assessmentId);
    }

    @Override
    public StrengthEntry strengthEntry(long entryId) {
        Subject subject = access.reachThrough(RecordType.STRENGTH_ENTRY, entryId);
        long assessmentId = jdbc.sql("select assessment_id from recovery_strength_entry where id = ?").param(entryId)
                .query(Long.class).single();
        audit.record(AuditAction.VIEWED, RecordType.STRENGTH_ENTRY.code(), entryId, subject.personId(), null);
        return assessment(subject, assessmentId).entries().stream().filter(e -> e.id() == entryId).findFirst()
                .orElseThrow(() -> new NotFoundException(RecordType.STRENGTH_ENTRY.code()));
    }

    @Override
    public Comparison compare(long personId, long fromAssessmentId, long toAssessmentId) {
        Subject subject = access.reach(personId);
        for (long assessmentId : new long[] {fromAssessmentId, toAssessmentId}) {
            long owner = access.personOf(RecordType.STRENGTHS_ASSESSMENT, assessmentId);
            if (owner != personId) {
                // Someone else's assessment: as absent as a missing one, and the attempt is on their trail.
                audit.recordDenied(AuditAction.VIEWED, RecordType.STRENGTHS_ASSESSMENT.code(), assessmentId, owner);
                throw new NotFoundException(RecordType.STRENGTHS_ASSESSMENT.code());
            }
        }
        Assessment from = assessment(subject, fromAssessmentId);
        Assessment to = assessment(subject, toAssessmentId);
        Map<Long, String> names = new LinkedHashMap<>();
        domains().forEach(d -> names.put(d.id(), d.name()));
        List<DomainPair> pairs = new ArrayList<>();
        names.forEach((id, name) -> {
            StrengthEntry a = from.entryFor(id);
            StrengthEntry b = to.entryFor(id);
            if (a != null || b != null) {
                pairs.add(new DomainPair(name, a, b));
            }
        });
        audit.record(AuditAction.VIEWED, RecordType.STRENGTHS_ASSESSMENT.code(), toAssessmentId, personId,
                "compared with " + fromAssessmentId);
        return new Comparison(from, to, pairs);
    }

    @Override
    public List<Contact> contacts(long personId) {
        access.reach(personId);
        List<Contact> contacts = contacts("x.person_id = ?", personId);
        audit.record(AuditAction.LISTED, RecordType.CONTACT.code(), null, personId, "results=" + contacts.size());
        return contacts;
    }

    @Override
    public Contact contact(long contactId) {
        Subject subject = access.reachThrough(RecordType.CONTACT, contactId);
        audit.record(AuditAction.VIEWED, RecordType.CONTACT.code(), contactId, subject.personId(), null);
        return contacts("x.id = ?", contactId).get(0);
    }

    private List<Contact> contacts(String where, long id) {
        List<Contact> raw = jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_contact x" + AUTHOR_JOINS
                        + " where " + where + " order by x.contact_on desc, x.id desc")
                .param(id)
                .query((rs, n) -> new Contact(rs.getLong("id"), date(rs, "contact_on"),
                        ContactKind.valueOf(rs.getString("kind")), Rows.integer(rs, "duration_minutes"),
                        rs.getBoolean("with_the_person"), Rows.longs(rs, "staff_ids"), List.of(),
                        rs.getString("others_present"), Rows.codes(rs, "practices", Practice::valueOf),
                        rs.getString("notes"), author(rs), rs.getInt("version")))
                .list();
        List<Long> staffIds = raw.stream().flatMap(c -> c.staffIds().stream()).distinct().toList();
        Map<Long, StaffMember> staff = accounts.staff(staffIds);
        return raw.stream().map(c -> new Contact(c.id(), c.contactOn(), c.kind(), c.durationMinutes(),
                c.withThePerson(), c.staffIds(), c.staffIds().stream()
                        .map(s -> staff.containsKey(s) ? staff.get(s).displayName() : "?").toList(),
                c.othersPresent(), c.practices(), c.notes(), c.by(), c.version())).toList();
    }

    /** Reads the whole plan: a dozen small indexed queries, all by person. */
    RecoveryPlan load(Subject subject, List<Change> changes) {
        long personId = subject.personId();
        boolean staff = subject.isStaff();
        boolean mayWriteOwnWords = subject.mayChange(Voice.PERSON);

        List<Value> values = jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_value x" + AUTHOR_JOINS
                        + " where x.person_id = ? and not x.removed order by x.importance, x.id")
                .param(personId)
                .query((rs, n) -> new Value(rs.getLong("id"), rs.getString("words"), n + 1, author(rs),
                        rs.getInt("version"), mayWriteOwnWords))
                .list();

        List<Preference> preferences = jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_preference x"
                        + AUTHOR_JOINS + " where x.person_id = ? and not x.removed order by x.id")
                .param(personId)
                .query((rs, n) -> {
                    Voice voice = Voice.valueOf(rs.getString("voice"));
                    return new Preference(rs.getLong("id"), PreferenceArea.valueOf(rs.getString("area")),
                            rs.getString("words"), voice, author(rs), rs.getInt("version"), subject.mayChange(voice));
                })
                .list();

        List<CrisisContact> crisisContacts = jdbc.sql("select x.*, " + AUTHOR_COLUMNS
                        + " from recovery_crisis_contact x" + AUTHOR_JOINS
                        + " where x.person_id = ? and not x.removed order by x.id")
                .param(personId)
                .query((rs, n) -> new CrisisContact(rs.getLong("id"), rs.getString("name"),
                        rs.getString("relationship"), rs.getString("phone"), rs.getString("when_to_contact"),
                        author(rs), rs.getInt("version"), mayWriteOwnWords))
                .list();

        LastChange crisisChanged = crisisLastChange(personId);
        CrisisPlan crisisPlan = jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_crisis_plan x"
                        + AUTHOR_JOINS + " where x.person_id = ?")
                .param(personId)
                .query((rs, n) -> new CrisisPlan(rs.getLong("id"), rs.getBoolean("advance_statement"),
                        date(rs, "made_on"), rs.getString("anything_else"), author(rs), rs.getInt("version"),
                        crisisChanged))
                .optional().orElse(new CrisisPlan(null, false, null, null, null, 0, crisisChanged));

        List<AssessmentHeader> assessments = jdbc.sql("""
                        select x.id, x.assessed_on, a.display_name from recovery_strengths_assessment x
                        left join account a on a.id = x.created_by
                        where x.person_id = ? order by x.assessed_on desc, x.id desc""")
                .param(personId)
                .query((rs, n) -> new AssessmentHeader(rs.getLong(1), date(rs, "assessed_on"), rs.getString(3)))
                .list();
        Assessment strengths = assessments.isEmpty() ? null : assessment(subject, assessments.get(0).id());

        Map<Long, List<Step>> steps = new HashMap<>();
        jdbc.sql("select x.*, " + AUTHOR_COLUMNS + ", o.display_name as owner_account_name from recovery_step x"
                        + AUTHOR_JOINS + " left join account o on o.id = x.owner_account_id"
                        + " where x.person_id = ? and not x.removed"
                        + " order by x.done, x.due_on nulls last, x.id")
                .param(personId)
                .query((rs, n) -> {
                    StepOwner owner = StepOwner.valueOf(rs.getString("owner_kind"));
                    String ownerName = switch (owner) {
                        case PERSON -> subject.person().knownAs();
                        case STAFF -> rs.getString("owner_account_name");
                        case SOMEONE_ELSE -> rs.getString("owner_name");
                    };
                    Step step = new Step(rs.getLong("id"), rs.getLong("goal_id"), rs.getString("what"), owner,
                            (Long) rs.getObject("owner_account_id"), rs.getString("owner_name"), ownerName,
                            date(rs, "due_on"), rs.getBoolean("done"), date(rs, "done_on"), author(rs),
                            rs.getInt("version"), staff || (subject.isThePerson() && owner == StepOwner.PERSON));
                    return steps.computeIfAbsent(step.goalId(), g -> new ArrayList<>()).add(step);
                })
                .list();

        Map<Long, List<Conversation>> conversations = new HashMap<>();
        jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_conversation x" + AUTHOR_JOINS
                        + " where x.person_id = ? order by x.held_on desc, x.id desc")
                .param(personId)
                .query((rs, n) -> {
                    Conversation c = new Conversation(rs.getLong("id"), rs.getLong("goal_id"), date(rs, "held_on"),
                            rs.getString("goal_part"), rs.getString("reality"), rs.getString("options"),
                            rs.getString("way_forward"), author(rs), rs.getInt("version"), staff);
                    return conversations.computeIfAbsent(c.goalId(), g -> new ArrayList<>()).add(c);
                })
                .list();

        Map<Long, List<Rating>> ratingsByGoal = new HashMap<>();
        Map<Long, List<Rating>> ratingsByReview = new HashMap<>();
        jdbc.sql("""
                        select r.review_id, r.goal_id, v.reviewed_on, r.attainment, r.weight, r.comment
                        from recovery_goal_rating r join recovery_review v on v.id = r.review_id
                        where r.person_id = ? order by v.reviewed_on desc, v.id desc, r.goal_id""")
                .param(personId)
                .query((rs, n) -> {
                    Rating r = new Rating(rs.getLong("review_id"), rs.getLong("goal_id"), date(rs, "reviewed_on"),
                            rs.getInt("attainment"), decimal(rs, "weight"), rs.getString("comment"));
                    ratingsByGoal.computeIfAbsent(r.goalId(), g -> new ArrayList<>()).add(r);
                    return ratingsByReview.computeIfAbsent(r.reviewId(), g -> new ArrayList<>()).add(r);
                })
                .list();

        List<Goal> goals = jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_goal x" + AUTHOR_JOINS
                        + " where x.person_id = ? order by case x.status when 'ACTIVE' then 0 when 'PAUSED' then 1"
                        + " when 'ACHIEVED' then 2 else 3 end, x.id")
                .param(personId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new Goal(id, rs.getString("words"), rs.getString("expected_outcome"),
                            date(rs, "target_date"), decimal(rs, "weight"), GoalStatus.valueOf(rs.getString("status")),
                            rs.getString("status_reason"), Rows.codes(rs, "chime", Chime::valueOf),
                            Rows.longs(rs, "value_ids"), Rows.longs(rs, "domain_ids"),
                            steps.getOrDefault(id, List.of()), conversations.getOrDefault(id, List.of()),
                            ratingsByGoal.getOrDefault(id, List.of()), author(rs), rs.getInt("version"),
                            mayWriteOwnWords);
                })
                .list();

        List<Review> reviews = jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_review x" + AUTHOR_JOINS
                        + " where x.person_id = ? order by x.reviewed_on desc, x.id desc")
                .param(personId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    List<Rating> ratings = ratingsByReview.getOrDefault(id, List.of());
                    return new Review(id, date(rs, "reviewed_on"), rs.getString("notes"), ratings, tScore(ratings),
                            author(rs));
                })
                .list();
        GasScore latest = reviews.isEmpty() || reviews.get(0).tScore() == null ? null
                : new GasScore(reviews.get(0).tScore(), reviews.get(0).reviewedOn(), reviews.get(0).ratings().size());

        return new RecoveryPlan(subject.person(), subject.isThePerson(), values, preferences, crisisContacts,
                crisisPlan, domains(), strengths, assessments, goals, reviews, latest, changes);
    }

    static Double tScore(List<Rating> ratings) {
        if (ratings.isEmpty()) {
            return null;
        }
        return GoalAttainment.tScore(ratings.stream()
                .map(r -> new GoalAttainment.Goal(r.attainment(), r.weight().doubleValue())).toList());
    }

    private List<LifeDomain> domains() {
        return jdbc.sql("select * from recovery_life_domain order by not active, position, id")
                .query((rs, n) -> new LifeDomain(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("prompt"), rs.getInt("position"), rs.getBoolean("active"), rs.getInt("version")))
                .list();
    }

    private Assessment assessment(Subject subject, long assessmentId) {
        boolean mayEditEntry = subject.mayChange(Voice.PERSON);
        List<StrengthEntry> entries = jdbc.sql("select x.*, d.name as domain_name, d.prompt as domain_prompt, "
                        + AUTHOR_COLUMNS + " from recovery_strength_entry x"
                        + " join recovery_life_domain d on d.id = x.domain_id" + AUTHOR_JOINS
                        + " where x.assessment_id = ? order by d.position, d.id")
                .param(assessmentId)
                .query((rs, n) -> new StrengthEntry(rs.getLong("id"), assessmentId, rs.getLong("domain_id"),
                        rs.getString("domain_name"), rs.getString("domain_prompt"), rs.getString("current_status"),
                        rs.getString("wants"), rs.getString("personal_resources"), rs.getString("social_resources"),
                        rs.getString("community_resources"), author(rs), rs.getInt("version"), mayEditEntry))
                .list();
        return jdbc.sql("select x.*, " + AUTHOR_COLUMNS + " from recovery_strengths_assessment x" + AUTHOR_JOINS
                        + " where x.id = ?")
                .param(assessmentId)
                .query((rs, n) -> new Assessment(assessmentId, date(rs, "assessed_on"), rs.getString("agreed_summary"),
                        entries, author(rs), rs.getInt("version"), subject.isStaff()))
                .optional().orElseThrow(() -> new NotFoundException(RecordType.STRENGTHS_ASSESSMENT.code()));
    }

    /**
     * The latest saved version of any part of the crisis section, from the history: a crisis contact, the
     * crisis plan page, or a preference about what helps or does not help in a crisis, before or after the
     * change (so that one moved out of the crisis section counts too). {@code by} is null when it was the person.
     */
    private LastChange crisisLastChange(long personId) {
        return jdbc.sql("""
                        select r.changed_at, r.by_the_person, a.display_name from recovery_revision r
                        left join account a on a.id = r.changed_by
                        where r.person_id = ? and (r.record_type in ('recovery_crisis_contact', 'recovery_crisis_plan')
                            or (r.record_type = 'recovery_preference' and (r.content->>'area' in ('CRISIS_HELPS', 'CRISIS_UNHELPFUL')
                                or (select q.content->>'area' from recovery_revision q where q.record_type = r.record_type
                                    and q.record_id = r.record_id and q.id < r.id order by q.id desc limit 1)
                                    in ('CRISIS_HELPS', 'CRISIS_UNHELPFUL'))))
                        order by r.id desc limit 1""")
                .param(personId)
                .query((rs, n) -> new LastChange(rs.getTimestamp(1).toInstant(),
                        rs.getBoolean(2) ? null : rs.getString(3), rs.getBoolean(2)))
                .optional().orElse(null);
    }
}
