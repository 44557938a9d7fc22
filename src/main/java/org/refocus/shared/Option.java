package org.refocus.shared;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/** One choice in a select, radio or checkbox group: the submitted value and the resolved label. */
public record Option(String value, String label) {

    /** A leading "choose one" entry with an empty value. */
    public static Option none(MessageSource messages) {
        return new Option("", messages.getMessage("option.choose", null, Locale.UK));
    }

    /** Options for enum constants, labelled by the message key {@code prefix + name()}. */
    public static <E extends Enum<E>> List<Option> ofEnum(E[] values, String prefix, MessageSource messages) {
        return java.util.Arrays.stream(values)
                .map(v -> new Option(v.name(), messages.getMessage(prefix + v.name(), null, v.name(), Locale.UK)))
                .toList();
    }

    public static <T> List<Option> of(List<T> items, Function<T, Object> value, Function<T, String> label) {
        return items.stream().map(i -> new Option(String.valueOf(value.apply(i)), label.apply(i))).toList();
    }
}
