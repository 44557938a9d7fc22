package org.refocus.measures.web;

import java.util.List;

/**
 * One score as a page shows it.
 *
 * @param value      the latest value, or null when absent
 * @param absentText why there is no value (plain words), or null
 * @param reason     the scoring rule's own reason, for staff
 * @param change     change since the first result, or null
 * @param chart      null when no response is scored the way the current version scores it
 * @param scoredDifferently the person's responses left out of the chart and table, each with a link (H-08)
 */
record ScoreLine(String key, String label, String value, String range, String meaning, String notMeaning,
        String absentText, String reason, String change, Chart chart, List<Row> rows,
        List<Link> scoredDifferently) {

    /** One row of the data table that goes with a chart. */
    record Row(Long responseId, String date, String value, String note) {
    }

    /** A response's own page, named by the questionnaire and the day it was completed. */
    record Link(long responseId, String text) {
    }
}
