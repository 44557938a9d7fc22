package org.refocus.identity.web;

import jakarta.validation.Valid;
import org.refocus.identity.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An invited person sets their own password; nobody else ever knows it. */
@Controller
class ActivationController {

    static final String VIEW = "identity/activate";
    static final String UNUSABLE_VIEW = "identity/invitation-unusable";

    private final Accounts accounts;

    ActivationController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/activate/{token}")
    String form(@PathVariable String token, Model model) {
        if (!accounts.invitationUsable(token)) {
            return UNUSABLE_VIEW;
        }
        model.addAttribute("activationForm", new ActivationForm("", ""));
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/account/activate/{token}")
    String activate(@PathVariable String token, @Valid @ModelAttribute ActivationForm activationForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!accounts.invitationUsable(token)) {
            return UNUSABLE_VIEW;
        }
        if (!result.hasFieldErrors("confirmPassword") && !result.hasFieldErrors("password")
                && !activationForm.password().equals(activationForm.confirmPassword())) {
            result.rejectValue("confirmPassword", "activation.confirm.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                accounts.activate(token, activationForm.password());
                redirect.addFlashAttribute("flash", "activation.done");
                return "redirect:/login";
            } catch (Accounts.WeakPasswordException e) {
                result.rejectValue("password", e.messageKey());
            }
        }
        model.addAttribute("token", token);
        return VIEW;
    }

}
