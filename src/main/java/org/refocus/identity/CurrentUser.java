package org.refocus.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.refocus.shared.AuthenticatedActor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account. Stored in the (database-backed) session, so it holds no team list: reach is
 * checked against current memberships on every request.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, AuthenticatedActor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final Long personId;
    private final Long recordToCheck;
    private final boolean enabled;
    private String passwordHash;

    public CurrentUser(long accountId, String username, String displayName, Role role, Long personId,
            boolean enabled, String passwordHash) {
        this(accountId, username, displayName, role, personId, null, enabled, passwordHash);
    }

    /**
     * @param recordToCheck the record a service-user account is linked to but whose holder has not yet
     *                      said it is theirs; {@code personId} is then null, so that the account reaches
     *                      nothing until they have (hazard H-03)
     */
    public CurrentUser(long accountId, String username, String displayName, Role role, Long personId,
            Long recordToCheck, boolean enabled, String passwordHash) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.personId = personId;
        this.recordToCheck = recordToCheck;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    /** The signed-in user of this request, or null when nobody is signed in. */
    public static CurrentUser orNull() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    /** The signed-in user of this request; fails when nobody is (routes are closed to anonymous callers). */
    public static CurrentUser required() {
        CurrentUser user = orNull();
        if (user == null) {
            throw new IllegalStateException("No signed-in user");
        }
        return user;
    }

    @Override
    public long accountId() {
        return accountId;
    }

    @Override
    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** For a service user, the person record that is theirs; otherwise null. */
    public Long personId() {
        return personId;
    }

    /** The record this account is linked to whose holder must first say it is theirs; otherwise null. */
    public Long recordToCheck() {
        return recordToCheck;
    }

    public boolean has(Role r) {
        return role == r;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "CurrentUser[" + accountId + "]";
    }
}
