package org.joinedup.matching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A cohort assignment as computed, kept so programme staff can accept it whole or row by row later. */
@Entity
@Table(name = "cohort_match")
public class CohortMatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    public int perRequest;

    @JdbcTypeCode(SqlTypes.JSON)
    public CohortResult result;
}
