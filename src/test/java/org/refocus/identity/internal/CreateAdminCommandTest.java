package org.refocus.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.identity.Accounts;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CreateAdminCommandTest extends DatabaseTest {

    @Autowired
    CreateAdminCommand command;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void invitesAnAdministratorAndPrintsTheirOneTimeLinkButNoPassword() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = command.run(List.of("--username", "First.Admin", "--name", "First Admin", "--url",
                "https://refocus.example.nhs.uk/"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("https://refocus.example.nhs.uk/account/activate/");
        String token = printed.substring(printed.lastIndexOf('/') + 1).trim();
        assertThat(accounts.invitationUsable(token)).isTrue();
        assertThat(jdbc.sql("select role || ' ' || status from account where username = 'first.admin'")
                .query(String.class).single()).isEqualTo("ADMIN INVITED");
    }

    @Test
    void refusesATakenUsernameAndBadUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(command.run(List.of("--username", "admin", "--name", "Again"), System.out, errors)).isEqualTo(2);
        assertThat(command.run(List.of("--username", "x"), System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already taken").contains("usage: create-admin");
    }
}
