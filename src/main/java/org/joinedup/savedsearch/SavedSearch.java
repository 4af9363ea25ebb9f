package org.joinedup.savedsearch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A search an account keeps, by name, with its alert choice. Written only by SavedSearchService and SavedSearchAlerts. */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends PanacheEntityBase {

    public static final String WEEKLY = "weekly";
    public static final String NEVER = "never";
    public static final List<String> ALERTS = List.of(WEEKLY, NEVER);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(updatable = false)
    public long accountId;

    public String name;

    /** The parameters, each with its values: {"q": ["discharge"], "region": ["E40000011"]} (see SavedQuery). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> query;

    public String alerts;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    public Instant lastAlertedAt;

    static Optional<SavedSearch> ofAccount(long id, long accountId) {
        return find("id = ?1 and accountId = ?2", id, accountId).firstResultOptional();
    }
}
