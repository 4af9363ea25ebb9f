package org.joinedup.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something that happened which concerns an account, in its in-app list; one per account and event. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    // rows are written by NotificationService's "insert ... on conflict do nothing", never persisted
    @Id
    public Long id;

    @Column(updatable = false)
    public long accountId;

    @Column(updatable = false)
    public String kind;

    @Column(updatable = false)
    public String eventKey;

    @Column(updatable = false)
    public String title;

    @Column(name = "body_text", updatable = false)
    public String text;

    @Column(updatable = false)
    public String link;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant readAt;
}
