package org.refocus.measures.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hazard H-09: imported option labels must not be the definition's labels for other codes. */
class OptionLabelOrderTest {

    private static final String WHY = ". The codes decide the score, so the labels must be in the definition's order.";

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("a reversed agreement scale", "qpr-15", "agreement",
                        Map.of(0, "Agree strongly", 1, "Agree", 2, "Neither agree nor disagree", 3, "Disagree",
                                4, "Disagree strongly"),
                        "response set 'agreement': "
                                + "code 0 is 'Agree strongly' in the file, but 'Disagree strongly' in the definition; "
                                + "code 1 is 'Agree' in the file, but 'Disagree' in the definition; "
                                + "code 3 is 'Disagree' in the file, but 'Agree' in the definition; "
                                + "code 4 is 'Disagree strongly' in the file, but 'Agree strongly' in the definition" + WHY),
                Arguments.of("one swapped pair, in other case and punctuation", "qpr-15", "agreement",
                        Map.of(0, "Disagree strongly", 1, "Disagree", 2, "Neither agree nor disagree", 3, "Agree, STRONGLY.",
                                4, " agree"),
                        "response set 'agreement': "
                                + "code 3 is 'Agree, STRONGLY.' in the file, but 'Agree' in the definition; "
                                + "code 4 is ' agree' in the file, but 'Agree strongly' in the definition" + WHY),
                Arguments.of("one label on another code, the others left out", "qpr-15", "agreement",
                        Map.of(2, "agree"),
                        "response set 'agreement': "
                                + "code 2 is 'agree' in the file, but 'Neither agree nor disagree' in the definition" + WHY),
                Arguments.of("a swapped pair among wording the definition does not have", "qpr-15", "agreement",
                        Map.of(0, "Strongly disagree", 1, "Agree", 2, "Not sure", 3, "Disagree", 4, "Strongly agree"),
                        "response set 'agreement': "
                                + "code 1 is 'Agree' in the file, but 'Disagree' in the definition; "
                                + "code 3 is 'Disagree' in the file, but 'Agree' in the definition" + WHY),
                Arguments.of("yes and no swapped", "inspire", "matters", Map.of(0, "Yes", 1, "No"),
                        "response set 'matters': code 1 is 'No' in the file, but 'Yes' in the definition; "
                                + "code 0 is 'Yes' in the file, but 'No' in the definition" + WHY),
                Arguments.of("a reversed numbered scale", "wemwbs", "frequency",
                        Map.of(1, "5", 2, "4", 3, "3", 4, "2", 5, "1"),
                        "response set 'frequency': "
                                + "code 1 is '5' in the file, but '1 (lowest)' in the definition; "
                                + "code 2 is '4' in the file, but '2' in the definition; "
                                + "code 4 is '2' in the file, but '4' in the definition; "
                                + "code 5 is '1' in the file, but '5 (highest)' in the definition" + WHY),
                Arguments.of("the same order in other case, spacing and punctuation", "qpr-15", "agreement",
                        Map.of(0, "DISAGREE STRONGLY.", 1, "  disagree ", 2, "Neither agree, nor disagree", 3, "Agree!",
                                4, "agree-strongly"),
                        null),
                Arguments.of("wording the definition does not have", "qpr-15", "agreement",
                        Map.of(0, "Strongly disagree", 1, "Tend to disagree", 2, "Not sure", 3, "Tend to agree",
                                4, "Strongly agree"),
                        null),
                Arguments.of("a translation", "qpr-15", "agreement",
                        Map.of(0, "Totalmente en desacuerdo", 1, "En desacuerdo", 2, "Ni de acuerdo ni en desacuerdo",
                                3, "De acuerdo", 4, "Totalmente de acuerdo"),
                        null),
                Arguments.of("numbers in order, with or without the definition's notes", "dialog", "satisfaction",
                        Map.of(1, "1", 2, "2", 3, "3", 4, "4 (Neutral middle point)", 5, "5", 6, "6", 7, "7 - highest"),
                        null),
                Arguments.of("labels that are only punctuation", "qpr-15", "agreement", Map.of(0, "…", 4, "-"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void refusesLabelsThatBelongToAnotherCodeAndAcceptsAnyOtherWording(String name, String instrument, String setId,
                                                                        Map<Integer, String> fileLabels, String expected) {
        ResponseSet set = Answers.definition(instrument).responseSet(setId).orElseThrow();

        assertThat(OptionLabelOrder.problem("response set '" + setId + "'", set, fileLabels))
                .isEqualTo(Optional.ofNullable(expected));
    }
}
