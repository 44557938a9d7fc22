package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The three-way merge of one question: what the page showed, what it sends, what is stored now. */
class AnsweredPageTest {

    private static final String SAVE = "save";
    private static final String KEEP_STORED = "keep what is stored";
    private static final String CONFLICT = "conflict";

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("changed only here", null, 3, null, SAVE),
                Arguments.of("changed only here, from an answer", 1, 3, 1, SAVE),
                Arguments.of("cleared only here", 1, null, 1, SAVE),
                Arguments.of("changed only elsewhere: theirs stays", null, null, 2, KEEP_STORED),
                Arguments.of("changed only elsewhere from an answer: theirs stays", 1, 1, 2, KEEP_STORED),
                Arguments.of("cleared only elsewhere: theirs stays", 1, 1, null, KEEP_STORED),
                Arguments.of("the same answer in both places (a double submit)", null, 3, 3, KEEP_STORED),
                Arguments.of("cleared in both places", 2, null, null, KEEP_STORED),
                Arguments.of("changed in both places to different answers", null, 3, 1, CONFLICT),
                Arguments.of("changed here, cleared elsewhere", 1, 3, null, CONFLICT),
                Arguments.of("cleared here, changed elsewhere", 1, null, 2, CONFLICT),
                Arguments.of("unchanged anywhere", 2, 2, 2, KEEP_STORED));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("questions")
    void mergesEachQuestionOnItsOwn(String name, Integer shown, Integer sent, Integer stored, String expected) {
        AnsweredPage page = new AnsweredPage(answer(sent), answer(shown), 4);

        AnsweredPage.Merge merge = page.mergeOnto(answer(stored));

        switch (expected) {
            case SAVE -> {
                assertThat(merge.toSave()).containsExactlyEntriesOf(answer(sent));
                assertThat(merge.conflicts()).isEmpty();
            }
            case KEEP_STORED -> {
                assertThat(merge.toSave()).isEmpty();
                assertThat(merge.conflicts()).isEmpty();
            }
            default -> {
                assertThat(merge.toSave()).isEmpty();
                assertThat(merge.conflicts()).containsExactlyEntriesOf(answer(stored));
            }
        }
    }

    @Test
    void aQuestionWhoseShownAnswerIsNotKnownIsSavedOnlyWhenNothingClashes() {
        Map<String, Integer> sent = Map.of("qpr_01", 3, "qpr_02", 4);
        AnsweredPage page = new AnsweredPage(sent, Map.of(), 0);

        AnsweredPage.Merge merge = page.mergeOnto(Map.of("qpr_01", 3, "qpr_02", 1));

        assertThat(merge.toSave()).isEmpty();
        assertThat(merge.conflicts()).containsExactlyEntriesOf(Map.of("qpr_02", 1));
    }

    /** One question, {@code qpr_01}, with the given answer; empty when null (unanswered). */
    private static Map<String, Integer> answer(Integer code) {
        Map<String, Integer> answers = new HashMap<>();
        answers.put("qpr_01", code);
        return answers;
    }
}
