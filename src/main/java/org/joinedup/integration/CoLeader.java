package org.joinedup.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One of a record's other leaders (the owner is {@link IntegrationRecord#leaderId}, never here),
 * with their own role; the record shows as theirs once they have confirmed.
 */
@Entity
@Table(name = "record_co_leader")
public class CoLeader extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(updatable = false)
    public long recordId;

    /** The leader is another feature's entity, so it is referred to by id only. */
    @Column(updatable = false)
    public long leaderId;

    public String role;

    @Column(updatable = false)
    public Instant invitedAt;

    public Instant confirmedAt;

    @Column(updatable = false)
    public Long invitedByAccountId;

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public static List<CoLeader> ofRecord(long recordId) {
        return list("recordId", Sort.by("id"), recordId);
    }

    public static List<CoLeader> ofRecords(Collection<Long> recordIds) {
        return recordIds.isEmpty() ? List.of() : list("recordId in ?1", Sort.by("id"), recordIds);
    }

    public static Optional<CoLeader> of(long recordId, long leaderId) {
        return find("recordId = ?1 and leaderId = ?2", recordId, leaderId).firstResultOptional();
    }

    /** A leader's invitations, waiting and confirmed, the newest first. */
    public static List<CoLeader> ofLeader(long leaderId) {
        return list("leaderId", Sort.by("id").descending(), leaderId);
    }

    /** The confirmed co-leads of these leaders (what their search documents carry). */
    public static List<CoLeader> confirmedOfLeaders(Collection<Long> leaderIds) {
        return leaderIds.isEmpty() ? List.of() : list("leaderId in ?1 and confirmedAt is not null", Sort.by("recordId"), leaderIds);
    }
}
