package org.refocus.identity.internal;

import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Password sign-in with per-account and per-address throttling, and an audit entry either way. */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;
    private final AuditTrail audit;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle,
            AuditTrail audit) {
        super(users);
        setPasswordEncoder(passwords);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = clientAddress();
        if (throttle.isThrottled(username, address)) {
            audit.recordFor(username, null, AuditAction.SIGN_IN_FAILED, AuditOutcome.DENIED, "account", null,
                    "throttled");
            throw new LockedException("throttled");
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.recordSuccess(username);
            CurrentUser user = (CurrentUser) result.getPrincipal();
            audit.recordFor(user.username(), user.accountId(), AuditAction.SIGNED_IN, AuditOutcome.ALLOWED,
                    "account", user.accountId(), null);
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            audit.recordFor(username, null, AuditAction.SIGN_IN_FAILED, AuditOutcome.DENIED, "account", null,
                    e instanceof BadCredentialsException ? "bad credentials" : "account not usable");
            throw e;
        }
    }

    /** The address a request came from, for throttling and the audit trail. */
    static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : "unknown";
    }
}
