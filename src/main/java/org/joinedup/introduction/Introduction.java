package org.joinedup.introduction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/** Someone asking to be put in touch with a leader; the leader's contact details follow only if they accept. */
@Entity
@Table(name = "introduction")
public class Introduction extends PanacheEntityBase {

    public static final String REQUESTED = "requested";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    /** Unanswered for joinedup.reminders.introduction-expiry; only the reminder pass sets it. */
    public static final String EXPIRED = "expired";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    /** The account name of whoever asked. */
    @Column(updatable = false)
    public String requester;

    @Column(updatable = false)
    public long leaderId;

    @Column(updatable = false)
    public String message;

    public String status = REQUESTED;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    public Instant answeredAt;
}
