package org.refocus.identity.internal;

import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.PasswordConfirmation;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks the signed-in account's password against its stored hash, counting failures with sign-in's. */
@Component
class ThrottledPasswordConfirmation implements PasswordConfirmation {

    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;

    ThrottledPasswordConfirmation(UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle,
            AuditTrail audit) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Outcome confirm(String password) {
        CurrentUser user = CurrentUser.required();
        String address = ThrottledAuthenticationProvider.clientAddress();
        if (throttle.isThrottled(user.username(), address)) {
            audit.recordFor(user.username(), user.accountId(), AuditAction.SIGN_IN_FAILED, AuditOutcome.DENIED,
                    "account", user.accountId(), "password check throttled");
            return Outcome.THROTTLED;
        }
        String hash;
        try {
            var stored = users.loadUserByUsername(user.username());
            hash = stored.isEnabled() ? stored.getPassword() : null;
        } catch (UsernameNotFoundException e) {
            hash = null;
        }
        if (password != null && !password.isEmpty() && hash != null && passwords.matches(password, hash)) {
            throttle.recordSuccess(user.username());
            return Outcome.CONFIRMED;
        }
        throttle.recordFailure(user.username(), address);
        audit.recordFor(user.username(), user.accountId(), AuditAction.SIGN_IN_FAILED, AuditOutcome.DENIED, "account",
                user.accountId(), "password check failed");
        return throttle.isThrottled(user.username(), address) ? Outcome.THROTTLED : Outcome.WRONG;
    }
}
