package org.joinedup.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.CreationTimestamp;

/**
 * An account corroborating a record for the revision it saw: someone of a partner organisation
 * (an endorsement) or programme staff naming their programme (a verification), confirming or
 * rejecting it. The name, job title and organisation are copied from the account when given.
 * Rows from before accounts gave them are {@code legacy}: shown with the organisation their
 * writer typed, never counted.
 */
@Entity
@Table(name = "endorsement")
public class Endorsement extends PanacheEntityBase {

    public static final String ENDORSEMENT = "endorsement";
    public static final String VERIFICATION = "verification";
    public static final String CONFIRMED = "confirmed";
    public static final String REJECTED = "rejected";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "endorsement_seq")
    @SequenceGenerator(name = "endorsement_seq", sequenceName = "endorsement_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;

    @Column(updatable = false)
    public long recordId;

    public String kind;
    /** Null once the account is erased (the foreign key sets it so). */
    public Long accountId;
    public String endorserName;
    public String endorserRole;
    /** For an endorsement, the organisation it speaks for. */
    public String organisationCode;
    /** For a verification, the programme. */
    public String programme;
    /** Legacy rows only: the organisation as typed. */
    public String statedOrganisation;
    public String decision = CONFIRMED;
    public String comment;
    public int recordRevision;
    public boolean legacy;
    public boolean illustrative;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    /** When this decision was given (a re-confirmation after a change moves it). */
    public Instant updatedAt;

    public boolean confirmed() {
        return CONFIRMED.equals(decision);
    }

    public static List<Endorsement> ofRecord(long recordId) {
        return list("recordId", Sort.by("id"), recordId);
    }

    public static List<Endorsement> ofRecords(List<Long> recordIds) {
        return recordIds.isEmpty() ? List.of() : list("recordId in ?1", Sort.by("id"), recordIds);
    }

    static Optional<Endorsement> byAccount(long recordId, long accountId) {
        return find("recordId = ?1 and accountId = ?2", recordId, accountId).firstResultOptional();
    }
}
