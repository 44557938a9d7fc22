package org.refocus.programme.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/** Pounds as people type them ("12", "£12.50") to pence, and pence to "£12.50". */
final class Money {

    static final String PATTERN = "^\\s*£?\\s*\\d{1,6}(\\.\\d{1,2})?\\s*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Money() {
    }

    static boolean valid(String text) {
        return text != null && VALID.matcher(text).matches();
    }

    static long pence(String text) {
        String digits = text.trim().replace("£", "").trim();
        return new BigDecimal(digits).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    static String pounds(long pence) {
        return String.format(Locale.UK, "£%,.2f", pence / 100.0);
    }

    static String signed(long pence) {
        return (pence < 0 ? "−" : "+") + pounds(Math.abs(pence));
    }

    /** For putting an amount back into an input box: "12.50". */
    static String plain(long pence) {
        return BigDecimal.valueOf(pence).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
