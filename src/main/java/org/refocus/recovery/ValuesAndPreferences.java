package org.refocus.recovery;

import java.time.LocalDate;

/**
 * The person's values and their treatment and care preferences, with the crisis section. The person
 * may add and change items in their own voice; staff may add and change anything, and every change is
 * kept in the history. Updates take the version the caller saw and fail with
 * {@link org.refocus.shared.ConflictException} when someone saved in between. A change the caller may
 * not make fails with {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface ValuesAndPreferences {

    long addValue(long personId, String words);

    void changeValue(long valueId, String words, int version);

    /** Moves a value one place up (more important, {@code up} true) or down. */
    void moveValue(long valueId, boolean up, int version);

    void removeValue(long valueId, int version);

    /** Puts a removed value back in its place (undo), at the version its removal left. */
    void restoreValue(long valueId, int version);

    /** The person's own preferences are always in their voice, whatever {@code voice} says. */
    long addPreference(long personId, PreferenceArea area, String words, Voice voice);

    void changePreference(long preferenceId, PreferenceArea area, String words, Voice voice, int version);

    void removePreference(long preferenceId, int version);

    /** Puts a removed preference back (undo), at the version its removal left. */
    void restorePreference(long preferenceId, int version);

    long addCrisisContact(long personId, CrisisContactDetails contact);

    void changeCrisisContact(long contactId, CrisisContactDetails contact, int version);

    void removeCrisisContact(long contactId, int version);

    /** Puts a removed crisis contact back (undo), at the version its removal left. */
    void restoreCrisisContact(long contactId, int version);

    /** Creates or updates the crisis plan; {@code version} is null when none has been saved yet. */
    void saveCrisisPlan(long personId, boolean advanceStatement, LocalDate madeOn, String anythingElse,
            Integer version);

    record CrisisContactDetails(String name, String relationship, String phone, String whenToContact) {
    }
}
