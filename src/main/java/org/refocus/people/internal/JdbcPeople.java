package org.refocus.people.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.organisation.Organisations;
import org.refocus.people.CaseloadScope;
import org.refocus.people.PersonDetails;
import org.refocus.people.NhsNumber;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.PageOf;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcPeople implements People {

    private static final String SELECT = """
            select p.id, p.given_name, p.family_name, p.preferred_name, p.date_of_birth, p.nhs_number, p.team_id,
                   t.name as team_name, p.care_coordinator_id, c.display_name as care_coordinator_name, p.active,
                   p.version
            from person p join team t on t.id = p.team_id left join account c on c.id = p.care_coordinator_id""";
    private static final String ORDER = " order by lower(p.family_name), lower(p.given_name), p.id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final Accounts accounts;

    JdbcPeople(JdbcClient jdbc, AuditTrail audit, Organisations organisations, Accounts accounts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = false)
    public PageOf<PersonSummary> caseload(String search, CaseloadScope scope, int page, int size) {
        CurrentUser user = CurrentUser.required();
        Where where = Reach.of(user);
        if (scope == CaseloadScope.MINE && user.role().isTeamStaff()) {
            where = where.and("p.care_coordinator_id = ?", user.accountId());
        }
        where = withSearch(where, search);
        PageOf<PersonSummary> result = page(where, page, size);
        audit.record(AuditAction.LISTED, "caseload", null, null,
                "scope=" + scope + " page=" + page + " results=" + result.items().size());
        return result;
    }

    @Override
    public PersonSummary open(long personId) {
        PersonSummary person = requireReach(personId);
        audit.record(AuditAction.VIEWED, "person", personId, personId, null);
        return person;
    }

    @Override
    @Transactional(readOnly = true)
    public PersonSummary requireReach(long personId) {
        Where where = Reach.of(CurrentUser.required()).and("p.id = ?", personId);
        return jdbc.sql(SELECT + where.sql()).params(where.params()).query(PersonSummary.class).optional()
                .orElseGet(() -> {
                    audit.recordDenied(AuditAction.VIEWED, "person", personId, personId);
                    throw new NotFoundException("person");
                });
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canReach(long personId) {
        Where where = Reach.of(CurrentUser.required()).and("p.id = ?", personId);
        return jdbc.sql("select count(*) from person p" + where.sql()).params(where.params()).query(Long.class)
                .single() == 1;
    }

    @Override
    public PageOf<PersonSummary> administer(String search, Long teamId, int page, int size) {
        Where where = new Where(new ArrayList<>(), new ArrayList<>());
        if (teamId != null) {
            where = where.and("p.team_id = ?", teamId);
        }
        PageOf<PersonSummary> result = page(withSearch(where, search), page, size);
        audit.record(AuditAction.LISTED, "person", null, null, "administration results=" + result.items().size());
        return result;
    }

    @Override
    public PersonSummary administerOne(long personId) {
        PersonSummary person = jdbc.sql(SELECT + " where p.id = ?").param(personId).query(PersonSummary.class)
                .optional().orElseThrow(() -> new NotFoundException("person"));
        audit.record(AuditAction.VIEWED, "person", personId, personId, "administration");
        return person;
    }

    @Override
    public long create(PersonDetails p) {
        organisations.team(p.teamId());
        checkCoordinator(p.teamId(), p.careCoordinatorId());
        Long actor = AuthenticatedActor.currentAccountId();
        long id;
        try {
            id = jdbc.sql("""
                    insert into person (given_name, family_name, preferred_name, date_of_birth, nhs_number, team_id,
                                        care_coordinator_id, created_by, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(p.givenName().trim(), p.familyName().trim(), blankToNull(p.preferredName()),
                            date(p.dateOfBirth()), NhsNumber.normalise(p.nhsNumber()), p.teamId(),
                            p.careCoordinatorId(), actor, actor)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNhsNumberException();
        }
        audit.record(AuditAction.CREATED, "person", id, id, null);
        return id;
    }

    @Override
    public void update(long personId, PersonDetails d, int version) {
        PersonSummary before = administerOne(personId);
        organisations.team(d.teamId());
        checkCoordinator(d.teamId(), d.careCoordinatorId());
        int rows;
        try {
            rows = jdbc.sql("""
                            update person set given_name = ?, family_name = ?, preferred_name = ?, date_of_birth = ?,
                                   nhs_number = ?, team_id = ?, care_coordinator_id = ?, updated_at = now(),
                                   updated_by = ?, version = version + 1
                            where id = ? and version = ?""")
                    .params(d.givenName().trim(), d.familyName().trim(), blankToNull(d.preferredName()),
                            date(d.dateOfBirth()), NhsNumber.normalise(d.nhsNumber()), d.teamId(),
                            d.careCoordinatorId(), AuthenticatedActor.currentAccountId(), personId, version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNhsNumberException();
        }
        if (rows != 1) {
            throw new ConflictException("person");
        }
        audit.record(AuditAction.CHANGED, "person", personId, personId,
                before.teamId() != d.teamId() || !java.util.Objects.equals(before.careCoordinatorId(),
                        d.careCoordinatorId()) ? "details, team or care coordinator" : "details");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> caseloadSizes(long teamId) {
        Map<Long, Long> sizes = new HashMap<>();
        jdbc.sql("select care_coordinator_id, count(*) from person where team_id = ? and active "
                        + "and care_coordinator_id is not null group by care_coordinator_id")
                .param(teamId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> sizes.put(e.getKey(), e.getValue()));
        return sizes;
    }

    @Override
    @Transactional(readOnly = true)
    public long teamSize(long teamId) {
        return jdbc.sql("select count(*) from person where team_id = ? and active").param(teamId).query(Long.class)
                .single();
    }

    private void checkCoordinator(long teamId, Long coordinatorId) {
        if (coordinatorId != null && accounts.staffOfTeam(teamId).stream()
                .noneMatch(s -> s.accountId() == coordinatorId)) {
            throw new CoordinatorNotInTeamException();
        }
    }

    private PageOf<PersonSummary> page(Where where, int page, int size) {
        long total = jdbc.sql("select count(*) from person p" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        List<PersonSummary> items = jdbc.sql(SELECT + where.sql() + ORDER + " limit ? offset ?").params(params)
                .query(PersonSummary.class).list();
        return new PageOf<>(items, page, size, total);
    }

    private static Where withSearch(Where where, String search) {
        if (search == null || search.isBlank()) {
            return where;
        }
        String digits = search.replaceAll("\\s", "");
        if (digits.matches("\\d{10}")) {
            return where.and("p.nhs_number = ?", digits);
        }
        return byName(where, search);
    }

    /** Part of a given, family or preferred name, or of "given family" or "family given", whatever the case. */
    static Where byName(Where where, String name) {
        String pattern = "%" + name.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return where.and("(lower(p.given_name || ' ' || p.family_name) like ? or lower(p.family_name || ' ' || "
                + "p.given_name) like ? or lower(coalesce(p.preferred_name, '')) like ?)", pattern, pattern, pattern);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The reach rule, as SQL over {@code person p}. */
    static final class Reach {
        private Reach() {
        }

        static Where of(CurrentUser user) {
            Where none = new Where(new ArrayList<>(), new ArrayList<>());
            if (user.role().isTeamStaff()) {
                return none.and("p.team_id in (select team_id from team_membership where account_id = ?)",
                        user.accountId());
            }
            if (user.role() == Role.SERVICE_USER && user.personId() != null) {
                return none.and("p.id = ?", user.personId());
            }
            return none.and("false");
        }
    }

    record Where(List<String> clauses, List<Object> params) {
        Where and(String clause, Object... values) {
            List<String> c = new ArrayList<>(clauses);
            c.add(clause);
            List<Object> p = new ArrayList<>(params);
            p.addAll(List.of(values));
            return new Where(c, p);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }
    }
}
