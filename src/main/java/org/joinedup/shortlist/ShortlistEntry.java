package org.joinedup.shortlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A leader on a shortlist, with the list's private note on them. Inserted by native SQL in ShortlistService (one row under races). */
@Entity
@Table(name = "shortlist_entry")
public class ShortlistEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "shortlist_id", updatable = false)
    public long shortlistId;

    @Column(name = "leader_id", updatable = false)
    public long leaderId;

    public String note;

    @Column(name = "added_by_account_id", updatable = false)
    public Long addedByAccountId;

    @Column(name = "added_at", updatable = false)
    public Instant addedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static List<ShortlistEntry> of(long shortlistId) {
        return list("shortlistId = ?1 order by addedAt, id", shortlistId);
    }

    static List<ShortlistEntry> ofAny(Collection<Long> shortlistIds) {
        return shortlistIds.isEmpty() ? List.of() : list("shortlistId in ?1", shortlistIds);
    }

    static Optional<ShortlistEntry> of(long shortlistId, long leaderId) {
        return find("shortlistId = ?1 and leaderId = ?2", shortlistId, leaderId).firstResultOptional();
    }

    static long countOn(long shortlistId) {
        return count("shortlistId", shortlistId);
    }
}
