package org.joinedup.platform;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks held to the end of the current transaction, the one way features make
 * checks that count rows and then write (a cap, a name taken, one per address) take turns, across
 * service copies too. Each feature has its own {@code space}; the {@code key} is what takes turns
 * (an account, an address). Two keys that hash alike only wait for each other.
 */
public final class TransactionLocks {

    private TransactionLocks() {
    }

    /** Waits for the lock on ({@code space}, {@code key}) and holds it until the transaction ends. */
    public static void hold(EntityManager em, int space, int key) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(cast(:space as int), cast(:key as int))")
                .setParameter("space", space).setParameter("key", key).getSingleResult();
    }
}
