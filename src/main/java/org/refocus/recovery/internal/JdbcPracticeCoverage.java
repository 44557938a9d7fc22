package org.refocus.recovery.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.recovery.PracticeCoverage;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcPracticeCoverage implements PracticeCoverage {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;

    JdbcPracticeCoverage(JdbcClient jdbc, Accounts accounts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    @Transactional
    public List<PersonPractices> forTeam(long teamId, LocalDate recentSince) {
        CurrentUser user = CurrentUser.required();
        if (!user.role().isTeamStaff() || !accounts.teamsOf(user.accountId()).contains(teamId)) {
            audit.recordDenied(AuditAction.LISTED, "practice_coverage", teamId, null);
            throw new NotFoundException("team");
        }
        List<PersonPractices> people = jdbc.sql("select p.id, p.given_name, p.family_name, "
                        + PracticeSql.HAS_VALUES + " as has_values, "
                        + PracticeSql.HAS_STRENGTHS + " as has_strengths, "
                        + PracticeSql.HAS_ACTIVE_GOAL + " as has_active_goal, "
                        + PracticeSql.HAS_RECENT_GOAL_STRIVING + " as has_recent_goal_striving "
                        + "from person p where p.active and p.team_id = ? "
                        + "order by lower(p.family_name), lower(p.given_name), p.id")
                .params(Date.valueOf(recentSince), teamId)
                .query((rs, n) -> new PersonPractices(rs.getLong("id"), rs.getString("given_name"),
                        rs.getString("family_name"), rs.getBoolean("has_values"), rs.getBoolean("has_strengths"),
                        rs.getBoolean("has_active_goal"), rs.getBoolean("has_recent_goal_striving")))
                .list();
        audit.record(AuditAction.LISTED, "practice_coverage", teamId, null, "people=" + people.size());
        return people;
    }
}
