package org.refocus.people;

/** NHS numbers: ten digits whose last is a modulus 11 check digit. */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** Digits only, or null for blank input. Does not validate; see {@link #isValid}. */
    /** In three groups, 3-3-4, as the NHS writes it; anything that is not ten digits is returned as it is. */
    public static String forDisplay(String nhsNumber) {
        if (nhsNumber == null || nhsNumber.length() != 10) {
            return nhsNumber;
        }
        return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
    }

    public static String normalise(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        return input.replaceAll("[\\s-]", "");
    }

    /** Appends the check digit to nine digits; null when those nine digits cannot make a valid number. */
    public static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check == 10 ? null : nineDigits + check;
    }

    public static boolean isValid(String input) {
        String digits = normalise(input);
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        return digits.equals(withCheckDigit(digits.substring(0, 9)));
    }
}
