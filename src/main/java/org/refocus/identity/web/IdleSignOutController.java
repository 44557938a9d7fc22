package org.refocus.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The session's idle timeout, kinder: typing keeps the session alive (the page script asks for
 * {@code /session/keep-alive} while someone types), and a form sent after the session ended shows what was
 * typed, to copy, instead of losing it (see identity.internal.TimedOutSubmissions).
 */
@Controller
class IdleSignOutController {

    static final String SIGNED_OUT_VIEW = "identity/signed-out";
    /** Must equal identity.internal.TimedOutSubmissions.TYPED, which sets it. */
    static final String TYPED = "refocus.typedBeforeSignOut";

    /** Nothing to say: the request itself tells the session store that someone is still at work. */
    @GetMapping("/session/keep-alive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }

    /** Reached by forward from a form sent too late, or asked for directly (then with no typed words). */
    @GetMapping("/signed-out")
    String signedOut(HttpServletRequest request, Model model) {
        // 200, like the sign-in page: the page itself is what was asked for; it says that nothing was saved.
        model.addAttribute("typed", request.getAttribute(TYPED) instanceof List<?> list ? list : List.of());
        return SIGNED_OUT_VIEW;
    }
}
