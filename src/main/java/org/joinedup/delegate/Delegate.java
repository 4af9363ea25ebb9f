package org.joinedup.delegate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One grant: the account may edit the leader's profile and records. Written only by native SQL in DelegateService (see there). */
@Entity
@Table(name = "delegate")
public class Delegate extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "leader_id")
    public long leaderId;

    @Column(name = "account_id")
    public long accountId;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "granted_at")
    public Instant grantedAt;

    static List<Delegate> ofLeader(long leaderId) {
        return list("leaderId = ?1 order by grantedAt, id", leaderId);
    }

    static List<Delegate> ofAccount(long accountId) {
        return list("accountId = ?1 order by grantedAt, id", accountId);
    }

    static Optional<Delegate> of(long leaderId, long accountId) {
        return find("leaderId = ?1 and accountId = ?2", leaderId, accountId).firstResultOptional();
    }
}
