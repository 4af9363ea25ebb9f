package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import org.joinedup.security.AccountService;

/**
 * The addresses people not in the registry were nominated at (table nominee_address), each with the
 * leader the first nomination added: a later nomination of the address takes that leader while they
 * have no account, so nobody is added or invited twice.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class NomineeAddresses {

    /** The first key of the advisory lock on one address (the second is the address's hash). */
    private static final int ADDRESS_LOCK = 0x4e4f4d; // "NOM"

    @Inject
    EntityManager em;

    @Inject
    AccountService accounts;

    /**
     * Nominations of one address take turns until the transaction ends: eight at once find the leader
     * the first added (a hash collision only makes two addresses wait for each other).
     */
    public void lock(String address) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(cast(:space as int), cast(:key as int))")
                .setParameter("space", ADDRESS_LOCK).setParameter("key", address.hashCode()).getSingleResult();
    }

    /** The leader an earlier nomination added at this address, while they have no account (else they are no longer waiting). */
    public Optional<Long> waitingLeader(String address) {
        // the address is the primary key: one leader at most
        var ids = em.createNativeQuery("select leader_id from nominee_address where email = :email").setParameter("email", address).getResultList();
        return ids.isEmpty() ? Optional.empty()
                : Optional.of(((Number) ids.get(0)).longValue()).filter(id -> !accounts.leaderHasAccount(id));
    }

    /** The leader now added at this address (one who took an account is not waiting any more, so a new one replaces them here). */
    public void record(String address, long leaderId) {
        em.createNativeQuery("""
                insert into nominee_address (email, leader_id) values (:email, :leader)
                on conflict (email) do update set leader_id = excluded.leader_id, created_at = now()""")
                .setParameter("email", address).setParameter("leader", leaderId).executeUpdate();
    }
}
