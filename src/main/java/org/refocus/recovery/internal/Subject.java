package org.refocus.recovery.internal;

import org.refocus.identity.CurrentUser;
import org.refocus.people.PersonSummary;
import org.refocus.recovery.Voice;
import org.springframework.security.access.AccessDeniedException;

/** The person whose plan is open and who is looking at it, once reach has been checked. */
record Subject(PersonSummary person, CurrentUser viewer) {

    long personId() {
        return person.id();
    }

    /** The person themselves is signed in. */
    boolean isThePerson() {
        return viewer.personId() != null && viewer.personId() == person.id();
    }

    boolean isStaff() {
        return viewer.role().isTeamStaff();
    }

    /** Staff may change anything in the plan; the person may change what is in their own voice. */
    boolean mayChange(Voice voice) {
        return isStaff() || (isThePerson() && voice == Voice.PERSON);
    }

    void requireStaff() {
        if (!isStaff()) {
            throw new AccessDeniedException("staff only");
        }
    }

    void requireMayChange(Voice voice) {
        if (!mayChange(voice)) {
            throw new AccessDeniedException("not the caller's words to change");
        }
    }

    /** The voice new words are in: the person's own always, when they write them. */
    Voice voiceFor(Voice requested) {
        return isThePerson() || requested == null ? Voice.PERSON : requested;
    }
}
