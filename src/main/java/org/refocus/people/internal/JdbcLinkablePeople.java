package org.refocus.people.internal;

import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.LinkablePeople;
import org.refocus.identity.PersonToLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shows an administrator whose record a service-user account is about to be linked to (hazard H-03). */
@Service
@Transactional
class JdbcLinkablePeople implements LinkablePeople {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    JdbcLinkablePeople(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public Optional<PersonToLink> identify(long personId) {
        Optional<PersonToLink> person = jdbc.sql("""
                        select p.id, p.given_name || ' ' || p.family_name, p.date_of_birth, p.nhs_number, t.name
                        from person p join team t on t.id = p.team_id where p.id = ?""")
                .param(personId)
                .query((rs, n) -> new PersonToLink(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getString(4), rs.getString(5)))
                .optional();
        person.ifPresent(p -> audit.record(AuditAction.VIEWED, "person", personId, personId, "account link"));
        return person;
    }
}
