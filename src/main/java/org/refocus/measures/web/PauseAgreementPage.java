package org.refocus.measures.web;

import java.util.Map;
import org.refocus.measures.internal.MeasureSchedules;
import org.refocus.people.PersonSummary;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The page that stops staff giving or assigning a questionnaire to someone who has paused them, until
 * they tick that they have talked with the person and the person agrees (H-13). It shows the pause in
 * the person's words, carries what staff were doing in hidden fields and posts it back to the route it
 * came from, so it needs no route of its own and works without JavaScript.
 */
final class PauseAgreementPage {

    static final String VIEW = "measures/pause-agreement";

    private PauseAgreementPage() {
    }

    /**
     * The tick box, bound on the routes that give or assign a questionnaire.
     *
     * @param personAgrees ticked: staff have talked with the person and the person agrees
     * @param asked        the page has been shown, so an unticked box is now a problem to report
     */
    record PauseAgreementForm(Boolean personAgrees, Boolean asked) {

        boolean agrees() {
            return Boolean.TRUE.equals(personAgrees);
        }
    }

    /**
     * What staff were about to do.
     *
     * @param action    the route to post to again
     * @param fields    the fields that route needs, as they were sent
     * @param what      what staff were about to do, in words
     * @param agreement the words of the tick box
     * @param button    the words of the button that goes on
     */
    record Going(String action, Map<String, String> fields, String what, String agreement, String button) {
    }

    static String show(Model model, PersonSummary person, MeasureSchedules.PausedPerson pause, Going going,
            PauseAgreementForm form, BindingResult result) {
        if (Boolean.TRUE.equals(form.asked()) && !form.agrees()) {
            result.rejectValue("personAgrees", "measures.pauseAgreement.required", new Object[] {person.knownAs()},
                    null);
        }
        model.addAttribute("person", person);
        PersonMeasuresController.addPause(model, pause);
        model.addAttribute("going", going);
        return VIEW;
    }
}
