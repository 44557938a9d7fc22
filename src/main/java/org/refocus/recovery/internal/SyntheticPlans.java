package org.refocus.recovery.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Realistic recovery plans for a share of many people at once, with set-based SQL: a few statements per
 * batch whatever its size. Deterministic for a seed. Used for the demo team and for generated volume.
 */
@Component
class SyntheticPlans {

    /** A stable pseudo-random number per person and seed, in SQL; 1,000,003 is prime. */
    private static final String CHOSEN = """
            with chosen as (
                select id, staff, h, now() - ((h % 60) + 30) * interval '1 day' as at
                from (select p.id, p.care_coordinator_id as staff, (p.id * 2654435761 + ?) % 1000003 as h
                      from person p where p.id = any(?)) x
            )
            """;

    private static final String[] VALUES = {
        "Being a good parent to my children", "Feeling part of my community", "Being honest with myself and others",
        "Being creative: music, drawing, making things", "Making my own choices", "Looking after my health",
        "Learning new things", "Helping other people", "Having a home that feels safe", "My faith",
        "Being outdoors", "Spending time with friends"};
    private static final String[] MEDICATION = {
        "I want to talk through any change in my medication before it happens.",
        "The lowest dose that works for me. I find the side effects hard.",
        "I would like information in writing about any new medication.",
        "I would rather try talking therapy before any increase in medication."};
    private static final String[] COMMUNICATION = {
        "Text me before a visit. I do not always answer calls from numbers I do not know.",
        "Please send letters to my home address.", "Mornings are hard for me. Afternoon appointments work best.",
        "Email is best for me."};
    private static final String[] CONTACT_NAMES = {"Jo", "Chris", "Pat", "Alex", "Robin", "Morgan"};
    private static final String[] RELATIONSHIPS = {"Sister", "Friend", "Neighbour", "Brother", "Partner", "Cousin"};
    /** Seven domains (by code) in two versions each: rows 1–7 are the first version, 8–14 the second. */
    private static final String[][] STRENGTHS = {
        {"DAILY_LIVING", "I live on my own and cook most days.", "To feel more settled at home.",
            "I am organised when I have a list.", "My sister helps with forms.", "The food co-op on my road."},
        {"FINANCES", "I manage my money but it is tight.", "To save a little each month.", "I am careful with money.",
            "My dad helped me set up a budget.", "Citizens Advice helped me before."},
        {"WORK_EDUCATION", "Not working at the moment. I did a course last year.", "Paid part-time work.",
            "I am reliable and on time.", "A friend runs a café.", "The job centre work coach."},
        {"RELATIONSHIPS", "I see my sister most weekends.", "To see my friends more.", "I am a good listener.",
            "My sister.", "A Hearing Voices group."},
        {"HEALTH", "Sleeping better since my medication changed.", "To get fitter.",
            "I know my early warning signs.", "A walking buddy.", "The leisure centre pool."},
        {"LEISURE", "I like gardening and music.", "To join a choir.", "I am musical.", "Friends from school.",
            "The community garden."},
        {"SPIRITUALITY_CULTURE", "My faith is important to me.", "To go back to my place of worship.",
            "Prayer helps me stay calm.", "My family.", "My place of worship."},
        {"DAILY_LIVING", "I share a house. Shopping is hard for me.", "To do a weekly shop on my own.",
            "I like cooking.", "A neighbour gives me lifts.", "The library."},
        {"FINANCES", "I get benefits and sometimes run out before payday.", "To understand what I am entitled to.",
            "I keep my receipts.", "A friend who works in a bank.", "The credit union."},
        {"WORK_EDUCATION", "I volunteer one morning a week in a charity shop.", "To go back to college to study art.",
            "I am creative and good with people.", "My old manager gave me a reference.",
            "The adult education centre."},
        {"RELATIONSHIPS", "I have lost touch with most of my friends.", "To rebuild things with my brother.",
            "I am loyal to the people I care about.", "A peer support group.", "My church."},
        {"HEALTH", "I am trying to walk more.", "To stop smoking.", "Once I decide to do something, I do it.",
            "A GP I trust.", "The stop smoking service."},
        {"LEISURE", "I used to play football.", "To play five-a-side again.", "I like a bit of competition.",
            "My cousin plays too.", "Football in the park on Sundays."},
        {"SPIRITUALITY_CULTURE", "I enjoy cooking food from my family's culture.", "To teach my niece our recipes.",
            "I am proud of where I come from.", "My auntie.", "Events at the community centre."}};
    private static final String[] SUMMARIES = {
        "I keep going when things are hard, I am good with people, and my family is behind me.",
        "I am creative and reliable, and I know what helps me stay well."};
    /** Goal, expected outcome (level 0 of the Goal Attainment Scale), CHIME processes. */
    private static final String[][] GOALS = {
        {"Get back into swimming", "I go swimming once a week for a month", "EMPOWERMENT,IDENTITY"},
        {"Find some voluntary work", "I have done a taster session with a volunteer project", "MEANING,CONNECTEDNESS"},
        {"See my friends more often", "I meet a friend at least twice a month", "CONNECTEDNESS"},
        {"Get my own flat", "I am on the housing list and have viewed one place", "EMPOWERMENT,HOPE"},
        {"Feel confident on the bus again", "I take the bus to town on my own once a week", "EMPOWERMENT"},
        {"Start a college course", "I have applied for a course that starts in September", "IDENTITY,HOPE"},
        {"Cook proper meals", "I cook a meal from scratch three times a week", "EMPOWERMENT,IDENTITY"},
        {"Join a choir", "I have been to a choir rehearsal twice", "CONNECTEDNESS,MEANING"},
        {"Sort out my money worries", "I have a budget and have spoken to Citizens Advice", "EMPOWERMENT"},
        {"Sleep better", "I am asleep by midnight on most nights", "HOPE"},
        {"Get back in touch with my brother", "I have sent my brother a message and we have talked once",
            "CONNECTEDNESS"},
        {"Get a part-time job", "I have applied for two part-time jobs", "IDENTITY,MEANING"}};
    /** Two steps per goal: goal number, what, who. */
    private static final String[][] STEPS = {
        {"0", "Find out the times of the quiet swimming sessions", "PERSON"},
        {"0", "Ask about a leisure card discount", "STAFF"},
        {"1", "Look at volunteering websites together", "STAFF"}, {"1", "Choose two projects to ask about", "PERSON"},
        {"2", "Message Jo about meeting for coffee", "PERSON"},
        {"2", "Find a peer support group that meets nearby", "STAFF"},
        {"3", "Fill in the housing application", "PERSON"}, {"3", "Write a supporting letter", "STAFF"},
        {"4", "Plan the route and times", "PERSON"}, {"4", "Do the first journey together", "STAFF"},
        {"5", "Look at the college prospectus", "PERSON"}, {"5", "Book a place at the open day", "PERSON"},
        {"6", "Write a shopping list for three meals", "PERSON"},
        {"6", "Find a cookery course at the community centre", "STAFF"},
        {"7", "Find choirs that welcome beginners", "PERSON"}, {"7", "Go to a taster session", "PERSON"},
        {"8", "Make an appointment with Citizens Advice", "PERSON"},
        {"8", "Check benefits entitlement together", "STAFF"},
        {"9", "Keep a sleep diary for two weeks", "PERSON"},
        {"9", "Talk about sleep at the next medication review", "STAFF"},
        {"10", "Write down what I want to say", "PERSON"}, {"10", "Send the first message", "PERSON"},
        {"11", "Update my CV", "PERSON"}, {"11", "Meet the employment specialist", "STAFF"}};

    private final JdbcClient jdbc;

    SyntheticPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives {@code percent} of these people (chosen by a hash of id and seed) a plan: three values, two
     * preferences, a crisis contact, a strengths assessment across the default domains, two goals with
     * steps, a coaching conversation and a review, and three contacts; each item with its first version
     * in the history. Written by the person's care coordinator. Returns how many people got a plan.
     */
    int addPlans(List<Long> personIds, long seed, int percent) {

        long salt = Math.floorMod(seed, 1_000_003L);
        Long[] chosen = jdbc.sql("select id from person where id = any(?) and (id * 2654435761 + ?) % 1000003 % 100 < ?")
                .params(personIds.toArray(Long[]::new), salt, percent).query(Long.class).list().toArray(Long[]::new);
        if (chosen.length == 0) {
            return 0;
        }
        insertWithHistory("recovery_value", """
                insert into recovery_value (person_id, words, importance, created_by, updated_by, created_at, updated_at)
                select c.id, w.words[1 + (c.h + i) % array_length(w.words, 1)], i, c.staff, c.staff, c.at, c.at
                from chosen c cross join generate_series(1, 3) i cross join (select ?::text[] as words) w""",
                salt, chosen, (Object) VALUES);
        insertWithHistory("recovery_preference", """
                insert into recovery_preference (person_id, area, words, voice, created_by, updated_by, created_at,
                                                 updated_at)
                select c.id, a.area, case a.area when 'MEDICATION' then m[1 + c.h % array_length(m, 1)]
                                                 else k[1 + c.h % array_length(k, 1)] end,
                       'PERSON', c.staff, c.staff, c.at, c.at
                from chosen c cross join (values ('MEDICATION'), ('COMMUNICATION')) a(area)
                cross join (select ?::text[] as m, ?::text[] as k) t""",
                salt, chosen, MEDICATION, COMMUNICATION);
        insertWithHistory("recovery_crisis_contact", """
                insert into recovery_crisis_contact (person_id, name, relationship, phone, when_to_contact, created_by,
                                                     updated_by, created_at, updated_at)
                select c.id, t.n[1 + c.h % array_length(t.n, 1)], t.r[1 + c.h % array_length(t.r, 1)],
                       '07700 900' || lpad((c.h % 1000)::text, 3, '0'),
                       'If I have stopped answering messages for more than two days', c.staff, c.staff, c.at, c.at
                from chosen c cross join (select ?::text[] as n, ?::text[] as r) t""",
                salt, chosen, CONTACT_NAMES, RELATIONSHIPS);
        insertWithHistory("recovery_strengths_assessment", """
                insert into recovery_strengths_assessment (person_id, assessed_on, agreed_summary, created_by,
                                                           updated_by, created_at, updated_at)
                select c.id, c.at::date, s.s[1 + c.h % 2], c.staff, c.staff, c.at, c.at
                from chosen c cross join (select ?::text[] as s) s""",
                salt, chosen, (Object) SUMMARIES);
        insertWithHistory("recovery_strength_entry", """
                insert into recovery_strength_entry (assessment_id, person_id, domain_id, current_status, wants,
                       personal_resources, social_resources, community_resources, created_by, updated_by, created_at,
                       updated_at)
                select a.id, c.id, d.id, t.current_status, t.wants, t.personal, t.social, t.community, c.staff,
                       c.staff, c.at, c.at
                from chosen c
                join recovery_strengths_assessment a on a.person_id = c.id
                join recovery_life_domain d on d.active
                join unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                     as t(code, current_status, wants, personal, social, community, n)
                     on t.code = d.code and (t.n - 1) / 7 = (c.h + d.position) % 2""",
                salt, chosen, column(STRENGTHS, 0), column(STRENGTHS, 1), column(STRENGTHS, 2), column(STRENGTHS, 3),
                column(STRENGTHS, 4), column(STRENGTHS, 5));
        insertWithHistory("recovery_goal", """
                insert into recovery_goal (person_id, words, expected_outcome, chime, value_ids, created_by, updated_by,
                                           created_at, updated_at)
                select c.id, t.w[g.k], t.e[g.k], string_to_array(t.ch[g.k], ','),
                       array(select v.id from recovery_value v where v.person_id = c.id and not v.removed
                             order by v.importance limit 1),
                       c.staff, c.staff, c.at + interval '7 days', c.at + interval '7 days'
                from chosen c cross join generate_series(0, 1) i
                cross join lateral (select 1 + (c.h + i * 5) % 12 as k) g
                cross join (select ?::text[] as w, ?::text[] as e, ?::text[] as ch) t""",
                salt, chosen, column(GOALS, 0), column(GOALS, 1), column(GOALS, 2));
        insertWithHistory("recovery_step", """
                insert into recovery_step (person_id, goal_id, what, owner_kind, owner_account_id, created_by,
                                           updated_by, created_at, updated_at, due_on, done, done_on)
                select c.id, g.id, s.what,
                       case when s.owner = 'STAFF' and c.staff is not null then 'STAFF' else 'PERSON' end,
                       case when s.owner = 'STAFF' then c.staff end, c.staff, c.staff, g.created_at, g.created_at,
                       current_date + (s.n % 3 * 7)::int, s.n % 2 = 1, case when s.n % 2 = 1 then current_date - 3 end
                from chosen c
                join recovery_goal g on g.person_id = c.id
                cross join (select ?::text[] as w) t
                join unnest(?::int[], ?::text[], ?::text[]) with ordinality as s(goal, what, owner, n)
                     on t.w[s.goal + 1] = g.words""",
                salt, chosen, column(GOALS, 0), intColumn(STEPS, 0), column(STEPS, 1), column(STEPS, 2));
        insertWithHistory("recovery_conversation", """
                insert into recovery_conversation (person_id, goal_id, held_on, goal_part, reality, options, way_forward,
                                                   created_by, updated_by, created_at, updated_at)
                select c.id, g.id, g.created_at::date,
                       'To take a first step towards this goal in the next month.',
                       'Has tried before and stopped when unwell. Feels ready to try again now.',
                       'Go alone, go with a friend, or start with a smaller step.',
                       'Start with the smaller step this week and talk about how it went next time.',
                       c.staff, c.staff, g.created_at, g.created_at
                from chosen c
                join lateral (select * from recovery_goal g where g.person_id = c.id order by g.id limit 1) g on true""",
                salt, chosen);
        update("""
                insert into recovery_review (person_id, reviewed_on, notes, created_by, updated_by, created_at,
                                             updated_at)
                select c.id, current_date - (c.h % 10 + 7)::int, 'Reviewed together at a planned meeting.', c.staff,
                       c.staff, now() - (c.h % 10 + 7) * interval '1 day', now() - (c.h % 10 + 7) * interval '1 day'
                from chosen c""",
                salt, chosen);
        update("""
                insert into recovery_goal_rating (review_id, person_id, goal_id, attainment, weight)
                select r.id, c.id, g.id, (array[-1, 0, 0, 1, -1, 0, 2, -2, 0, 1])[1 + (c.h + g.id) % 10], 1
                from chosen c
                join recovery_review r on r.person_id = c.id
                join recovery_goal g on g.person_id = c.id""",
                salt, chosen);
        insertWithHistory("recovery_contact", """
                insert into recovery_contact (person_id, contact_on, kind, duration_minutes, staff_ids, practices,
                                              created_by, updated_by, created_at, updated_at)
                select c.id, d.day, k.kind, k.minutes, case when c.staff is null then '{}' else array[c.staff] end,
                       string_to_array(k.practices, ','), c.staff, c.staff, d.day, d.day
                from chosen c
                cross join (values (1, 'FACE_TO_FACE', 60, 'VALUES,STRENGTHS'), (2, 'PHONE', 20, 'GOAL_STRIVING'),
                                   (3, 'HOME_VISIT', 45, 'GOAL_STRIVING,COACHING')) k(n, kind, minutes, practices)
                cross join lateral (select case k.n when 1 then c.at::date + 2
                                                    when 2 then current_date - (c.h % 20 + 5)::int
                                                    else current_date - (c.h % 5)::int end as day) d""",
                salt, chosen);
        jdbc.sql("""
                insert into recovery_revision (person_id, record_type, record_id, record_version, change, changed_at,
                                               changed_by, by_the_person, content)
                select t.person_id, 'recovery_review', t.id, t.version, 'CREATED', t.created_at, t.created_by, false,
                       to_jsonb(t) - array['id','person_id','created_at','created_by','updated_at','updated_by','version']
                       || jsonb_build_object('ratings', (select jsonb_agg(jsonb_build_object('goal_id', r.goal_id,
                              'attainment', r.attainment, 'weight', r.weight, 'comment', r.comment) order by r.goal_id)
                              from recovery_goal_rating r where r.review_id = t.id))
                from recovery_review t where t.person_id = any(?)""").param(chosen).update();
        return chosen.length;
    }

    /**
     * Runs {@code insert} (an {@code insert into <table> ... select ... from chosen}) and keeps each new row
     * as its first version in the history, in the same statement.
     */
    private void insertWithHistory(String table, String insert, long salt, Long[] chosen, Object... arrays) {
        update(", inserted as (" + insert + " returning *)\n"
                + "insert into recovery_revision (person_id, record_type, record_id, record_version, change, changed_at, "
                + "changed_by, by_the_person, content)\n"
                + "select person_id, '" + table + "', id, version, 'CREATED', created_at, created_by, false, "
                + "to_jsonb(inserted) - array['id','person_id','created_at','created_by','updated_at','updated_by',"
                + "'version'] from inserted", salt, chosen, arrays);
    }

    private void update(String insert, long salt, Long[] chosen, Object... arrays) {
        Object[] params = new Object[arrays.length + 2];
        params[0] = salt;
        params[1] = chosen;
        System.arraycopy(arrays, 0, params, 2, arrays.length);
        jdbc.sql(CHOSEN.strip() + (insert.startsWith(",") ? "" : "\n") + insert).params(params).update();
    }

    private static String[] column(String[][] rows, int column) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][column];
        }
        return out;
    }

    private static Integer[] intColumn(String[][] rows, int column) {
        Integer[] out = new Integer[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Integer.valueOf(rows[i][column]);
        }
        return out;
    }
}
