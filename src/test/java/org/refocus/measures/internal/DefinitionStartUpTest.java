package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What start-up does with a definition file that differs from the stored version: an answered version
 * stops the start-up (it may only be superseded); one nobody has answered is updated.
 */
@SpringBootTest
class DefinitionStartUpTest extends DatabaseTest {

    @Autowired
    InstrumentLibrary library;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aChangedDefinitionOfAnAnsweredVersionStopsTheStartUp() {
        List<InstrumentLibrary.DefinitionFile> files = InstrumentLibrary.definitionFiles().stream()
                .map(f -> f.definition().code().equals("qpr-15")
                        ? new InstrumentLibrary.DefinitionFile(f.definition(), f.json().replace("\"decimals\": 0", "\"decimals\": 1"))
                        : f)
                .toList();
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> library.synchronise(files)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qpr-15 v1 has been answered, so it is never edited");
        assertThat(jdbc.sql("select definition->'scores'->0->>'decimals' from instrument_version where code = 'qpr-15'")
                .query(String.class).single()).isEqualTo("0");
    }

    @Test
    void markingAnAnsweredVersionSupersededIsAllowedAndAnUnansweredOneMayStillChange() {
        assertThat(jdbc.sql("select count(*) from measure_response r join instrument_version v on v.id = "
                + "r.instrument_version_id where v.code = 'dialog'").query(Long.class).single()).isZero();
        List<InstrumentLibrary.DefinitionFile> files = InstrumentLibrary.definitionFiles().stream()
                .map(f -> switch (f.definition().code()) {
                    case "dialog" -> new InstrumentLibrary.DefinitionFile(f.definition(),
                            f.json().replaceFirst("\"title\": \"", "\"title\": \"(corrected) "));
                    case "qpr-15" -> new InstrumentLibrary.DefinitionFile(f.definition(),
                            f.json().replaceFirst("\\{", "{\"superseded\": false, "));
                    default -> f;
                })
                .toList();
        transaction.executeWithoutResult(s -> library.synchronise(files));
        assertThat(jdbc.sql("select definition->>'title' from instrument_version where code = 'dialog'")
                .query(String.class).single()).startsWith("(corrected) ");
        transaction.executeWithoutResult(s -> library.synchronise(InstrumentLibrary.definitionFiles()));
        assertThat(jdbc.sql("select definition->>'title' from instrument_version where code = 'dialog'")
                .query(String.class).single()).doesNotStartWith("(corrected)");
    }
}
