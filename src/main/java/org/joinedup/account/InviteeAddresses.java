package org.joinedup.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.TransactionLocks;
import org.joinedup.security.AccountService;

/**
 * The addresses people not in the registry were added at (table invitee_address), by a nomination
 * or by being named as a record's co-leader, each with the leader the first such addition made: a
 * later one of the address takes that leader while they have no account, so nobody is added or
 * invited twice.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class InviteeAddresses {

    /** The first key of the advisory lock on one address (the second is the address's hash). */
    private static final int ADDRESS_LOCK = 0x4e4f4d; // "NOM", from when only nominations added people
    /** People not in the registry one account other than staff's may add a day, by nominations and co-leads together. */
    public static final int NEW_PEOPLE_A_DAY = 10;
    /** The first key of the advisory lock on one account's additions (the second is the username's hash). */
    private static final int ADDITIONS_LOCK = 0x434c41; // "CLA", from when only co-leads were bounded

    @Inject
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    OneTimeLinks links;

    /**
     * Additions of one address take turns until the transaction ends: eight at once find the leader
     * the first added (a hash collision only makes two addresses wait for each other).
     */
    public void lock(String address) {
        TransactionLocks.hold(em, ADDRESS_LOCK, address.hashCode());
    }

    /** The leader an earlier addition made at this address, while they have no account (else they are no longer waiting). */
    public Optional<Long> waitingLeader(String address) {
        // the address is the primary key: one leader at most
        var ids = em.createNativeQuery("select leader_id from invitee_address where email = :email").setParameter("email", address).getResultList();
        return ids.isEmpty() ? Optional.empty()
                : Optional.of(((Number) ids.get(0)).longValue()).filter(id -> !accounts.leaderHasAccount(id));
    }

    /**
     * The leader now added at this address by that account (one who took an account is not waiting any
     * more, so a new one replaces them here).
     */
    public void record(String address, long leaderId, String addedBy) {
        em.createNativeQuery("""
                insert into invitee_address (email, leader_id, added_by) values (:email, :leader, :by)
                on conflict (email) do update set leader_id = excluded.leader_id, added_by = excluded.added_by, created_at = now()""")
                .setParameter("email", address).setParameter("leader", leaderId).setParameter("by", addedBy).executeUpdate();
    }

    /**
     * Refuses (429, Retry-After) an account that has added {@link #NEW_PEOPLE_A_DAY} people not in the
     * registry in the last day: each addition makes a leader and mails a stranger's address, so one
     * signed-in account may not do it without bound. Staff are not bounded (the caller decides). One
     * account's additions take turns until the transaction ends, so eight at once cannot all pass.
     * Call it with the address locked, before adding.
     */
    public void requireRoomToAdd(String username) {
        TransactionLocks.hold(em, ADDITIONS_LOCK, username.hashCode());
        var added = ((Number) em.createNativeQuery("select count(*) from invitee_address where added_by = :by and created_at > :since")
                .setParameter("by", username).setParameter("since", Instant.now().minus(Duration.ofDays(1))).getSingleResult()).longValue();
        if (added >= NEW_PEOPLE_A_DAY) {
            throw new ProblemException(Problem.of("too-many-attempts", "Too many attempts", 429, "you have added " + NEW_PEOPLE_A_DAY
                    + " people not in the registry in the last day, the most an account may; name leaders of the registry by their number,"
                    + " or ask programme staff")).retryAfter(Duration.ofHours(1).toSeconds());
        }
    }

    /**
     * After a nomination or a co-lead naming this leader is gone: a leader an addition made, still
     * without an account, whom nothing names any more (no nomination, co-lead or record of theirs)
     * loses their open invitation, so a mistyped address withdrawn at once cannot claim the profile.
     * The leader stays (a profile may be referred to from many places, and deleting is staff's call);
     * a later addition of the address finds it and invites afresh. True when a link was revoked.
     */
    public boolean forgetIfUnnamed(long leaderId) {
        var emails = em.createNativeQuery("select email from invitee_address where leader_id = :leader and added_by is not null")
                .setParameter("leader", leaderId).getResultList();
        if (emails.isEmpty()) {
            return false;
        }
        // an addition of the address at once waits, then finds the invitation revoked and mails again (see lock)
        emails.forEach(email -> lock((String) email));
        if (accounts.leaderHasAccount(leaderId)) {
            return false;
        }
        em.flush(); // the removal that called this must be counted out
        var named = (Number) em.createNativeQuery("""
                select (select count(*) from nomination where nominee_leader_id = :leader)
                     + (select count(*) from record_co_leader where leader_id = :leader)
                     + (select count(*) from integration_record where leader_id = :leader)""")
                .setParameter("leader", leaderId).getSingleResult();
        return named.longValue() == 0 && links.revokeForLeader(LinkPurpose.INVITATION, leaderId) > 0;
    }
}
