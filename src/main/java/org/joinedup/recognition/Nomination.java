package org.joinedup.recognition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One nomination: who nominated whom in which round, the reasons per criterion and the nominee's
 * records that back them. One per nominator per nominee per round (V28's unique indexes).
 */
@Entity
@Table(name = "nomination")
public class Nomination extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long roundId;

    public long nomineeLeaderId;

    public Long nominatorAccountId;

    /** For someone new (not in the registry when nominated), the name the nominator gave: what they are shown while the leader is staff-only. */
    public String nomineeName;

    public String nominatorEmail;

    /** Null for a public nomination whose e-mail address is not yet confirmed: it does not count until then. */
    public Instant confirmedAt;

    @Column(updatable = false, insertable = false)
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "nomination_reason", joinColumns = @JoinColumn(name = "nomination_id"))
    @MapKeyColumn(name = "criterion_code")
    @Column(name = "reason")
    public Map<String, String> reasons = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "nomination_record", joinColumns = @JoinColumn(name = "nomination_id"))
    @Column(name = "record_id")
    public Set<Long> recordIds = new LinkedHashSet<>();

    /**
     * Whether it counts: made by an account, or by an e-mail address once confirmed. The same rule for
     * queries, in JPQL over {@code Nomination n} and in SQL over the table, is beside it.
     */
    public boolean counts() {
        return nominatorAccountId != null || confirmedAt != null;
    }

    static final String COUNTS_JPQL = "(n.nominatorAccountId is not null or n.confirmedAt is not null)";
    static final String COUNTS_SQL = "(nominator_account_id is not null or confirmed_at is not null)";
}
