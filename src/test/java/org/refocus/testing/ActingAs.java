package org.refocus.testing;

import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * Runs one service call as a given user, then leaves no test user behind, so that later MockMvc
 * requests are made as whoever their own session cookie says (not as a {@code @WithUserDetails} user).
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T call(UserDetailsService users, String username, Callable<T> call) throws Exception {
        UserDetails user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        TestSecurityContextHolder.setContext(context);
        try {
            return call.call();
        } finally {
            TestSecurityContextHolder.clearContext();
        }
    }
}
