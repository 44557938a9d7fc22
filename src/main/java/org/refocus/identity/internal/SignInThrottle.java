package org.refocus.identity.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows guessing: after too many failures within the window, further attempts for that account, or
 * from that address, are refused without checking the password. Counts live in the database so that
 * every node enforces the same limit.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;

    SignInThrottle(JdbcClient jdbc, @Value("${refocus.security.max-failures-per-account}") int maxPerAccount,
            @Value("${refocus.security.max-failures-per-address}") int maxPerAddress,
            @Value("${refocus.security.failure-window}") Duration window) {
        this.jdbc = jdbc;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    @Transactional(readOnly = true)
    boolean isThrottled(String username, String address) {
        String since = "now() - make_interval(secs => " + window.toSeconds() + ")";
        long forAccount = jdbc.sql("select count(*) from sign_in_failure where username = ? and at > " + since)
                .param(normalise(username)).query(Long.class).single();
        long forAddress = jdbc.sql("select count(*) from sign_in_failure where address = ? and at > " + since)
                .param(address).query(Long.class).single();
        return forAccount >= maxPerAccount || forAddress >= maxPerAddress;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String username, String address) {
        jdbc.sql("insert into sign_in_failure (username, address) values (?, ?)")
                .params(normalise(username), address).update();
        // Old rows are no longer counted; trimming here keeps the table small without a scheduler.
        jdbc.sql("delete from sign_in_failure where at < now() - interval '1 day'").update();
    }

    @Transactional
    void recordSuccess(String username) {
        jdbc.sql("delete from sign_in_failure where username = ?").param(normalise(username)).update();
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }
}
