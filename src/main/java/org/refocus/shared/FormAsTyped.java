package org.refocus.shared;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * Puts a form back on its page as it was typed when a field could not be read (a word, or "1.5", where a
 * whole number goes). Spring then builds the form with that field empty but leaves the errors bound to no
 * form at all, so the page had nothing to show and everything typed was lost to a server error.
 */
public final class FormAsTyped {

    private FormAsTyped() {
    }

    /** Call before showing the form again; {@code name} is the form's model attribute name. */
    public static void keep(Model model, String name, Object form, BindingResult result) {
        if (result.getTarget() == null && form != null) {
            BeanPropertyBindingResult typed = new BeanPropertyBindingResult(form, name);
            typed.addAllErrors(result);
            model.addAllAttributes(typed.getModel());
        }
    }
}
