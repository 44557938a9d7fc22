package org.refocus.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.refocus.identity.internal.RefusedSignIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;


@Controller
class LoginController {

    static final String VIEW = "identity/login";

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        // Flags without values (?error, ?throttled, ?signedOut), set by the security configuration's redirects.
        model.addAttribute("error", request.getParameterMap().containsKey("error"));
        model.addAttribute("throttled", request.getParameterMap().containsKey("throttled"));
        model.addAttribute("signedOut", request.getParameterMap().containsKey("signedOut"));
        model.addAttribute("timedOut", request.getParameterMap().containsKey("timedOut"));
        // After a refused sign-in, the username typed is shown again (once), so only the password is typed again.
        RefusedSignIn.takeUsername(request).filter(username -> (Boolean) model.getAttribute("error")
                || (Boolean) model.getAttribute("throttled")).ifPresent(username -> model.addAttribute("username", username));
        return VIEW;
    }
}
