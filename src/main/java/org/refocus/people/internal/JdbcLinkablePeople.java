package org.refocus.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.LinkablePeople;
import org.refocus.identity.PersonSearch;
import org.refocus.identity.PersonToLink;
import org.refocus.people.NhsNumber;
import org.refocus.people.internal.JdbcPeople.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets an administrator find, and see, whose record a service-user account is about to be linked to
 * (hazard H-03). Administrators reach every team's records here, as on {@code /admin/people}.
 */
@Service
@Transactional
class JdbcLinkablePeople implements LinkablePeople {

    private static final String SELECT = """
            select p.id, p.given_name || ' ' || p.family_name, p.date_of_birth, p.nhs_number, t.name
            from person p join team t on t.id = p.team_id""";
    private static final RowMapper<PersonToLink> PERSON = (rs, n) -> new PersonToLink(rs.getLong(1),
            rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5));

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    JdbcLinkablePeople(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public Optional<PersonToLink> identify(long personId) {
        Optional<PersonToLink> person = jdbc.sql(SELECT + " where p.id = ?").param(personId).query(PERSON)
                .optional();
        person.ifPresent(p -> audit.record(AuditAction.VIEWED, "person", personId, personId, "account link"));
        return person;
    }

    @Override
    public Found find(PersonSearch search, int limit) {
        Where where = new Where(new ArrayList<>(), new ArrayList<>());
        List<String> by = new ArrayList<>();
        if (search.name() != null) {
            where = JdbcPeople.byName(where, search.name());
            by.add("name");
        }
        if (search.nhsNumber() != null) {
            if (!NhsNumber.isValid(search.nhsNumber())) {
                throw new InvalidNhsNumberException();
            }
            where = where.and("p.nhs_number = ?", NhsNumber.normalise(search.nhsNumber()));
            by.add("NHS number");
        }
        if (search.dateOfBirth() != null) {
            where = where.and("p.date_of_birth = ?", java.sql.Date.valueOf(search.dateOfBirth()));
            by.add("date of birth");
        }
        if (search.recordNumber() != null) {
            where = where.and("p.id = ?", search.recordNumber());
            by.add("record number");
        }
        if (by.isEmpty()) {
            throw new IllegalArgumentException("a search by nothing would list everyone");
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit + 1);
        List<PersonToLink> people = jdbc.sql(SELECT + where.sql()
                        + " order by lower(p.family_name), lower(p.given_name), p.id limit ?")
                .params(params).query(PERSON).list();
        boolean more = people.size() > limit;
        List<PersonToLink> shown = more ? people.subList(0, limit) : people;
        // What was searched for is personal data: the trail says only by what, and whom it showed.
        audit.record(AuditAction.LISTED, "person", null, null, "account link search by " + String.join(", ", by)
                + ": " + shown.size() + (more ? " shown of more" : " found"));
        shown.forEach(p -> audit.record(AuditAction.VIEWED, "person", p.personId(), p.personId(),
                "account link search"));
        return new Found(List.copyOf(shown), more);
    }
}
