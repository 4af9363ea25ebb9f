package org.joinedup.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The question to a learner, 3 or 6 months after their mentorship completed, of what changed; and their answer. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    public static final int[] MONTHS = { 3, 6 };

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(updatable = false)
    public long mentorshipId;

    @Column(updatable = false)
    public int months;

    @Column(updatable = false)
    public long mentorId;

    @Column(updatable = false)
    public long learnerId;

    @Column(updatable = false)
    public Instant dueAt;

    public Instant askedAt;
    public Instant answeredAt;
    public String whatChanged;
    public Boolean wouldRecommend;
    public Long recordId;

    public boolean answered() {
        return answeredAt != null;
    }
}
