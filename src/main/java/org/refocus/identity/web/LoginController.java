package org.refocus.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    static final String VIEW = "identity/login";

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("signedOut", signedOut != null);
        return VIEW;
    }
}
