package org.refocus.measures.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.PasswordConfirmation;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.MeasureResponses;
import org.refocus.measures.internal.ResponseView;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The end of a questionnaire given in a session ({@link Handover}): the person is thanked and asked to give
 * the device back; the member of staff types their password to carry on. Too many wrong passwords sign
 * the session out, as too many wrong sign-ins would.
 */
@Controller
@PreAuthorize("hasAnyRole('PRACTITIONER','TEAM_LEADER')")
class HandBackController {

    static final String VIEW = "measures/hand-back";

    private final MeasureResponses responses;
    private final InstrumentLibrary library;
    private final People people;
    private final PasswordConfirmation passwords;

    HandBackController(MeasureResponses responses, InstrumentLibrary library, People people,
            PasswordConfirmation passwords) {
        this.responses = responses;
        this.library = library;
        this.people = people;
        this.passwords = passwords;
    }

    record HandBackForm(String password) {
    }

    @GetMapping("/measures/responses/{id}/hand-back")
    String page(@PathVariable long id, Model model) {
        ResponseView response = responses.open(id);
        model.addAttribute("handBackForm", new HandBackForm(null));
        return show(response, model);
    }

    @PostMapping("/measures/responses/{id}/hand-back")
    String handBack(@PathVariable long id, @ModelAttribute("handBackForm") HandBackForm form, BindingResult result,
            HttpServletRequest request, Model model) throws ServletException {
        ResponseView response = responses.find(id);
        if (form.password() == null || form.password().isEmpty()) {
            result.rejectValue("password", "measures.handBack.password.required");
        } else {
            switch (passwords.confirm(form.password())) {
                case CONFIRMED -> {
                    Handover.end(request);
                    return response.completed() ? "redirect:/measures/responses/" + id
                            : "redirect:/people/" + response.personId() + "/measures";
                }
                case THROTTLED -> {
                    request.logout();
                    request.getSession().invalidate();
                    return "redirect:/signed-out";
                }
                case WRONG -> result.rejectValue("password", "measures.handBack.password.wrong");
            }
        }
        return show(response, model);
    }

    private String show(ResponseView response, Model model) {
        PersonSummary person = people.requireReach(response.personId());
        model.addAttribute("response", response);
        model.addAttribute("person", person);
        model.addAttribute("instrumentName", library.version(response.versionId()).definition().shortName());
        model.addAttribute("staffName", CurrentUser.required().displayName());
        model.addAttribute("mayAnswer", responses.mayAnswer(response));
        return VIEW;
    }
}
