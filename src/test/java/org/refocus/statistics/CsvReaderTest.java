package org.refocus.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static Dataset read(String text) throws IOException {
        return CsvReader.read(new StringReader(text), "test.csv");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        Dataset data = read("\uFEFFname,\"score\"\r\n\"Smith, J\",1.5\r\n\"say \"\"hi\"\"\",2\r\n\"two\nlines\",3e2\r\n");
        assertEquals(List.of("name", "score"), data.columnNames());
        assertEquals(3, data.rowCount());
        assertEquals("Smith, J", data.label("name", 0));
        assertEquals("say \"hi\"", data.label("name", 1));
        assertEquals("two\nlines", data.label("name", 2));
        assertArrayEquals(new double[] {1.5, 2, 300}, data.numeric("score"));
    }

    @Test
    void treatsEmptyFieldsAndNaAsMissingAndCountsThem() throws IOException {
        Dataset data = read("team,y,site\n1,NA,A\n1,2,\n2,,\"NA\"\n2,4,B\n");
        assertTrue(data.isNumeric("y"));
        assertEquals(2, data.missingCount("y"));
        assertEquals(2, data.missingCount("site"));
        assertEquals(0, data.missingCount("team"));
        assertTrue(Double.isNaN(data.numeric("y")[0]));
        assertEquals(null, data.label("site", 1));
    }

    @Test
    void decidesColumnTypesByContentAsReadCsvDoes() throws IOException {
        Dataset data = read("id,code,mixed\n\"308\",A1,1\n\"309\",B2,x\n");
        assertTrue(data.isNumeric("id"), "quoted numbers are still numbers");
        assertEquals("308", data.label("id", 0));
        assertFalse(data.isNumeric("code"));
        assertFalse(data.isNumeric("mixed"));
    }

    @Test
    void skipsBlankLinesAndAcceptsAMissingFinalLineBreak() throws IOException {
        Dataset data = read("a,b\n1,2\n\n3,4");
        assertEquals(2, data.rowCount());
        assertArrayEquals(new double[] {2, 4}, data.numeric("b"));
    }

    @Test
    void refusesRaggedRowsDuplicateNamesAndUnclosedQuotes() {
        assertTrue(assertThrows(InvalidDataException.class, () -> read("a,b\n1\n")).getMessage()
                .contains("line 2 has 1 fields"));
        assertTrue(assertThrows(InvalidDataException.class, () -> read("a,a\n1,2\n")).getMessage()
                .contains("appears twice"));
        assertTrue(assertThrows(InvalidDataException.class, () -> read("a,b\n\"1,2\n")).getMessage()
                .contains("never closed"));
        assertTrue(assertThrows(InvalidDataException.class, () -> read("")).getMessage().contains("empty"));
    }
}
