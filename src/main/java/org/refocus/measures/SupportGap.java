package org.refocus.measures;

import java.time.LocalDate;

/**
 * An INSPIRE support item the person said matters to them but rated as poorly supported, from their
 * latest completed INSPIRE. Meant to be shown beside their goals, as a prompt for the next conversation.
 *
 * @param process     the CHIME recovery process the item belongs to, for example "Hope"
 * @param wording     the item's wording as the person saw it (licensed content: show {@code copyright} with it)
 * @param demoWording true when the wording is placeholder demo text, not the instrument's
 * @param rating      the person's rating of their worker's support, {@code 0..maximumRating}
 */
public record SupportGap(long responseId, LocalDate answeredOn, String itemKey, String process, String wording,
        boolean demoWording, String copyright, int rating, int maximumRating) {
}
