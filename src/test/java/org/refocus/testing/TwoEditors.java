package org.refocus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Two people edit the same record: the other person has already saved, and this person's save, made from the
 * version they opened, is refused. The form comes back (200) with an error summary, what the other person saved
 * (the {@code newerVersion} inset), this person's typed values still in the fields, and the current version in
 * its hidden field, so that saving that page again goes through.
 */
public final class TwoEditors {

    private TwoEditors() {
    }

    /**
     * Posts {@code mine} with the stale version {@code opened}, checks the page shown, then posts it again with
     * the version that page carries and expects the save to go through (a redirect).
     *
     * @param mine     this person's save, given the version their form carries
     * @param opened   the version this person opened the form at
     * @param current  the record's version now, after the other person's save
     * @param theirs   what the "what the other person saved" inset must say
     * @param typed    HTML that shows this person's typed value kept in its field, e.g. {@code value="New name"}
     * @return the page shown after the refused save
     */
    public static String staleSaveShowsTheirsThenSavingAgainWorks(MockMvc mvc, IntFunction<RequestBuilder> mine,
            int opened, int current, String theirs, String typed) throws Exception {
        return staleSaveShowsTheirsThenSavingAgainWorks(mvc, "version", mine, opened, current, theirs, typed);
    }

    /** As above, for a form whose hidden version field is called {@code versionField}. */
    public static String staleSaveShowsTheirsThenSavingAgainWorks(MockMvc mvc, String versionField,
            IntFunction<RequestBuilder> mine, int opened, int current, String theirs, String typed) throws Exception {
        assertThat(opened).as("the other person's save made a newer version").isNotEqualTo(current);
        MockHttpServletResponse refused = mvc.perform(mine.apply(opened)).andReturn().getResponse();
        assertThat(refused.getStatus()).as("the form is shown again").isEqualTo(200);
        String page = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("nhsuk-error-summary").contains("shown below")
                .doesNotContainIgnoringCase("reload the page");
        assertThat(newer(page)).contains(theirs);
        assertThat(page).as("the error summary links to what they saved").contains("<a href=\"#newer\"");
        assertThat(page).contains(typed);
        int carried = formVersion(page, versionField);
        assertThat(carried).as("the hidden version is the current one").isEqualTo(current);
        MockHttpServletResponse saved = mvc.perform(mine.apply(carried)).andReturn().getResponse();
        assertThat(saved.getStatus()).as("saving the page again goes through").isEqualTo(302);
        return page;
    }

    /** What row {@code id} of {@code table} holds now in {@code column} (an SQL expression), as text. */
    public static String saved(JdbcClient jdbc, String table, String column, long id) {
        return jdbc.sql("select (" + column + ")::text from " + table + " where id = ?").param(id)
                .query(String.class).single();
    }

    /** The version row {@code id} of {@code table} has now. */
    public static int version(JdbcClient jdbc, String table, long id) {
        return Integer.parseInt(saved(jdbc, table, "version", id));
    }

    /** The text of the "what the other person saved" inset, with its markup. */
    public static String newer(String page) {
        int start = page.indexOf("id=\"newer\"");
        assertThat(start).as("the page shows what the other person saved").isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }

    /** The version the page's form carries in its hidden field {@code field}. */
    public static int formVersion(String page, String field) {
        Matcher m = Pattern.compile("name=\"" + field + "\" value=\"(-?\\d+)\"").matcher(page);
        assertThat(m.find()).as("the form carries a " + field).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
