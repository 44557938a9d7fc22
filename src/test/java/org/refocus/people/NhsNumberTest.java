package org.refocus.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NhsNumberTest {

    @ParameterizedTest
    @CsvSource({
            "9434765919, true",      // NHS Digital's published example
            "943 476 5919, true",
            "943-476-5919, true",
            "9434765918, false",     // wrong check digit
            "943476591, false",      // nine digits
            "94347659190, false",    // eleven digits
            "abcdefghij, false",
            "1000000010, false"})    // the check digit of 100000001 would be 10, so no number is valid
    void acceptsOnlyTenDigitsWithAValidModulus11CheckDigit(String input, boolean valid) {
        assertThat(NhsNumber.isValid(input)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"943476591, 9434765919", "999000001, 9990000018"})
    void computesTheCheckDigit(String nine, String ten) {
        assertThat(NhsNumber.withCheckDigit(nine)).isEqualTo(ten);
    }
}
