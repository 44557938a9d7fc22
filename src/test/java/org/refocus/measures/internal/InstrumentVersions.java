package org.refocus.measures.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.InstrumentDefinitionParser;
import org.refocus.measures.instrument.ScoreResult;
import org.refocus.measures.instrument.Scoring;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For tests: instrument versions other than the shipped ones, stored as start-up stores definitions,
 * and completed responses answered on them. A test that uses them changes the library of its
 * application context, so it runs in a context of its own ({@code @DirtiesContext}).
 */
final class InstrumentVersions {

    private InstrumentVersions() {
    }

    /** The shipped definition file of {@code code}. */
    static InstrumentLibrary.DefinitionFile shipped(String code) {
        return InstrumentLibrary.definitionFiles().stream().filter(f -> f.definition().code().equals(code))
                .findFirst().orElseThrow();
    }

    /** Another version made from a definition file's text by {@code edit}, parsed and so checked. */
    static InstrumentLibrary.DefinitionFile edited(InstrumentLibrary.DefinitionFile file, UnaryOperator<String> edit) {
        String json = edit.apply(file.json());
        return new InstrumentLibrary.DefinitionFile(InstrumentDefinitionParser.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "edited-" + file.definition().code()),
                json);
    }

    /** Stores these definition files as start-up would, in place of the shipped ones. */
    static void synchronise(InstrumentLibrary library, TransactionTemplate transaction,
            List<InstrumentLibrary.DefinitionFile> files) {
        transaction.executeWithoutResult(s -> library.synchronise(files));
    }

    /** The shipped definition files with {@code more} added. */
    static List<InstrumentLibrary.DefinitionFile> shippedAnd(InstrumentLibrary.DefinitionFile... more) {
        List<InstrumentLibrary.DefinitionFile> files = new ArrayList<>(InstrumentLibrary.definitionFiles());
        files.addAll(List.of(more));
        return files;
    }

    static long versionId(JdbcClient jdbc, String code, String version) {
        return jdbc.sql("select id from instrument_version where code = ? and version = ?").params(code, version)
                .query(Long.class).single();
    }

    /** A completed response to {@code d} (stored as {@code versionId}), given in a session, scored by its rules. */
    static long store(JdbcClient jdbc, long person, long versionId, InstrumentDefinition d,
            Map<String, Integer> answers, Instant completedAt) {
        ScoreResult result = Scoring.score(d, answers);
        return jdbc.sql("""
                insert into measure_response (person_id, team_id, instrument_code, instrument_version_id, scoring_version_id,
                    mode, status, answers, score_values, score_absences, complete, started_at, completed_at)
                select p.id, p.team_id, ?, ?, ?, 'STAFF_ADMINISTERED', 'COMPLETED', cast(? as smallint[]),
                       cast(? as numeric[]), cast(? as text[]), ?, ?, ?
                from person p where p.id = ? returning id""")
                .params(d.code(), versionId, versionId, ResponseCodec.answers(d, answers), ResponseCodec.values(result),
                        ResponseCodec.absences(result), result.complete(), Timestamp.from(completedAt),
                        Timestamp.from(completedAt), person)
                .query(Long.class).single();
    }
}
