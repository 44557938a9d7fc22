package org.refocus.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.AccountStatus;
import org.refocus.identity.AccountView;
import org.refocus.identity.Accounts;
import org.refocus.identity.Invitation;
import org.refocus.identity.NewAccount;
import org.refocus.identity.Role;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.PageOf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcAccounts implements Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = "select id, username, display_name, email, role, status, person_id, version "
            + "from account";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final Organisations organisations;
    private final SessionTerminator sessions;
    private final Duration invitationValidity;

    JdbcAccounts(JdbcClient jdbc, AuditTrail audit, PasswordEncoder passwords, Organisations organisations,
            SessionTerminator sessions, @Value("${refocus.security.invitation-validity}") Duration invitationValidity) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.passwords = passwords;
        this.organisations = organisations;
        this.sessions = sessions;
        this.invitationValidity = invitationValidity;
    }

    @Override
    @Transactional(readOnly = true)
    public PageOf<AccountView> find(String search, int page, int size) {
        String pattern = search == null || search.isBlank() ? "%" : "%" + escapeLike(search.trim().toLowerCase()) + "%";
        String where = " where lower(username) like ? or lower(display_name) like ?";
        long total = jdbc.sql("select count(*) from account" + where).params(pattern, pattern).query(Long.class).single();
        List<Row> rows = jdbc.sql(SELECT + where + " order by lower(display_name), id limit ? offset ?")
                .params(pattern, pattern, size, (long) page * size).query(Row.class).list();
        return new PageOf<>(withTeams(rows), page, size, total);
    }

    @Override
    @Transactional(readOnly = true)
    public AccountView account(long id) {
        Row row = jdbc.sql(SELECT + " where id = ?").param(id).query(Row.class).optional()
                .orElseThrow(() -> new NotFoundException("account"));
        return withTeams(List.of(row)).get(0);
    }

    @Override
    public Invitation invite(NewAccount a) {
        checkPersonLink(a.role(), a.personId(), null);
        checkTeams(a.teamIds());
        Long actor = AuthenticatedActor.currentAccountId();
        String token = newToken();
        Instant expires = Instant.now().plus(invitationValidity);
        long id;
        try {
            id = jdbc.sql("""
                    insert into account (username, display_name, email, role, status, invitation_token_hash,
                                         invitation_expires_at, person_id, created_by, updated_by)
                    values (?, ?, ?, ?, 'INVITED', ?, ?, ?, ?, ?) returning id""")
                    .params(a.username().trim().toLowerCase(), a.displayName().trim(), blankToNull(a.email()),
                            a.role().name(), hash(token), Timestamp.from(expires), a.personId(), actor, actor)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new UsernameTakenException();
        }
        insertTeams(id, a.teamIds(), actor);
        audit.record(AuditAction.INVITED, "account", id, a.personId(), "role=" + a.role());
        return new Invitation(id, token, expires);
    }

    @Override
    public Invitation reinvite(long accountId) {
        AccountView account = account(accountId);
        if (account.status() != AccountStatus.INVITED) {
            throw new ConflictException("account");
        }
        String token = newToken();
        Instant expires = Instant.now().plus(invitationValidity);
        jdbc.sql("update account set invitation_token_hash = ?, invitation_expires_at = ?, updated_at = now(), "
                        + "updated_by = ?, version = version + 1 where id = ?")
                .params(hash(token), Timestamp.from(expires), AuthenticatedActor.currentAccountId(), accountId).update();
        audit.record(AuditAction.INVITED, "account", accountId, account.personId(), "reissued");
        return new Invitation(accountId, token, expires);
    }

    @Override
    public void update(long id, String displayName, String email, Role role, Long personId, Set<Long> teamIds,
            int version) {
        AccountView before = account(id);
        checkPersonLink(role, personId, id);
        checkTeams(teamIds);
        // A record newly linked is checked by the account holder at their next request (RecordLinkChecks).
        int rows = jdbc.sql("update account set display_name = ?, email = ?, role = ?, person_id = ?, "
                        + "person_confirmed_at = case when person_id = ? then person_confirmed_at end, "
                        + "person_refused_at = case when ?::bigint is null then person_refused_at end, "
                        + "updated_at = now(), updated_by = ?, version = version + 1 where id = ? and version = ?")
                .params(displayName.trim(), blankToNull(email), role.name(), personId, personId, personId,
                        AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("account");
        }
        if (before.role() != role || !java.util.Objects.equals(before.personId(), personId)) {
            // A changed role or record link must take effect now, not at the next sign-in.
            sessions.endSessionsOf(before.username());
        }
        audit.record(AuditAction.CHANGED, "account", id, personId, changeDetail(before, role, personId));
        if (before.personId() != null && !before.personId().equals(personId)) {
            // So that the trail of the person no longer linked shows it too.
            audit.record(AuditAction.CHANGED, "account", id, before.personId(), "person link removed");
        }
        setTeams(id, teamIds);
    }

    private void setTeams(long accountId, Set<Long> teamIds) {
        Set<Long> before = teamsOf(accountId);
        jdbc.sql("delete from team_membership where account_id = ?").param(accountId).update();
        insertTeams(accountId, teamIds, AuthenticatedActor.currentAccountId());
        if (!before.equals(teamIds)) {
            audit.record(AuditAction.CHANGED, "team_membership", accountId, null,
                    "teams=" + new TreeSet<>(teamIds));
        }
    }

    @Override
    public void deactivate(long id) {
        AccountView account = account(id);
        if (AuthenticatedActor.currentAccountId() != null && AuthenticatedActor.currentAccountId() == id) {
            throw new ConflictException("own account");
        }
        jdbc.sql("update account set status = 'DEACTIVATED', invitation_token_hash = null, updated_at = now(), "
                        + "updated_by = ?, version = version + 1 where id = ?")
                .params(AuthenticatedActor.currentAccountId(), id).update();
        sessions.endSessionsOf(account.username());
        audit.record(AuditAction.DEACTIVATED, "account", id, account.personId(), null);
    }

    @Override
    public void reactivate(long id) {
        AccountView account = account(id);
        if (account.status() != AccountStatus.DEACTIVATED) {
            return;
        }
        Boolean hasPassword = jdbc.sql("select password_hash is not null from account where id = ?").param(id)
                .query(Boolean.class).single();
        jdbc.sql("update account set status = ?, updated_at = now(), updated_by = ?, version = version + 1 "
                        + "where id = ?")
                .params(hasPassword ? "ACTIVE" : "INVITED", AuthenticatedActor.currentAccountId(), id).update();
        audit.record(AuditAction.REACTIVATED, "account", id, account.personId(), null);
    }

    @Override
    public void activate(String token, String password) {
        var row = jdbc.sql("select id, username from account where invitation_token_hash = ? and status = 'INVITED' "
                        + "and invitation_expires_at > now() for update")
                .param(hash(token)).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(InvalidInvitationException::new);
        PasswordPolicy.check(password, row.getValue());
        jdbc.sql("update account set password_hash = ?, status = 'ACTIVE', invitation_token_hash = null, "
                        + "invitation_expires_at = null, updated_at = now(), version = version + 1 where id = ?")
                .params(passwords.encode(password), row.getKey()).update();
        audit.recordFor(row.getValue(), row.getKey(), AuditAction.PASSWORD_SET,
                org.refocus.audit.AuditOutcome.ALLOWED, "account", row.getKey(), null);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean invitationUsable(String token) {
        return token != null && jdbc.sql("select count(*) from account where invitation_token_hash = ? "
                        + "and status = 'INVITED' and invitation_expires_at > now()")
                .param(hash(token)).query(Long.class).single() == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffMember> staffOfTeam(long teamId) {
        return jdbc.sql("""
                        select a.id, a.display_name, a.role from account a
                        join team_membership m on m.account_id = a.id
                        where m.team_id = ? and a.status <> 'DEACTIVATED' and a.role in ('PRACTITIONER','TEAM_LEADER')
                        order by lower(a.display_name), a.id""")
                .param(teamId)
                .query((rs, n) -> new StaffMember(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, StaffMember> staff(Collection<Long> accountIds) {
        Map<Long, StaffMember> byId = new HashMap<>();
        if (accountIds.isEmpty()) {
            return byId;
        }
        jdbc.sql("select id, display_name, role from account where id = any(?)")
                .param(accountIds.toArray(Long[]::new))
                .query((rs, n) -> new StaffMember(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .list().forEach(s -> byId.put(s.accountId(), s));
        return byId;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<StaffMember>> membersOfTeams(Collection<Long> teamIds) {
        Map<Long, List<StaffMember>> byTeam = new HashMap<>();
        teamIds.forEach(id -> byTeam.put(id, new ArrayList<>()));
        if (teamIds.isEmpty()) {
            return byTeam;
        }
        jdbc.sql("""
                        select m.team_id, a.id, a.display_name, a.role from account a
                        join team_membership m on m.account_id = a.id
                        where m.team_id = any(?) and a.status <> 'DEACTIVATED' and a.role <> 'SERVICE_USER'
                        order by m.team_id, lower(a.display_name), a.id""")
                .param(teamIds.toArray(Long[]::new))
                .query(rs -> {
                    byTeam.get(rs.getLong(1)).add(new StaffMember(rs.getLong(2), rs.getString(3),
                            Role.valueOf(rs.getString(4))));
                });
        return byTeam;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> teamsOf(long accountId) {
        return new HashSet<>(jdbc.sql("select team_id from team_membership where account_id = ?").param(accountId)
                .query(Long.class).list());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountView> linkedTo(long personId) {
        return jdbc.sql(SELECT + " where person_id = ?").param(personId).query(Row.class).optional()
                .map(row -> withTeams(List.of(row)).get(0));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean anyExist() {
        return jdbc.sql("select exists (select 1 from account)").query(Boolean.class).single();
    }

    /** One person, one account (the unique account.person_id backs this up for concurrent requests). */
    private void checkPersonLink(Role role, Long personId, Long accountId) {
        if (personId == null) {
            return;
        }
        if (role != Role.SERVICE_USER) {
            throw new IllegalArgumentException("Only service-user accounts link to a person");
        }
        var existing = linkedTo(personId).filter(a -> accountId == null || a.id() != accountId);
        if (existing.isPresent()) {
            throw new PersonAlreadyLinkedException(existing.get());
        }
    }

    private static String changeDetail(AccountView before, Role role, Long personId) {
        List<String> changed = new ArrayList<>();
        if (before.role() != role) {
            changed.add("role=" + role);
        }
        if (!java.util.Objects.equals(before.personId(), personId)) {
            changed.add("person link changed");
        }
        return changed.isEmpty() ? null : String.join(" ", changed);
    }

    private void checkTeams(Set<Long> teamIds) {
        if (teamIds != null && organisations.teams(teamIds).size() != teamIds.size()) {
            throw new NotFoundException("team");
        }
    }

    private void insertTeams(long accountId, Set<Long> teamIds, Long actor) {
        if (teamIds == null) {
            return;
        }
        for (Long teamId : teamIds) {
            jdbc.sql("insert into team_membership (account_id, team_id, created_by) values (?, ?, ?)")
                    .params(accountId, teamId, actor).update();
        }
    }

    private List<AccountView> withTeams(List<Row> rows) {
        Map<Long, Set<Long>> teams = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("select account_id, team_id from team_membership where account_id = any(?)")
                    .param(rows.stream().map(Row::id).toArray(Long[]::new))
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                    .forEach(e -> teams.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
        }
        List<AccountView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            views.add(new AccountView(r.id(), r.username(), r.displayName(), r.email(), Role.valueOf(r.role()),
                    AccountStatus.valueOf(r.status()), r.personId(), teams.getOrDefault(r.id(), Set.of()), r.version()));
        }
        return views;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    record Row(long id, String username, String displayName, String email, String role, String status, Long personId,
            int version) {
    }
}
