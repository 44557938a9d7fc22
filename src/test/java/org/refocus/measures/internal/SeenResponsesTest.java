package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fingerprints decide which imported rows are looked up as possible repeats; a miss must mean "not seen". */
class SeenResponsesTest {

    @Test
    void everyAddedFingerprintIsFoundAfterTheTableGrows() {
        SeenResponses seen = new SeenResponses();
        short[] codes = new short[15];
        for (int person = 1; person <= 200_000; person++) {
            seen.add(SeenResponses.fingerprint(person, 19_000, codes, 0, 15));
        }
        for (int person = 1; person <= 200_000; person++) {
            assertThat(seen.contains(SeenResponses.fingerprint(person, 19_000, codes, 0, 15))).isTrue();
        }
        assertThat(seen.contains(SeenResponses.fingerprint(200_001, 19_000, codes, 0, 15))).isFalse();
    }

    @Test
    void oneDifferentAnswerDayOrPersonGivesADifferentFingerprint() {
        short[] codes = {2, 2, 2, 2, 2, Short.MIN_VALUE, 2};
        long base = SeenResponses.fingerprint(7, 19_000, codes, 0, 7);
        short[] skippedAnswered = codes.clone();
        skippedAnswered[5] = 0;
        short[] oneChanged = codes.clone();
        oneChanged[0] = 3;
        assertThat(SeenResponses.fingerprint(7, 19_000, codes.clone(), 0, 7)).isEqualTo(base);
        assertThat(SeenResponses.fingerprint(7, 19_000, skippedAnswered, 0, 7)).isNotEqualTo(base);
        assertThat(SeenResponses.fingerprint(7, 19_000, oneChanged, 0, 7)).isNotEqualTo(base);
        assertThat(SeenResponses.fingerprint(7, 19_001, codes, 0, 7)).isNotEqualTo(base);
        assertThat(SeenResponses.fingerprint(8, 19_000, codes, 0, 7)).isNotEqualTo(base);
    }
}
