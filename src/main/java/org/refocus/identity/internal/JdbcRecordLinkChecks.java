package org.refocus.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.RecordLinkChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcRecordLinkChecks implements RecordLinkChecks {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    JdbcRecordLinkChecks(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public boolean confirm(long accountId, long personId) {
        int rows = jdbc.sql("update account set person_confirmed_at = now(), updated_at = now(), updated_by = ?, "
                        + "version = version + 1 where id = ? and person_id = ? and person_confirmed_at is null")
                .params(accountId, accountId, personId).update();
        if (rows == 1) {
            audit.record(AuditAction.CHANGED, "account", accountId, personId, "the account holder said this record is theirs");
        }
        return rows == 1;
    }

    @Override
    public boolean refuse(long accountId, long personId) {
        int rows = jdbc.sql("update account set person_id = null, person_confirmed_at = null, person_refused_at = now(), "
                        + "updated_at = now(), updated_by = ?, version = version + 1 where id = ? and person_id = ?")
                .params(accountId, accountId, personId).update();
        if (rows == 1) {
            audit.record(AuditAction.CHANGED, "account", accountId, personId,
                    "the account holder said this record is not theirs; person link removed");
        }
        return rows == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> refusedAt(long accountId) {
        return jdbc.sql("select person_refused_at from account where id = ? and person_id is null "
                        + "and person_refused_at is not null")
                .param(accountId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }
}
