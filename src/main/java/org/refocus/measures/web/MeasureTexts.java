package org.refocus.measures.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.refocus.measures.internal.MeasureResults;
import org.refocus.measures.internal.StoredScore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words around a score: what it means and what it does not (every score shown to a person has
 * both), why a score is absent, and change since the first result. From {@code i18n/measures.properties}.
 */
@Component
class MeasureTexts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    private final MessageSource messages;

    MeasureTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.UK);
    }

    String textOr(String key, String fallbackKey, Object... args) {
        String text = messages.getMessage(key, args, null, Locale.UK);
        return text != null ? text : text(fallbackKey, args);
    }

    /**
     * What a score means, for staff, or addressed to the person when {@code toThePerson} (their own results):
     * {@code measures.meaning.own.<code>.<score>} when there is one, else the text staff read.
     */
    String meaning(String code, String scoreKey, BigDecimal value, BigDecimal minimum, BigDecimal maximum,
            boolean toThePerson) {
        String key = "measures.meaning." + code + "." + scoreKey;
        Object[] args = {plain(value), plain(minimum), plain(maximum)};
        String text = toThePerson ? messages.getMessage(ownKey(key), args, null, Locale.UK) : null;
        return text != null ? text : textOr(key, "measures.meaning.default", args);
    }

    String notMeaning(String code, String scoreKey, boolean toThePerson) {
        String key = "measures.notMeaning." + code + "." + scoreKey;
        String text = toThePerson ? messages.getMessage(ownKey(key), null, null, Locale.UK) : null;
        return text != null ? text : textOr(key, "measures.notMeaning.default");
    }

    private static String ownKey(String key) {
        return key.replaceFirst("^measures\\.(meaning|notMeaning)\\.", "measures.$1.own.");
    }

    String absent(StoredScore score) {
        return textOr("measures.absent." + score.absence(), "measures.absent.ITEMS_MISSING", score.itemsMissing(),
                score.itemsMissing() + score.itemsUsed());
    }

    String change(MeasureResults.Series series) {
        if (series.change() == null) {
            return null;
        }
        List<MeasureResults.Point> scored = series.points().stream().filter(p -> p.value() != null).toList();
        LocalDate firstDate = scored.get(0).date();
        int sign = series.change().signum();
        String key = sign > 0 ? "measures.change.up" : sign < 0 ? "measures.change.down" : "measures.change.same";
        if (series.points().get(series.points().size() - 1).value() == null) {
            // The latest response has no score (H-10): say which score the change is about, with its date.
            return text(key + ".toLastScore", plain(series.change().abs()), plain(series.baseline()),
                    DAY.format(firstDate), plain(series.latest()), DAY.format(scored.get(scored.size() - 1).date()));
        }
        return text(key, plain(series.change().abs()), plain(series.baseline()), DAY.format(firstDate));
    }

    String mode(String mode) {
        return mode(mode, false);
    }

    /** How a response was filled in; to the person, in the second person ("Filled in by you"). */
    String mode(String mode, boolean toThePerson) {
        return text("measures.mode." + mode + (toThePerson ? ".own" : ""));
    }

    /** Who fills in a scheduled questionnaire; to the person, in the second person ("You, from your account"). */
    String completion(String completion, boolean toThePerson) {
        return text("measures.completion." + completion + (toThePerson ? ".own" : ""));
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(java.time.ZoneId.of("Europe/London")));
    }

    static String dayTime(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(java.time.ZoneId.of("Europe/London")))
                .replace("AM", "am").replace("PM", "pm");
    }
}
