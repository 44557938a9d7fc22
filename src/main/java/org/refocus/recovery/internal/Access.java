package org.refocus.recovery.internal;

import org.refocus.identity.CurrentUser;
import org.refocus.people.People;
import org.refocus.recovery.RecordType;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reach for recovery records: every item is reached through the person it belongs to. */
@Component
class Access {

    private final People people;
    private final JdbcClient jdbc;

    Access(People people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    /** Checks reach (denials are audited by the people module) and returns who is looking at whom. */
    Subject reach(long personId) {
        return new Subject(people.requireReach(personId), CurrentUser.required());
    }

    /** Reach through an item: an unknown item and an item of someone out of reach both look absent. */
    Subject reachThrough(RecordType type, long recordId) {
        return reach(personOf(type, recordId));
    }

    long personOf(RecordType type, long recordId) {
        return jdbc.sql("select person_id from " + type.table() + " where id = ?").param(recordId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException(type.code()));
    }
}
