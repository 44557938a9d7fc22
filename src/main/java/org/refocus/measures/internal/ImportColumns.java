package org.refocus.measures.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.people.NhsNumber;

/**
 * Which column of an import's CSV holds what, from its header row, and the checks of one row's person,
 * second identifier and date. Messages name columns and codes, never what a person's record holds.
 */
record ImportColumns(int count, int personIndex, boolean byNhsNumber, int dateIndex, int birthIndex,
        Item[] items, int[] itemIndexes, boolean[] unnamed, String problem) {

    private static final Pattern ISO_SHAPED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}");

    static ImportColumns of(List<String> header, InstrumentDefinition d) {
        Map<String, Integer> index = new HashMap<>();
        List<String> problems = new ArrayList<>();
        // A spreadsheet set to another list separator writes one long column.
        String only = header.size() == 1 && header.get(0) != null ? header.get(0) : "";
        if (only.contains(";") || only.contains("\t")) {
            return new ImportColumns(1, -1, false, -1, -1, new Item[0], new int[0], new boolean[1],
                    "The columns are separated by " + (only.contains(";") ? "semicolons" : "tabs") + ", not commas. In "
                            + "your spreadsheet, save the file as \"CSV UTF-8 (comma delimited)\" and import that.");
        }
        // Spreadsheets save formatted but empty columns with no heading; such a column is left out (a value
        // in it is a row problem, see shapeProblem).
        boolean[] unnamed = new boolean[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty() && header.get(i) != null) {
                unnamed[i] = true;
                continue;
            }
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
                index.getOrDefault("date_of_birth", -1), items, indexes, unnamed,
                problems.isEmpty() ? null : String.join(" ", problems));
    }

    /**
     * Why a row's values cannot be matched to the header's columns, or null. Blank values beyond the header's
     * last column, and unnamed columns left off the end of a row, are what spreadsheets write and are allowed.
     */
    String shapeProblem(List<String> row) {
        for (int i = count; i < row.size(); i++) {
            if (row.get(i) == null || !row.get(i).isBlank()) {
                return "This row has " + row.size() + " values; the header has " + count + ".";
            }
        }
        for (int i = row.size(); i < count; i++) {
            if (!unnamed[i]) {
                return "This row has " + row.size() + " values; the header has " + count + ".";
            }
        }
        for (int i = 0; i < Math.min(count, row.size()); i++) {
            if (unnamed[i] && (row.get(i) == null || !row.get(i).isBlank())) {
                return "Column " + (i + 1) + " has a value but no heading. Add its heading to the header row, or "
                        + "clear the column.";
            }
        }
        return null;
    }

    /** A row with no value at all: a blank line, or a cleared spreadsheet row saved as commas. */
    static boolean isEmpty(List<String> row) {
        for (String value : row) {
            if (value == null || !value.isBlank()) {
                return false;
            }
        }
        return true;
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
            check.add("date_of_birth", notADate("date_of_birth", text, "1980-07-14", false));
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
            check.add("completed_on", notADate("completed_on", text, "2025-03-31", true));
            return null;
        }
    }

    /**
     * Why a date cell could not be read, saying what to do: a yyyy-mm-dd date that is not in the calendar
     * (30 February) is told apart from a date written with slashes or dots, as spreadsheets save UK dates,
     * which is never guessed at (day and month could be read the wrong way round). {@code echo}: whether
     * the value may be repeated in the report (not a date of birth).
     */
    private static String notADate(String column, String text, String example, boolean echo) {
        String value = text == null ? "" : text.strip();
        if (ISO_SHAPED.matcher(value).matches()) {
            return column + (echo ? " " + value : "") + " is not a date in the calendar. Check the day and the month.";
        }
        if (DAY_MONTH_YEAR.matcher(value).matches()) {
            return column + " is written with slashes or dots" + (echo ? " (" + value + ")" : "") + ". Write it as "
                    + "yyyy-mm-dd, for example " + example + ", so that no day and month can be read the wrong way "
                    + "round. In a spreadsheet, format the column as yyyy-mm-dd before saving the file as CSV.";
        }
        return column + " must be a date written as yyyy-mm-dd, for example " + example + ".";
    }

    /**
     * Text from the file, as it is told back in a message: at most 12 characters, and control characters
     * (a NUL from a binary file cannot even be stored) shown as '?'.
     */
    static String shorten(String text) {
        String shown = text.length() <= 12 ? text : text.substring(0, 12) + "…";
        StringBuilder visible = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> visible.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return visible.toString();
    }

    /** A header that is not UTF-8 text: a binary file (a NUL) or another encoding (bytes UTF-8 cannot read). */
    static boolean notUtf8Text(List<String> header) {
        for (String name : header) {
            if (name != null && (name.indexOf('\0') >= 0 || name.indexOf('\uFFFD') >= 0)) {
                return true;
            }
        }
        return false;
    }
}
