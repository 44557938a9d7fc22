package org.refocus.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * H-16: the database itself keeps the audit trail append-only, twice over. The application's role has no
 * right to change or delete entries; and even the owner of the table, who has every right, is refused by
 * its triggers. Each attempt runs in a transaction that is rolled back, so that a missing guard fails this
 * test without emptying the trail the other tests sharing this database read.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailAppendOnlyTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditTrail audit;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void anEntryCanBeAddedButNeverChanged() {
        long id = newEntry();
        Map<String, Object> before = entry(id);

        assertRefused("UPDATE", "update audit_entry set detail = 'altered', actor_username = 'someone' where id = ?", id);
        assertRefused("UPDATE", "update audit_entry set detail = detail");

        assertThat(entry(id)).isEqualTo(before);
    }

    @Test
    void noEntryCanBeDeletedOrTheTrailEmptied() {
        long id = newEntry();
        long count = count();

        assertRefused("DELETE", "delete from audit_entry where id = ?", id);
        assertRefused("DELETE", "delete from audit_entry");
        assertRefused("TRUNCATE", "truncate audit_entry");

        assertThat(count()).isEqualTo(count);
        assertThat(entry(id)).isNotEmpty();
    }

    private long newEntry() {
        transaction.executeWithoutResult(status -> audit.recordFor("append-only-test", null, AuditAction.VIEWED,
                AuditOutcome.ALLOWED, "test_record", 1, "appended"));
        return jdbc.sql("select max(id) from audit_entry where actor_username = 'append-only-test'")
                .query(Long.class).single();
    }

    private void assertRefused(String operation, String sql, Object... params) {
        Throwable refused = catchThrowable(() -> transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql(sql).params(params).update();
        }));
        assertThat(refused).as(sql).isInstanceOf(DataAccessException.class);
        assertThat(refused.getCause()).as(sql).hasMessageContaining("permission denied for table audit_entry");

        String url = environment.getRequiredProperty("spring.datasource.url");
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            owner.setAutoCommit(false);
            try (var statement = owner.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                Throwable byOwner = catchThrowable(statement::executeUpdate);
                assertThat(byOwner).as("as the owner: " + sql).isInstanceOf(java.sql.SQLException.class)
                        .hasMessageContaining("audit_entry is append-only: " + operation + " refused");
            } finally {
                owner.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> entry(long id) {
        return jdbc.sql("select * from audit_entry where id = ?").param(id).query().singleRow();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }
}
