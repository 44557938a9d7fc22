package org.refocus.recovery.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.refocus.demo.DemoContent;
import org.refocus.recovery.RecordType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo plans: Sam Example (the demo service user) gets a full plan built up over two months of meetings
 * with their care coordinator, with a few recent changes of Sam's own that the coordinator has not yet
 * seen; half of the rest of the coordinator's team, and a quarter of generated people, get a shorter
 * plan. All people in it are fictional; phone numbers are in Ofcom's range reserved for drama.
 */
@Component
class RecoveryDemoContent implements DemoContent {

    static final int DEMO_TEAM_PERCENT = 50;
    static final int GENERATED_PERCENT = 25;
    private static final long DEMO_SEED = 20151201L;

    private final JdbcClient jdbc;
    private final SyntheticPlans synthetic;
    private final Instant now = Instant.now();

    RecoveryDemoContent(JdbcClient jdbc, SyntheticPlans synthetic) {
        this.jdbc = jdbc;
        this.synthetic = synthetic;
    }

    @Override
    public void addTo(DemoPeople people) {
        long sam = people.serviceUserPersonId();
        long cora = people.coordinatorAccountId();
        Long samsAccount = jdbc.sql("select id from account where person_id = ?").param(sam).query(Long.class)
                .optional().orElse(null);
        new SamsPlan(sam, cora, samsAccount).write();
        synthetic.addPlans(people.coordinatorTeamPeople().stream().filter(id -> id != sam).toList(), DEMO_SEED,
                DEMO_TEAM_PERCENT);
    }

    @Override
    public void addToGenerated(GeneratedPeople people) {
        synthetic.addPlans(people.personIds(), people.seed(), GENERATED_PERCENT);
    }

    private Timestamp daysAgo(double days) {
        return Timestamp.from(now.minus(Duration.ofMinutes((long) (days * 24 * 60))));
    }

    private LocalDate dayOf(double daysAgo) {
        return daysAgo(daysAgo).toLocalDateTime().toLocalDate();
    }

    /** Sam's plan, written in the order it was built. */
    private final class SamsPlan {
        private final long sam;
        private final long cora;
        private final Long samsAccount;

        SamsPlan(long sam, long cora, Long samsAccount) {
            this.sam = sam;
            this.cora = cora;
            this.samsAccount = samsAccount;
        }

        void write() {
            // First meeting, 60 days ago: what matters to Sam, preferences and the crisis plan.
            double first = 60;
            value("Being a good dad to my daughter, Lily", 1, first);
            value("Music: playing guitar and going to gigs", 2, first);
            value("Feeling useful, doing something that matters", 3, first);
            preference("MEDICATION", "I want to stay on the lowest dose that keeps me well. I would like to talk "
                    + "about any change before it happens, not after.", "PERSON", first);
            preference("MEDICATION", "Sam has found weight gain the hardest side effect in the past. Review at each "
                    + "medication appointment.", "STAFF", first);
            preference("THERAPIES", "I would like to try CBT for psychosis again, in a group if possible.", "PERSON",
                    first);
            preference("INVOLVE", "Please involve my sister Jo in big decisions. Do not contact my ex-partner "
                    + "unless it is about Lily.", "PERSON", first);
            preference("COMMUNICATION", "Text me before you visit. I do not answer calls from numbers I do not know.",
                    "PERSON", first);
            preference("CRISIS_HELPS", "A quiet room, my music and someone I know sitting with me. Being asked "
                    + "what I need.", "PERSON", first);
            preference("CRISIS_UNHELPFUL", "Lots of people at once, and being told to calm down. Please do not "
                    + "call the police unless there is no other way.", "PERSON", first);
            crisisContact("Jo Example", "Sister", "07700 900461", "Any time, day or night", first);
            crisisContact("Riverside duty worker", "Care team, weekdays 9am to 5pm", "0117 496 0731",
                    "If I am getting unwell and cannot reach Cora", first);
            crisisContact("Northshire crisis line (fictional)", "24-hour mental health crisis line", "0808 157 0193",
                    "Evenings, nights and weekends", first);
            insert(RecordType.CRISIS_PLAN, """
                    insert into recovery_crisis_plan (person_id, advance_statement, made_on, anything_else, created_by,
                           updated_by, created_at, updated_at) values (?, true, ?, ?, ?, ?, ?, ?) returning id""",
                    first, cora, sam, java.sql.Date.valueOf(dayOf(first)),
                    "If I need to go into hospital, please ask Jo to look after my guitar and tell Lily's mum.",
                    cora, cora, daysAgo(first), daysAgo(first));
            contact(first - 2, "FACE_TO_FACE", 60, "{VALUES,STRENGTHS}", "Talked about what matters to Sam and "
                    + "started the strengths assessment.");

            // The first strengths assessment.
            long firstAssessment = assessment(first - 2, "Sam is determined, musical and a loving dad. Jo is "
                    + "always there. Sam knows the early signs of becoming unwell.");
            entry(firstAssessment, "DAILY_LIVING", "I live in a flat on my own. I cook most days but let the "
                    + "washing pile up when I am low.", "To keep on top of things at home.", "I like a routine.",
                    "Jo helps if I ask.", null, first - 2);
            entry(firstAssessment, "FINANCES", "Benefits. Money runs out before the end of the month.",
                    "To stop borrowing from Jo.", "I can stick to a plan once I have one.", "Jo.",
                    "Citizens Advice sorted out my benefits before.", first - 2);
            entry(firstAssessment, "WORK_EDUCATION", "Not working since I was in hospital two years ago.",
                    "To do something useful, maybe with music.", "I used to run the sound desk at a venue.",
                    "Mates from the venue.", "The recovery college.", first - 2);
            entry(firstAssessment, "RELATIONSHIPS", "I see Lily every other Saturday. I have not spoken to "
                    + "my brother for a year.", "To see Lily more and sort things out with my brother.",
                    "I am a loyal friend.", "Jo, and Lily's mum is supportive.", null, first - 2);
            entry(firstAssessment, "HEALTH", "Sleeping badly. Smoking more than I want to.", "To sleep better.",
                    "I know my warning signs: not sleeping, not eating.", "My GP.", "The stop smoking service.",
                    first - 2);
            entry(firstAssessment, "LEISURE", "I play guitar at home most days.", "To play with other people "
                    + "again.", "I am a good guitarist.", "Friends from the band I used to be in.",
                    "The open mic night at the Crown (fictional).", first - 2);
            entry(firstAssessment, "SPIRITUALITY_CULTURE", null, "Not something I want to talk about now.", null,
                    null, null, first - 2);

            // Goals, 45 days ago, with a coaching conversation and steps.
            double goals = 45;
            long guitar = goal("Play my guitar in front of people again", "I have played at an open mic night "
                    + "once", "{IDENTITY,HOPE}", 2, goals);
            long lily = goal("Spend more time with Lily", "I see Lily every Saturday, not every other",
                    "{CONNECTEDNESS,MEANING}", 1, goals);
            long sleep = goal("Sleep better", "I am asleep by midnight on five nights a week", "{HOPE}", 1, goals);
            conversation(guitar, goals, "To play at the open mic night at the Crown before the summer.",
                    "Sam plays well at home but has not played in public since being in hospital. Worried about "
                            + "freezing on stage. Has a friend, Dan, who still plays there.",
                    "Go with Dan and just watch first; play one song with Dan; practise in front of Jo; "
                            + "record a song at home and share it.",
                    "Sam will go with Dan to watch next month, and practise two songs in front of Jo.");
            long watch = step(guitar, "Go to the open mic night with Dan, just to watch", "PERSON", null, goals, 20);
            step(guitar, "Practise two songs in front of Jo", "PERSON", null, goals, 35);
            step(guitar, "Find out about music sessions at the recovery college", "STAFF", null, goals, 14);
            step(lily, "Ask Lily's mum about extra Saturdays", "PERSON", null, goals, 10);
            step(lily, "Write a letter of support for the family mediation service", "STAFF", null, goals, 21);
            long diary = step(sleep, "Keep a sleep diary for two weeks", "PERSON", null, goals, 14);
            step(sleep, "Talk about sleep and medication at the next medication review", "STAFF", null, goals, 28);
            contact(goals - 1, "HOME_VISIT", 50, "{GOAL_STRIVING,COACHING}", "Agreed three goals; coaching "
                    + "conversation about the guitar goal.");

            // First review, 30 days ago.
            review(30, "First review. Sam has been to watch the open mic night.", new long[] {guitar, lily, sleep},
                    new int[] {-1, 0, -1});
            contact(30, "FACE_TO_FACE", 45, "{GOAL_STRIVING}", "Review of goals.");
            done(watch, 32, cora);
            done(diary, 25, cora);

            // Sam adds a value of their own, 28 days ago.
            if (samsAccount != null) {
                insert(RecordType.VALUE, """
                        insert into recovery_value (person_id, words, importance, created_by, updated_by, created_at,
                               updated_at) values (?, ?, 4, ?, ?, ?, ?) returning id""", 28, samsAccount, sam,
                        "Being there for Jo like she has been for me", samsAccount, samsAccount, daysAgo(28),
                        daysAgo(28));
            }

            // Reassessment of strengths, 14 days ago.
            long second = assessment(14, "Sam is determined, musical and a loving dad, and is getting back "
                    + "to playing with other people. Jo and Dan are a big support.");
            jdbc.sql("""
                    insert into recovery_strength_entry (assessment_id, person_id, domain_id, current_status, wants,
                           personal_resources, social_resources, community_resources, created_by, updated_by,
                           created_at, updated_at)
                    select ?, person_id, domain_id, current_status, wants, personal_resources, social_resources,
                           community_resources, ?, ?, ?, ? from recovery_strength_entry where assessment_id = ?""")
                    .params(second, cora, cora, daysAgo(14), daysAgo(14), firstAssessment).update();
            jdbc.sql("""
                    update recovery_strength_entry set current_status = ?, social_resources = ?
                    where assessment_id = ? and domain_id = (select id from recovery_life_domain where code = ?)""")
                    .params("Playing guitar every day, and went to the open mic night twice.",
                            "Dan, and friends from the band.", second, "LEISURE").update();
            jdbc.sql("""
                    update recovery_strength_entry set current_status = ?
                    where assessment_id = ? and domain_id = (select id from recovery_life_domain where code = ?)""")
                    .params("Sleeping better since keeping a diary: most nights by 1am.", second, "HEALTH").update();
            jdbc.sql("select id from recovery_strength_entry where assessment_id = ?").param(second).query(Long.class)
                    .list().forEach(id -> snapshot(RecordType.STRENGTH_ENTRY, id, "CREATED", 14, cora, false));
            contact(14, "FACE_TO_FACE", 60, "{STRENGTHS,GOAL_STRIVING}", "Strengths reassessment.");
            contact(9, "PHONE", 15, "{COACHING}", "Short coaching call before the open mic night.");

            // Second review, 7 days ago.
            review(7, "Sam played one song with Dan at the open mic night.", new long[] {guitar, lily, sleep},
                    new int[] {1, 0, 0});
            contact(7, "FACE_TO_FACE", 45, "{GOAL_STRIVING,VALUES}", "Review of goals.");

            // Cora last looked 3 days ago; since then Sam has changed a goal in their own words and ticked a step.
            jdbc.sql("insert into recovery_plan_seen (person_id, account_id, seen_at) values (?, ?, ?)")
                    .params(sam, cora, daysAgo(3)).update();
            if (samsAccount != null) {
                jdbc.sql("insert into recovery_plan_seen (person_id, account_id, seen_at) values (?, ?, ?)")
                        .params(sam, samsAccount, daysAgo(8)).update();
                jdbc.sql("""
                        update recovery_goal set words = ?, updated_by = ?, updated_at = ?, version = version + 1
                        where id = ?""")
                        .params("Play my guitar in front of people again, and play a whole set one day", samsAccount,
                                daysAgo(2), guitar).update();
                snapshot(RecordType.GOAL, guitar, "CHANGED", 2, samsAccount, true);
                done(jdbc.sql("select id from recovery_step where goal_id = ? and what like 'Practise%'")
                        .param(guitar).query(Long.class).single(), 1, samsAccount);
            }
        }

        private void value(String words, int importance, double daysAgo) {
            insert(RecordType.VALUE, """
                    insert into recovery_value (person_id, words, importance, created_by, updated_by, created_at,
                           updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id""", daysAgo, cora, sam, words,
                    importance, cora, cora, daysAgo(daysAgo), daysAgo(daysAgo));
        }

        private void preference(String area, String words, String voice, double daysAgo) {
            insert(RecordType.PREFERENCE, """
                    insert into recovery_preference (person_id, area, words, voice, created_by, updated_by, created_at,
                           updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", daysAgo, cora, sam, area, words,
                    voice, cora, cora, daysAgo(daysAgo), daysAgo(daysAgo));
        }

        private void crisisContact(String name, String relationship, String phone, String when, double daysAgo) {
            insert(RecordType.CRISIS_CONTACT, """
                    insert into recovery_crisis_contact (person_id, name, relationship, phone, when_to_contact,
                           created_by, updated_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    returning id""", daysAgo, cora, sam, name, relationship, phone, when, cora, cora,
                    daysAgo(daysAgo), daysAgo(daysAgo));
        }

        private long assessment(double daysAgo, String summary) {
            return insert(RecordType.STRENGTHS_ASSESSMENT, """
                    insert into recovery_strengths_assessment (person_id, assessed_on, agreed_summary, created_by,
                           updated_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id""", daysAgo,
                    cora, sam, java.sql.Date.valueOf(dayOf(daysAgo)), summary, cora, cora, daysAgo(daysAgo),
                    daysAgo(daysAgo));
        }

        private void entry(long assessment, String domain, String current, String wants, String personal, String social,
                String community, double daysAgo) {
            insert(RecordType.STRENGTH_ENTRY, """
                    insert into recovery_strength_entry (assessment_id, person_id, domain_id, current_status, wants,
                           personal_resources, social_resources, community_resources, created_by, updated_by,
                           created_at, updated_at)
                    values (?, ?, (select id from recovery_life_domain where code = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    returning id""", daysAgo, cora, assessment, sam, domain, current, wants, personal, social, community,
                    cora, cora, daysAgo(daysAgo), daysAgo(daysAgo));
        }

        private long goal(String words, String expected, String chime, int weight, double daysAgo) {
            Long firstValue = jdbc.sql("select id from recovery_value where person_id = ? order by importance limit 1")
                    .param(sam).query(Long.class).single();
            return insert(RecordType.GOAL, """
                    insert into recovery_goal (person_id, words, expected_outcome, weight, chime, value_ids, domain_ids,
                           created_by, updated_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?::text[], array[?]::bigint[],
                            array(select id from recovery_life_domain where code in ('LEISURE', 'RELATIONSHIPS')
                                  order by id), ?, ?, ?, ?)
                    returning id""", daysAgo, cora, sam, words, expected, BigDecimal.valueOf(weight), chime,
                    firstValue, cora, cora, daysAgo(daysAgo), daysAgo(daysAgo));
        }

        private void conversation(long goal, double daysAgo, String g, String r, String o, String w) {
            insert(RecordType.CONVERSATION, """
                    insert into recovery_conversation (person_id, goal_id, held_on, goal_part, reality, options,
                           way_forward, created_by, updated_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", daysAgo, cora, sam, goal,
                    java.sql.Date.valueOf(dayOf(daysAgo)), g, r, o, w, cora, cora, daysAgo(daysAgo), daysAgo(daysAgo));
        }

        private long step(long goal, String what, String owner, String ownerName, double daysAgo, int dueInDays) {
            return insert(RecordType.STEP, """
                    insert into recovery_step (person_id, goal_id, what, owner_kind, owner_account_id, owner_name,
                           due_on, created_by, updated_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", daysAgo, cora, sam, goal, what, owner,
                    "STAFF".equals(owner) ? cora : null, ownerName,
                    java.sql.Date.valueOf(dayOf(daysAgo).plusDays(dueInDays)), cora, cora, daysAgo(daysAgo),
                    daysAgo(daysAgo));
        }

        private void done(long step, double daysAgo, long by) {
            jdbc.sql("""
                    update recovery_step set done = true, done_on = ?, updated_by = ?, updated_at = ?,
                           version = version + 1 where id = ?""")
                    .params(java.sql.Date.valueOf(dayOf(daysAgo)), by, daysAgo(daysAgo), step).update();
            snapshot(RecordType.STEP, step, "CHANGED", daysAgo, by, samsAccount != null && by == samsAccount);
        }

        private void review(double daysAgo, String notes, long[] goals, int[] attainments) {
            long review = jdbc.sql("""
                    insert into recovery_review (person_id, reviewed_on, notes, created_by, updated_by, created_at,
                           updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(sam, java.sql.Date.valueOf(dayOf(daysAgo)), notes, cora, cora, daysAgo(daysAgo),
                            daysAgo(daysAgo))
                    .query(Long.class).single();
            for (int i = 0; i < goals.length; i++) {
                jdbc.sql("""
                        insert into recovery_goal_rating (review_id, person_id, goal_id, attainment, weight)
                        values (?, ?, ?, ?, (select coalesce(weight, 1) from recovery_goal where id = ?))""")
                        .params(review, sam, goals[i], attainments[i], goals[i]).update();
            }
            snapshot(RecordType.REVIEW, review, "CREATED", daysAgo, cora, false);
        }

        private void contact(double daysAgo, String kind, int minutes, String practices, String notes) {
            insert(RecordType.CONTACT, """
                    insert into recovery_contact (person_id, contact_on, kind, duration_minutes, staff_ids, practices,
                           notes, created_by, updated_by, created_at, updated_at)
                    values (?, ?, ?, ?, array[?]::bigint[], ?::text[], ?, ?, ?, ?, ?) returning id""", daysAgo, cora,
                    sam, java.sql.Date.valueOf(dayOf(daysAgo)), kind, minutes, cora, practices, notes, cora, cora,
                    daysAgo(daysAgo), daysAgo(daysAgo));
        }

        /** Inserts a row written by {@code by} {@code daysAgo} and keeps it as the first version. */
        private long insert(RecordType type, String sql, double daysAgo, long by, Object... params) {
            long id = jdbc.sql(sql).params(params).query(Long.class).single();
            snapshot(type, id, "CREATED", daysAgo, by, samsAccount != null && by == samsAccount);
            return id;
        }

        private void snapshot(RecordType type, long id, String change, double daysAgo, long by, boolean byThePerson) {
            String ratings = type == RecordType.REVIEW
                    ? " || jsonb_build_object('ratings', (select jsonb_agg(jsonb_build_object('goal_id', r.goal_id, "
                            + "'attainment', r.attainment, 'weight', r.weight, 'comment', r.comment) order by r.goal_id) "
                            + "from recovery_goal_rating r where r.review_id = t.id))"
                    : "";
            jdbc.sql("insert into recovery_revision (person_id, record_type, record_id, record_version, change, "
                            + "changed_at, changed_by, by_the_person, content) select t.person_id, ?, t.id, t.version, ?, "
                            + "?, ?, ?, to_jsonb(t) - array['id','person_id','created_at','created_by','updated_at',"
                            + "'updated_by','version']" + ratings + " from " + type.table() + " t where t.id = ?")
                    .params(type.code(), change, daysAgo(daysAgo), by, byThePerson, id).update();
        }
    }
}
