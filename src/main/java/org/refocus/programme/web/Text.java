package org.refocus.programme.web;

import java.util.List;
import java.util.Locale;
import org.refocus.shared.Option;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Resolves the module's message keys for labels built in controllers. */
@Component
class Text {

    private final MessageSource messages;

    Text(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.UK);
    }

    <E extends Enum<E>> List<Option> options(E[] values, String prefix) {
        return Option.ofEnum(values, prefix, messages);
    }

    Option none() {
        return Option.none(messages);
    }

    MessageSource source() {
        return messages;
    }

    /** A refused input's message arguments as people read them: dates as "1 March 2026". */
    static Object[] args(org.refocus.programme.internal.InvalidInputException e) {
        return java.util.Arrays.stream(e.args())
                .map(a -> a instanceof java.time.LocalDate date ? day(date) : a).toArray();
    }

    static String day(java.time.LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }
}
