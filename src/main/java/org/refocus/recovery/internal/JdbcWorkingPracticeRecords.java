package org.refocus.recovery.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.refocus.programme.TeamPracticeCounts;
import org.refocus.programme.WorkingPracticeRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team-level counts of working practices, computed from the records themselves. Counts only: no
 * person is identified and nothing is audited per person. Definitions (distinct active people on the
 * team's caseload):
 * <ul>
 *   <li>values: at least one value in the plan (not removed);</li>
 *   <li>strengths: a strengths assessment with something written in it (a domain or the agreed summary);</li>
 *   <li>active goal: at least one recovery goal whose status is active;</li>
 *   <li>recent goal-striving: a contact on or after the date that used goal-striving or coaching.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class JdbcWorkingPracticeRecords implements WorkingPracticeRecords {

    private final JdbcClient jdbc;

    JdbcWorkingPracticeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, TeamPracticeCounts> countsFor(Collection<Long> teamIds, LocalDate recentSince) {
        Map<Long, TeamPracticeCounts> counts = new LinkedHashMap<>();
        teamIds.forEach(t -> counts.put(t, new TeamPracticeCounts(t, 0, 0, 0, 0, 0)));
        if (teamIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select p.team_id, count(*) as caseload, "
                        + "count(*) filter (where " + PracticeSql.HAS_VALUES + ") as with_values, "
                        + "count(*) filter (where " + PracticeSql.HAS_STRENGTHS + ") as with_strengths, "
                        + "count(*) filter (where " + PracticeSql.HAS_ACTIVE_GOAL + ") as with_active_goal, "
                        + "count(*) filter (where " + PracticeSql.HAS_RECENT_GOAL_STRIVING + ") "
                        + "as with_recent_goal_striving " + """
                        from person p
                        where p.active and p.team_id = any(?)
                        group by p.team_id""")
                .params(Date.valueOf(recentSince), teamIds.toArray(Long[]::new))
                .query((rs, n) -> new TeamPracticeCounts(rs.getLong("team_id"), rs.getInt("caseload"),
                        rs.getInt("with_values"), rs.getInt("with_strengths"), rs.getInt("with_active_goal"),
                        rs.getInt("with_recent_goal_striving")))
                .list()
                .forEach(c -> counts.put(c.teamId(), c));
        return counts;
    }
}
