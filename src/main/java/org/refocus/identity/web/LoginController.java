package org.refocus.identity.web;

import jakarta.servlet.http.HttpServletRequest;
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
        return VIEW;
    }
}
