package org.refocus.identity.internal;

import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads the account signing in. A service-user account whose holder has not yet said that the linked
 * record is theirs is loaded with no record (see {@link CurrentUser#recordToCheck()}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select id, username, display_name, role, person_id, person_confirmed_at is not null, "
                        + "status, password_hash from account where username = ?")
                .param(username == null ? "" : username.trim().toLowerCase())
                .query((rs, n) -> {
                    Long person = (Long) rs.getObject("person_id");
                    boolean checked = person == null || rs.getBoolean(6);
                    return new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                            Role.valueOf(rs.getString("role")), checked ? person : null, checked ? null : person,
                            "ACTIVE".equals(rs.getString("status")) && rs.getString("password_hash") != null,
                            rs.getString("password_hash"));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
