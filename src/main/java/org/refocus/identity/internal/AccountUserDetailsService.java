package org.refocus.identity.internal;

import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select id, username, display_name, role, person_id, status, password_hash from account "
                        + "where username = ?")
                .param(username == null ? "" : username.trim().toLowerCase())
                .query((rs, n) -> new CurrentUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        (Long) rs.getObject("person_id"),
                        "ACTIVE".equals(rs.getString("status")) && rs.getString("password_hash") != null,
                        rs.getString("password_hash")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
