package org.refocus.recovery.internal;

import static org.refocus.recovery.internal.Rows.sqlDate;
import static org.refocus.recovery.internal.Rows.text;

import java.util.Set;
import java.util.stream.Collectors;
import org.refocus.identity.Accounts;
import org.refocus.identity.StaffMember;
import org.refocus.recovery.Contacts;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryGoals.InvalidLinkException;
import org.refocus.shared.AuthenticatedActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcContacts implements Contacts {

    private final JdbcClient jdbc;
    private final Access access;
    private final PlanWriter writer;
    private final Accounts accounts;

    JdbcContacts(JdbcClient jdbc, Access access, PlanWriter writer, Accounts accounts) {
        this.jdbc = jdbc;
        this.access = access;
        this.writer = writer;
        this.accounts = accounts;
    }

    @Override
    public long record(long personId, ContactDetails c) {
        Subject subject = access.reach(personId);
        subject.requireStaff();
        checkStaff(subject, c);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_contact (person_id, contact_on, kind, duration_minutes, with_the_person,
                                                      staff_ids, others_present, practices, notes, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, sqlDate(c.contactOn()), c.kind().name(), c.durationMinutes(), c.withThePerson(),
                        JdbcRecoveryGoals.longArray(c.staffIds()), text(c.othersPresent()), practices(c), text(c.notes()),
                        actor, actor)
                .query(Long.class).single();
        writer.saved(RecordType.CONTACT, id, subject, "CREATED", "practices=" + c.practices());
        return id;
    }

    @Override
    public void change(long contactId, ContactDetails c, int version) {
        Subject subject = access.reachThrough(RecordType.CONTACT, contactId);
        subject.requireStaff();
        checkStaff(subject, c);
        writer.update("update recovery_contact set contact_on = ?, kind = ?, duration_minutes = ?, with_the_person = ?, "
                        + "staff_ids = ?, others_present = ?, practices = ?, notes = ?", RecordType.CONTACT, contactId,
                version, sqlDate(c.contactOn()), c.kind().name(), c.durationMinutes(), c.withThePerson(),
                JdbcRecoveryGoals.longArray(c.staffIds()), text(c.othersPresent()), practices(c), text(c.notes()));
        writer.saved(RecordType.CONTACT, contactId, subject, "CHANGED", "practices=" + c.practices());
    }

    private static String[] practices(ContactDetails c) {
        return c.practices().stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    /** Staff present must be staff of the person's team (a former member may stay on an older contact). */
    private void checkStaff(Subject subject, ContactDetails c) {
        Set<Long> team = accounts.staffOfTeam(subject.person().teamId()).stream().map(StaffMember::accountId)
                .collect(Collectors.toSet());
        if (!team.containsAll(c.staffIds())) {
            throw new InvalidLinkException("member of staff");
        }
    }
}
