package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.joinedup.recognition.ResultMethod.Nominee;

/**
 * A round's nominees: the leaders with at least one nomination that counts (made by an account, or
 * by an e-mail address once confirmed; {@link Nomination#counts()}).
 */
@ApplicationScoped
public class RoundNominees {

    private static final String COUNTS = Nomination.COUNTS_SQL;

    @Inject
    EntityManager em;

    /** Every nominee with how many nominations count for them, by leader id. */
    @SuppressWarnings("unchecked")
    public List<Nominee> of(long roundId) {
        List<Object[]> rows = em.createNativeQuery("select nominee_leader_id, count(*) from nomination where round_id = :round and " + COUNTS
                + " group by nominee_leader_id order by nominee_leader_id")
                .setParameter("round", roundId).getResultList();
        return rows.stream().map(row -> new Nominee(((Number) row[0]).longValue(), ((Number) row[1]).intValue())).toList();
    }

    public boolean includes(long roundId, long leaderId) {
        return ((Number) em.createNativeQuery("select count(*) from nomination where round_id = :round and nominee_leader_id = :leader and " + COUNTS)
                .setParameter("round", roundId).setParameter("leader", leaderId).getSingleResult()).longValue() > 0;
    }
}
