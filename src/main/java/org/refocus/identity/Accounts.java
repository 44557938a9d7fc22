package org.refocus.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.refocus.shared.PageOf;

/**
 * Accounts and team memberships. Every change is audited in the same transaction; updates use the
 * caller's version for optimistic locking ({@link org.refocus.shared.ConflictException}); unknown ids
 * fail with {@link org.refocus.shared.NotFoundException}. Accounts are never deleted, only deactivated,
 * which also ends their sessions on every node.
 */
public interface Accounts {

    PageOf<AccountView> find(String search, int page, int size);

    AccountView account(long id);

    /** Creates an invited account; the returned invitation is the only copy of the token. */
    Invitation invite(NewAccount account);

    /** A fresh invitation for an account that has not yet set its password (the old token stops working). */
    Invitation reinvite(long accountId);

    /** Changes an account and its teams together: both are saved, or neither (a stale version saves nothing). */
    void update(long id, String displayName, String email, Role role, Long personId, Set<Long> teamIds, int version);

    void deactivate(long id);

    void reactivate(long id);

    /**
     * Sets the password of the invited account that owns this token and makes it active.
     *
     * @throws InvalidInvitationException when the token is unknown, used or expired
     * @throws WeakPasswordException when the password does not meet the policy
     */
    void activate(String token, String password);

    /** Whether the token names a usable invitation (for showing the form or a clear message). */
    boolean invitationUsable(String token);

    /** Active staff with team-staff roles in a team, for care-coordinator pick lists and team pages. */
    List<StaffMember> staffOfTeam(long teamId);

    Map<Long, StaffMember> staff(Collection<Long> accountIds);

    /**
     * Active members of each of the given teams with any staff role (team staff and the trainers assigned
     * to the team), in one query; teams without members map to an empty list.
     */
    Map<Long, List<StaffMember>> membersOfTeams(Collection<Long> teamIds);

    /** Team ids the account is a member of. */
    Set<Long> teamsOf(long accountId);

    /** The account linked to this person's record, whatever its status; a person has at most one. */
    Optional<AccountView> linkedTo(long personId);

    /** True when at least one account exists (the installation has been set up). */
    boolean anyExist();

    class InvalidInvitationException extends RuntimeException {
        public InvalidInvitationException() {
            super("invitation not usable");
        }
    }

    class WeakPasswordException extends RuntimeException {
        private final String messageKey;

        public WeakPasswordException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The person already has an account (active, invited or deactivated): one person, one account. */
    class PersonAlreadyLinkedException extends RuntimeException {
        private final AccountView existing;

        public PersonAlreadyLinkedException(AccountView existing) {
            super("person already has an account");
            this.existing = existing;
        }

        public AccountView existing() {
            return existing;
        }
    }

    class UsernameTakenException extends RuntimeException {
        public UsernameTakenException() {
            super("username taken");
        }
    }
}
