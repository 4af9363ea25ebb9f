package org.joinedup.integration;

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
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * Someone corroborating a record: a person from a partner organisation (an endorsement) or a
 * programme verifier (a verification).
 */
@Entity
@Table(name = "endorsement")
public class Endorsement extends PanacheEntityBase {

    public static final String ENDORSEMENT = "endorsement";
    public static final String VERIFICATION = "verification";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "endorsement_seq")
    @SequenceGenerator(name = "endorsement_seq", sequenceName = "endorsement_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;

    @Column(updatable = false)
    public long recordId;

    public String kind;
    public String endorserName;
    public String statedOrganisation;
    public String endorserRole;
    public String comment;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    public static List<Endorsement> ofRecord(long recordId) {
        return list("recordId", io.quarkus.panache.common.Sort.by("id"), recordId);
    }

    public static List<Endorsement> ofRecords(List<Long> recordIds) {
        return recordIds.isEmpty() ? List.of() : list("recordId in ?1", io.quarkus.panache.common.Sort.by("id"), recordIds);
    }
}
