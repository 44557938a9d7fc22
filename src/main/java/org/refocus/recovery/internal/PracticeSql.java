package org.refocus.recovery.internal;

/**
 * What counts as "has this working practice recorded", as SQL over {@code person p}: one definition
 * shared by the team counts that feed participation and the per-person coverage list behind them, so
 * a figure and the list it links to can never disagree.
 */
final class PracticeSql {

    /** At least one value in the plan that has not been removed. */
    static final String HAS_VALUES = "exists (select 1 from recovery_value v where v.person_id = p.id and not v.removed)";

    /** A strengths assessment with something written in it: a domain entry or the agreed summary. */
    static final String HAS_STRENGTHS = """
            exists (select 1 from recovery_strengths_assessment s where s.person_id = p.id
                and (s.agreed_summary is not null or exists (
                    select 1 from recovery_strength_entry e where e.assessment_id = s.id
                    and coalesce(e.current_status, e.wants, e.personal_resources, e.social_resources,
                                 e.community_resources) is not null)))""";

    /** At least one recovery goal whose status is active. */
    static final String HAS_ACTIVE_GOAL =
            "exists (select 1 from recovery_goal g where g.person_id = p.id and g.status = 'ACTIVE')";

    /** A contact on or after the date bound to the one parameter that used goal-striving or coaching. */
    static final String HAS_RECENT_GOAL_STRIVING = """
            exists (select 1 from recovery_contact c where c.person_id = p.id and c.contact_on >= ?
                and c.practices && array['GOAL_STRIVING', 'COACHING']::text[])""";

    private PracticeSql() {
    }
}
