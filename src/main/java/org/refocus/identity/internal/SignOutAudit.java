package org.refocus.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

@Component
class SignOutAudit implements LogoutHandler {

    private final AuditTrail audit;

    SignOutAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            audit.recordFor(user.username(), user.accountId(), AuditAction.SIGNED_OUT, AuditOutcome.ALLOWED,
                    "account", user.accountId(), null);
        }
    }
}
