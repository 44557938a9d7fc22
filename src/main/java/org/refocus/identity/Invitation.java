package org.refocus.identity;

import java.time.Instant;

/**
 * A one-time token with which an invited person sets their own password. Only its hash is stored;
 * the token itself is shown once, to the administrator who created the account.
 */
public record Invitation(long accountId, String token, Instant expiresAt) {

    public String path() {
        return "/account/activate/" + token;
    }
}
