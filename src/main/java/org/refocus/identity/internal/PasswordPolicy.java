package org.refocus.identity.internal;

import java.util.Locale;
import java.util.Set;
import org.refocus.identity.Accounts.WeakPasswordException;

/**
 * NCSC-style policy: length over complexity rules, and no password that is common or contains the
 * username. 12 characters is the minimum; up to 128 are allowed so that passphrases fit.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas",
            "passwordpassword", "letmein12345", "welcome12345", "iloveyou1234", "administrator", "changeme1234",
            "refocusrefocus", "nhspassword1", "password12345");

    private PasswordPolicy() {
    }

    static void check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new WeakPasswordException("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            throw new WeakPasswordException("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new WeakPasswordException("password.tooCommon");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new WeakPasswordException("password.containsUsername");
        }
    }
}
