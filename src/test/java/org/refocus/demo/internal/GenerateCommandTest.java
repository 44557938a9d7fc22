package org.refocus.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.people.NhsNumber;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The synthetic generator: volume, determinism, progress, and plain refusals of bad options. */
@SpringBootTest
class GenerateCommandTest extends DatabaseTest {

    @Autowired
    GenerateCommand command;

    @Autowired
    JdbcClient jdbc;

    @Test
    void generatesTeamsStaffAndPeopleDeterministicallyFromTheSeedWithProgress() {
        long before = jdbc.sql("select coalesce(max(id), 0) from person").query(Long.class).single();
        Run first = run("--teams", "3", "--people", "100", "--seed", "42");
        assertThat(first.exitCode).isZero();
        assertThat(first.err).contains("100 of 100 people (100%)");
        List<String> firstNames = namesAfter(before);
        assertThat(firstNames).hasSize(100);

        long middle = jdbc.sql("select max(id) from person").query(Long.class).single();
        assertThat(run("--teams", "3", "--people", "100", "--seed", "42").exitCode).isZero();
        assertThat(namesAfter(middle)).isEqualTo(firstNames);

        assertThat(jdbc.sql("select count(*) from person where id > ? and care_coordinator_id is null")
                .param(before).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select nhs_number from person where id > ?").param(before).query(String.class).list())
                .allSatisfy(n -> assertThat(NhsNumber.isValid(n)).isTrue()).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'synthetic_data'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void refusesMissingOrNonNumericOptionsWithOneClearLine() {
        Run missing = run("--teams", "3");
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err).startsWith("generate: --teams and --people are required");
        Run words = run("--teams", "three", "--people", "10");
        assertThat(words.exitCode).isEqualTo(2);
        assertThat(words.err).contains("--teams needs a whole number, not 'three'");
    }

    private List<String> namesAfter(long id) {
        return jdbc.sql("select given_name || ' ' || family_name from person where id > ? order by id").param(id)
                .query(String.class).list();
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String out, String err) {
    }
}
