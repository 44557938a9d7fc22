package org.refocus.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A corrected scoring rule published as a new version that supersedes the old one: every response
 * answered on the old version is scored again under the new rules, stays traceable to the version it
 * was answered on, and each change is kept with its reason and audited.
 */
@SpringBootTest
@WithUserDetails("admin")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RescoringOntoNewerVersionTest extends DatabaseTest {

    private static final String REASON = "QPR-15 version 2 gives a total when one item is missing";

    @Autowired
    InstrumentLibrary library;

    @Autowired
    Rescoring rescoring;

    @Autowired
    MeasureResponses responses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    UserDetailsService users;

    @Test
    void responsesAnsweredOnTheOldVersionAreScoredWithTheNewRulesAndEachChangeIsKept() {
        long v1 = library.current("qpr-15").id();
        InstrumentDefinition old = library.version(v1).definition();
        long person = jdbc.sql("select p.id from person p join team t on t.id = p.team_id where t.name like 'Riverside%' "
                + "order by p.id limit 1").query(Long.class).single();
        Map<String, Integer> all = answers(old, 15);
        Map<String, Integer> oneMissing = answers(old, 14);
        long complete = store(person, v1, old, all);
        long missing = store(person, v1, old, oneMissing);
        assertThat(asCoordinator(missing).scores().get("total").value()).isNull();

        long v2 = publishVersion2();
        assertThat(v2).isNotEqualTo(v1);
        Rescoring.Outcome outcome = rescoring.rescore(v1, v2, REASON);

        assertThat(outcome.rescored()).isEqualTo(outcome.examined());
        assertThat(outcome.valuesChanged()).isGreaterThanOrEqualTo(1);
        // 14 answers of 3 sum to 42; prorated to 15 items that is 45. The complete one keeps its 45.
        ResponseView nowMissing = asCoordinator(missing);
        assertThat(nowMissing.scores().get("total").value()).isEqualByComparingTo("45");
        assertThat(nowMissing.scores().get("total").prorated()).isTrue();
        assertThat(nowMissing.scoringVersionId()).isEqualTo(v2);
        assertThat(nowMissing.versionId()).as("still traceable to the version it was answered on").isEqualTo(v1);
        assertThat(nowMissing.answers()).isEqualTo(oneMissing);
        assertThat(asCoordinator(complete).scores().get("total").value()).isEqualByComparingTo("45");

        assertThat(jdbc.sql("""
                select from_scoring_version_id || '>' || to_scoring_version_id || ' ' || (old_scores->'total'->>'absence')
                       || ' -> ' || (new_scores->'total'->>'value') || ' ' || reason
                from measure_rescore where response_id = ?""").param(missing).query(String.class).single())
                .isEqualTo(v1 + ">" + v2 + " ITEMS_MISSING -> 45 " + REASON);
        // The complete response's value did not change, but the rules it was scored by did: that is kept too.
        assertThat(jdbc.sql("select count(*) from measure_rescore where response_id = ? and to_scoring_version_id = ?")
                .params(complete, v2).query(Long.class).single()).isEqualTo(1);
        for (long id : List.of(complete, missing)) {
            assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'measure_response' "
                    + "and record_id = ? and action = 'CHANGED' and person_id = ?")
                    .params(Long.toString(id), person).query(Long.class).single()).isEqualTo(1);
        }

        // Doing it again changes nothing more.
        Rescoring.Outcome again = rescoring.rescore(v1, v2, REASON);
        assertThat(again.rescored()).isZero();
        assertThat(jdbc.sql("select count(*) from measure_rescore where response_id = ?").param(missing)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherInstrumentsVersionCannotScoreTheseAnswers() {
        long qpr = library.current("qpr-15").id();
        long wemwbs = library.current("wemwbs").id();
        assertThatThrownBy(() -> rescoring.rescore(qpr, wemwbs, "wrong instrument"))
                .isInstanceOf(org.refocus.shared.NotFoundException.class);
    }

    /** Publishes QPR-15 version 2 (one missing item prorated) and marks version 1 superseded. */
    private long publishVersion2() {
        List<InstrumentLibrary.DefinitionFile> files = new ArrayList<>();
        for (InstrumentLibrary.DefinitionFile file : InstrumentLibrary.definitionFiles()) {
            if (!file.definition().code().equals("qpr-15")) {
                files.add(file);
                continue;
            }
            files.add(InstrumentVersions.edited(file, json -> json.replaceFirst("\\{", "{\"superseded\": true, ")));
            InstrumentLibrary.DefinitionFile v2 = InstrumentVersions.edited(file, json -> json
                    .replace("\"version\": \"1\"", "\"version\": \"2\"")
                    .replace("\"missingData\": {\"mode\": \"COMPLETE_ITEMS_ONLY\"}",
                            "\"missingData\": {\"mode\": \"PRORATE\", \"maxMissingItems\": 1}"));
            assertThat(v2.json()).contains("\"version\": \"2\"").contains("PRORATE");
            files.add(v2);
        }
        InstrumentVersions.synchronise(library, transaction, files);
        return InstrumentVersions.versionId(jdbc, "qpr-15", "2");
    }

    /** The response as the person's care coordinator sees it (an administrator has no one on a caseload). */
    private ResponseView asCoordinator(long responseId) {
        SecurityContext admin = SecurityContextHolder.getContext();
        UserDetails coordinator = users.loadUserByUsername("coordinator");
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(coordinator, null,
                coordinator.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return responses.find(responseId);
        } finally {
            SecurityContextHolder.setContext(admin);
        }
    }

    /** Every item answered 3, for the first {@code count} items. */
    private static Map<String, Integer> answers(InstrumentDefinition d, int count) {
        Map<String, Integer> answers = new HashMap<>();
        d.items().stream().limit(count).forEach(item -> answers.put(item.key(), 3));
        return answers;
    }

    private long store(long person, long versionId, InstrumentDefinition d, Map<String, Integer> answers) {
        return InstrumentVersions.store(jdbc, person, versionId, d, answers, java.time.Instant.now());
    }
}
