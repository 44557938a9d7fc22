package org.refocus.measures.instrument;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Whether the option labels of imported wording keep the definition's order (hazard H-09). The codes
 * decide the score, so wording that puts the definition's label for code 4 on code 0 (a reversed
 * scale), or swaps labels among codes in any other way, would record answers against the wrong meaning.
 *
 * <p>Only a label that is another code's label in the definition is a problem. A label the definition
 * does not have, such as licensed wording that differs from our neutral placeholder or a translation,
 * cannot be placed, and is left to the clinician who checks the wording against the licensed form.
 * Labels are compared ignoring case, spacing and punctuation; a definition label's bracketed note is
 * also ignored when the whole label does not match, so that "5" is recognised as "5 (highest)".
 */
final class OptionLabelOrder {

    /** The forms of a label compared, in turn: the whole label, then the label without its bracketed notes. */
    private static final List<UnaryOperator<String>> FORMS = List.of(
            OptionLabelOrder::wording, label -> wording(label.replaceAll("\\([^)]*\\)", " ")));

    private OptionLabelOrder() {
    }

    /**
     * The problem with {@code fileLabels} for {@code set}, if any: every code whose label in the file is
     * the definition's label for another code, with both labels. Codes the set does not have are not
     * looked at here.
     *
     * @param subject what the labels belong to, as the message names it, for example "response set 'agreement'"
     */
    static Optional<String> problem(String subject, ResponseSet set, Map<Integer, String> fileLabels) {
        List<String> misplaced = new ArrayList<>();
        for (ResponseOption option : set.options()) {
            String fileLabel = fileLabels.get(option.code());
            if (fileLabel != null && belongsToAnotherCode(set, option.code(), fileLabel)) {
                misplaced.add("code " + option.code() + " is '" + fileLabel + "' in the file, but '" + option.label()
                        + "' in the definition");
            }
        }
        return misplaced.isEmpty() ? Optional.empty() : Optional.of(subject + ": " + String.join("; ", misplaced)
                + ". The codes decide the score, so the labels must be in the definition's order.");
    }

    private static boolean belongsToAnotherCode(ResponseSet set, int code, String fileLabel) {
        String wording = wording(fileLabel);
        if (wording.isEmpty()) {
            return false;
        }
        for (UnaryOperator<String> form : FORMS) {
            List<Integer> codes = set.options().stream()
                    .filter(option -> form.apply(option.label()).equals(wording)).map(ResponseOption::code).toList();
            if (!codes.isEmpty()) {
                return !codes.contains(code);
            }
        }
        return false;
    }

    /** Lower case, compatibility-normalised letters and digits, one space between words. */
    private static String wording(String label) {
        return Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
