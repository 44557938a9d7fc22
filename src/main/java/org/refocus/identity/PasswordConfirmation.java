package org.refocus.identity;

/**
 * The signed-in member of staff types their password again to take back a device they handed to a person
 * (a questionnaire given in a session). Checked and throttled as a sign-in is, and audited when it fails.
 */
public interface PasswordConfirmation {

    enum Outcome {
        CONFIRMED,
        WRONG,
        /** Too many wrong passwords for this account or address lately: the caller should sign the session out. */
        THROTTLED
    }

    Outcome confirm(String password);
}
