package org.refocus.measures.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.people.NhsNumber;

/**
 * Which column of an import's CSV holds what, from its header row, and the checks of one row's person,
 * second identifier and date. Messages name columns and codes, never what a person's record holds.
 */
record ImportColumns(int count, int personIndex, boolean byNhsNumber, int dateIndex, int birthIndex,
        Item[] items, int[] itemIndexes, String problem) {

    static ImportColumns of(List<String> header, InstrumentDefinition d) {
        Map<String, Integer> index = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (index.putIfAbsent(name, i) != null) {
                problems.add("Column '" + shorten(name) + "' appears twice.");
            }
        }
        boolean byPerson = index.containsKey("person_id");
        boolean byNhs = index.containsKey("nhs_number");
        if (byPerson == byNhs) {
            problems.add("The header needs exactly one of the columns person_id or nhs_number.");
        }
        if (!index.containsKey("completed_on")) {
            problems.add("The header needs a completed_on column (dates as yyyy-mm-dd).");
        }
        if (byPerson && !byNhs && !index.containsKey("date_of_birth")) {
            problems.add("With person_id, add a date_of_birth column (yyyy-mm-dd), so that a mistyped record "
                    + "number cannot put someone's answers on another person's record. Or name people by nhs_number.");
        }
        Set<String> known = new HashSet<>(List.of("person_id", "nhs_number", "completed_on", "date_of_birth"));
        Item[] items = new Item[d.items().size()];
        int[] indexes = new int[items.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            Item item = d.items().get(i);
            items[i] = item;
            known.add(item.key());
            Integer at = index.get(item.key());
            if (at == null) {
                missing.add(item.key());
            } else {
                indexes[i] = at;
            }
        }
        if (!missing.isEmpty()) {
            problems.add("Columns missing for items " + String.join(", ", missing.subList(0, Math.min(5,
                    missing.size()))) + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : "")
                    + ". Every item of " + d.reference() + " needs a column; leave cells blank for skipped questions.");
        }
        index.keySet().stream().filter(k -> !known.contains(k)).sorted().limit(5)
                .forEach(k -> problems.add("Column '" + shorten(k) + "' is not an item of " + d.reference() + "."));
        return new ImportColumns(header.size(), byPerson ? index.getOrDefault("person_id", -1)
                : index.getOrDefault("nhs_number", -1), byNhs && !byPerson, index.getOrDefault("completed_on", -1),
                index.getOrDefault("date_of_birth", -1), items, indexes,
                problems.isEmpty() ? null : String.join(" ", problems));
    }

    Long person(List<String> row, ResponseImports.Reach reach, RowCheck check) {
        String text = row.get(personIndex);
        Long personId = null;
        if (text != null && !text.isBlank()) {
            if (byNhsNumber) {
                personId = reach.personOfNhsNumber().get(NhsNumber.normalise(text));
            } else {
                try {
                    personId = Long.parseLong(text.strip());
                } catch (NumberFormatException e) {
                    personId = null;
                }
                if (personId != null && !reach.teamOfPerson().containsKey(personId)) {
                    personId = null;
                }
            }
        }
        if (personId == null) {
            check.add(byNhsNumber ? "nhs_number" : "person_id", "No one with this "
                    + (byNhsNumber ? "NHS number" : "person_id") + " is on the caseloads of your teams.");
        }
        return personId;
    }

    /**
     * The second identifier: when the file gives date_of_birth, it must match the person's record.
     * Nothing about the record is told back, only that the two do not match.
     */
    void checkBirthDate(List<String> row, Long personId, ResponseImports.Reach reach, RowCheck check) {
        if (birthIndex < 0 || personId == null) {
            return;
        }
        String text = row.get(birthIndex);
        LocalDate given;
        try {
            given = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            check.add("date_of_birth", "date_of_birth must be a date written as yyyy-mm-dd, for example 1980-07-14.");
            return;
        }
        LocalDate recorded = reach.birthDateOfPerson().get(personId);
        if (recorded == null) {
            check.add("date_of_birth", "This person's record has no date of birth to check against. Add it to "
                    + "their record, or name them by nhs_number.");
        } else if (!recorded.equals(given)) {
            check.add("date_of_birth", "date_of_birth does not match the record of this person. Check both the "
                    + (byNhsNumber ? "NHS number" : "person_id") + " and the date.");
        }
    }

    LocalDate completedOn(List<String> row, LocalDate today, RowCheck check) {
        String text = row.get(dateIndex);
        try {
            LocalDate date = LocalDate.parse(text == null ? "" : text.strip());
            if (date.isAfter(today)) {
                check.add("completed_on", "completed_on is in the future.");
            } else if (date.getYear() < 1990) {
                check.add("completed_on", "completed_on is before 1990.");
            }
            return date;
        } catch (DateTimeParseException e) {
            check.add("completed_on", "completed_on must be a date written as yyyy-mm-dd, for example 2025-03-31.");
            return null;
        }
    }

    static String shorten(String text) {
        return text.length() <= 12 ? text : text.substring(0, 12) + "…";
    }
}
