package org.joinedup.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.CreationTimestamp;

/** A body that takes part in integration work: an ICB, a council, an NHS trust, or one programme staff added (unlisted). */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
    public String kind;
    public String nameKey;
    public LocalDate closedOn;
    public String successorCode;
    public boolean illustrative;
    public String createdBy;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    public boolean closed() {
        return closedOn != null;
    }
}
