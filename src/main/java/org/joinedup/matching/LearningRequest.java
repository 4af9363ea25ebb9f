package org.joinedup.matching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;
import org.joinedup.platform.TransactionLocks;

/** A leader who wants to learn to join up services: where, which services, which approaches, how. */
@Entity
@Table(name = "learning_request")
public class LearningRequest extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String WITHDRAWN = "withdrawn";
    /** The first key of the advisory lock on one learner's places (the second is the learner). */
    private static final int PLACES_LOCK = 0x6d617463;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "learning_request_seq")
    @SequenceGenerator(name = "learning_request_seq", sequenceName = "learning_request_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;

    /** The learner is a leader (another feature's entity), referred to by id. */
    @Column(updatable = false)
    public long learnerId;

    public String areaCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> services = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> approaches = new ArrayList<>();

    public String scope;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> formats = new ArrayList<>();

    public String need;

    /** The programme the request is made under (programmes vocabulary), whose matching profile its matches use; null for the default. */
    public String programme;

    public String status = OPEN;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    public static long openOf(long learnerId) {
        return count("learnerId = ?1 and status = ?2", learnerId, OPEN);
    }

    /**
     * Serialises, until the transaction ends, the checks that count a learner's open requests and
     * proposals, so two requests at once cannot both pass a cap with one place left.
     */
    static void lockPlacesOf(long learnerId) {
        TransactionLocks.hold(getEntityManager(), PLACES_LOCK, Long.hashCode(learnerId));
    }
}
