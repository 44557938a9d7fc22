package org.refocus.recovery.internal;

import static org.refocus.recovery.internal.Rows.sqlDate;
import static org.refocus.recovery.internal.Rows.text;

import java.time.LocalDate;
import java.util.List;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.recovery.PreferenceArea;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.ValuesAndPreferences;
import org.refocus.recovery.Voice;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcValuesAndPreferences implements ValuesAndPreferences {

    private final JdbcClient jdbc;
    private final Access access;
    private final AuditTrail audit;
    private final PlanWriter writer;

    JdbcValuesAndPreferences(JdbcClient jdbc, Access access, AuditTrail audit, PlanWriter writer) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.writer = writer;
    }

    @Override
    public long addValue(long personId, String words) {
        Subject subject = access.reach(personId);
        subject.requireMayChange(Voice.PERSON);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_value (person_id, words, importance, created_by, updated_by)
                        values (?, ?, (select coalesce(max(importance), 0) + 1 from recovery_value where person_id = ?),
                                ?, ?) returning id""")
                .params(personId, text(words), personId, actor, actor).query(Long.class).single();
        saved(RecordType.VALUE, id, subject, "CREATED", null);
        return id;
    }

    @Override
    public void changeValue(long valueId, String words, int version) {
        Subject subject = access.reachThrough(RecordType.VALUE, valueId);
        subject.requireMayChange(Voice.PERSON);
        update("update recovery_value set words = ?", RecordType.VALUE, valueId, version, text(words));
        saved(RecordType.VALUE, valueId, subject, "CHANGED", "words");
    }

    @Override
    public void moveValue(long valueId, boolean up, int version) {
        Subject subject = access.reachThrough(RecordType.VALUE, valueId);
        subject.requireMayChange(Voice.PERSON);
        List<long[]> order = jdbc.sql("select id, importance, version from recovery_value where person_id = ? "
                        + "and not removed order by importance, id for update")
                .param(subject.personId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        int at = -1;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i)[0] == valueId) {
                at = i;
            }
        }
        if (at < 0 || order.get(at)[2] != version) {
            throw new ConflictException(RecordType.VALUE.code());
        }
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= order.size()) {
            return;
        }
        // Renumber everything 1..n with the two swapped, so that importance is always a clean order.
        long[] moved = order.remove(at);
        order.add(other, moved);
        Long actor = AuthenticatedActor.currentAccountId();
        for (int i = 0; i < order.size(); i++) {
            long[] row = order.get(i);
            if (row[1] != i + 1) {
                jdbc.sql("update recovery_value set importance = ?, updated_at = now(), updated_by = ?, "
                                + "version = version + 1 where id = ?")
                        .params(i + 1, actor, row[0]).update();
                writer.versioned(RecordType.VALUE, row[0], subject);
            }
        }
        audit.record(AuditAction.CHANGED, RecordType.VALUE.code(), valueId, subject.personId(),
                up ? "moved up" : "moved down");
    }

    @Override
    public void removeValue(long valueId, int version) {
        Subject subject = access.reachThrough(RecordType.VALUE, valueId);
        subject.requireMayChange(Voice.PERSON);
        update("update recovery_value set removed = true", RecordType.VALUE, valueId, version);
        saved(RecordType.VALUE, valueId, subject, "REMOVED", "removed");
    }

    @Override
    public void restoreValue(long valueId, int version) {
        Subject subject = access.reachThrough(RecordType.VALUE, valueId);
        subject.requireMayChange(Voice.PERSON);
        putBack(RecordType.VALUE, valueId, version, subject);
    }

    @Override
    public long addPreference(long personId, PreferenceArea area, String words, Voice voice) {
        Subject subject = access.reach(personId);
        Voice actual = subject.voiceFor(voice);
        subject.requireMayChange(actual);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_preference (person_id, area, words, voice, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, area.name(), text(words), actual.name(), actor, actor).query(Long.class).single();
        saved(RecordType.PREFERENCE, id, subject, "CREATED", "area=" + area + " voice=" + actual);
        return id;
    }

    @Override
    public void changePreference(long preferenceId, PreferenceArea area, String words, Voice voice, int version) {
        Subject subject = access.reachThrough(RecordType.PREFERENCE, preferenceId);
        Voice current = Voice.valueOf(jdbc.sql("select voice from recovery_preference where id = ?")
                .param(preferenceId).query(String.class).single());
        subject.requireMayChange(current);
        Voice actual = subject.isThePerson() ? current : voice;
        update("update recovery_preference set area = ?, words = ?, voice = ?", RecordType.PREFERENCE, preferenceId,
                version, area.name(), text(words), actual.name());
        saved(RecordType.PREFERENCE, preferenceId, subject, "CHANGED", "area=" + area + " voice=" + actual);
    }

    @Override
    public void removePreference(long preferenceId, int version) {
        Subject subject = access.reachThrough(RecordType.PREFERENCE, preferenceId);
        Voice current = Voice.valueOf(jdbc.sql("select voice from recovery_preference where id = ?")
                .param(preferenceId).query(String.class).single());
        subject.requireMayChange(current);
        update("update recovery_preference set removed = true", RecordType.PREFERENCE, preferenceId, version);
        saved(RecordType.PREFERENCE, preferenceId, subject, "REMOVED", "removed");
    }

    @Override
    public void restorePreference(long preferenceId, int version) {
        Subject subject = access.reachThrough(RecordType.PREFERENCE, preferenceId);
        subject.requireMayChange(Voice.valueOf(jdbc.sql("select voice from recovery_preference where id = ?")
                .param(preferenceId).query(String.class).single()));
        putBack(RecordType.PREFERENCE, preferenceId, version, subject);
    }

    @Override
    public long addCrisisContact(long personId, CrisisContactDetails c) {
        Subject subject = access.reach(personId);
        subject.requireMayChange(Voice.PERSON);
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into recovery_crisis_contact (person_id, name, relationship, phone, when_to_contact,
                                                             created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, text(c.name()), text(c.relationship()), text(c.phone()), text(c.whenToContact()),
                        actor, actor)
                .query(Long.class).single();
        saved(RecordType.CRISIS_CONTACT, id, subject, "CREATED", null);
        return id;
    }

    @Override
    public void changeCrisisContact(long contactId, CrisisContactDetails c, int version) {
        Subject subject = access.reachThrough(RecordType.CRISIS_CONTACT, contactId);
        subject.requireMayChange(Voice.PERSON);
        update("update recovery_crisis_contact set name = ?, relationship = ?, phone = ?, when_to_contact = ?",
                RecordType.CRISIS_CONTACT, contactId, version, text(c.name()), text(c.relationship()), text(c.phone()),
                text(c.whenToContact()));
        saved(RecordType.CRISIS_CONTACT, contactId, subject, "CHANGED", null);
    }

    @Override
    public void removeCrisisContact(long contactId, int version) {
        Subject subject = access.reachThrough(RecordType.CRISIS_CONTACT, contactId);
        subject.requireMayChange(Voice.PERSON);
        update("update recovery_crisis_contact set removed = true", RecordType.CRISIS_CONTACT, contactId, version);
        saved(RecordType.CRISIS_CONTACT, contactId, subject, "REMOVED", "removed");
    }

    @Override
    public void restoreCrisisContact(long contactId, int version) {
        Subject subject = access.reachThrough(RecordType.CRISIS_CONTACT, contactId);
        subject.requireMayChange(Voice.PERSON);
        putBack(RecordType.CRISIS_CONTACT, contactId, version, subject);
    }

    /** Undoes a removal: the item is shown again where it was, and the history says it was put back. */
    private void putBack(RecordType type, long id, int version, Subject subject) {
        update("update " + type.table() + " set removed = false", type, id, version);
        saved(type, id, subject, "CHANGED", "put back");
    }

    @Override
    public void saveCrisisPlan(long personId, boolean advanceStatement, LocalDate madeOn, String anythingElse,
            Integer version) {
        Subject subject = access.reach(personId);
        subject.requireMayChange(Voice.PERSON);
        Long actor = AuthenticatedActor.currentAccountId();
        Long id = jdbc.sql("select id from recovery_crisis_plan where person_id = ?").param(personId)
                .query(Long.class).optional().orElse(null);
        if (id == null && version == null) {
            try {
                id = jdbc.sql("""
                                insert into recovery_crisis_plan (person_id, advance_statement, made_on, anything_else,
                                                                  created_by, updated_by)
                                values (?, ?, ?, ?, ?, ?) returning id""")
                        .params(personId, advanceStatement, sqlDate(madeOn), text(anythingElse), actor, actor)
                        .query(Long.class).single();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConflictException(RecordType.CRISIS_PLAN.code());
            }
            saved(RecordType.CRISIS_PLAN, id, subject, "CREATED", "advance statement=" + advanceStatement);
            return;
        }
        if (id == null || version == null) {
            throw new ConflictException(RecordType.CRISIS_PLAN.code());
        }
        update("update recovery_crisis_plan set advance_statement = ?, made_on = ?, anything_else = ?",
                RecordType.CRISIS_PLAN, id, version, advanceStatement, sqlDate(madeOn), text(anythingElse));
        saved(RecordType.CRISIS_PLAN, id, subject, "CHANGED", "advance statement=" + advanceStatement);
    }

    private void update(String set, RecordType type, long id, int version, Object... values) {
        writer.update(set, type, id, version, values);
    }

    private void saved(RecordType type, long id, Subject subject, String change, String detail) {
        writer.saved(type, id, subject, change, detail);
    }
}
