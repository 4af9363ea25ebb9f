package org.joinedup.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The owner (or programme staff) asking a partner organisation to corroborate a record, about one revision of it. */
@Entity
@Table(name = "corroboration_request")
public class CorroborationRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(updatable = false)
    public long recordId;

    @Column(updatable = false)
    public String organisationCode;

    public int recordRevision;
    public String askedBy;
    public Instant askedAt;
    public boolean illustrative;

    static Optional<CorroborationRequest> of(long recordId, String organisationCode) {
        return find("recordId = ?1 and organisationCode = ?2", recordId, organisationCode).firstResultOptional();
    }
}
