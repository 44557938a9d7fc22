package org.refocus.shared;

import org.springframework.ui.Model;
import org.springframework.validation.Errors;

/**
 * What a form does when someone else saved first ({@link ConflictException}): it is shown again with an error
 * summary, what the other person saved (the model's {@code newer}, which the page shows with
 * {@code fragments/components :: newerVersion}) and what this person typed still in the fields. Its hidden
 * version field carries {@code newer}'s version, so that saving again, after checking, replaces theirs
 * knowingly instead of failing until the page is reloaded and the changes typed again.
 */
public final class NewerVersion {

    /** The model attribute the pages read. */
    public static final String ATTRIBUTE = "newer";

    private NewerVersion() {
    }

    /** Rejects the form with {@code messageKey} and puts {@code newer}, the record as it is now, in the model. */
    public static <T> T show(Errors form, String messageKey, T newer, Model model) {
        form.reject(messageKey);
        model.addAttribute(ATTRIBUTE, newer);
        return newer;
    }
}
