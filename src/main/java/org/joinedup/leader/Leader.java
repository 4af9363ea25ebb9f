package org.joinedup.leader;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A person who has joined up services, or wants to learn how. */
@Entity
@Table(name = "leader")
public class Leader extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leader_seq")
    @SequenceGenerator(name = "leader_seq", sequenceName = "leader_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;

    /** Bumped (by bulk update, so not the optimistic-lock version) whenever the leader or a record changes. */
    @Column(updatable = false)
    public long revision = 1;

    public String name;
    /** current_role is reserved in SQL, hence the column name. */
    @Column(name = "role_title")
    public String currentRole;
    /** The leader's own organisation: a code of org.joinedup.organisation, or null. */
    public String organisationCode;
    public String doingNow;
    public LocalDate doingNowAsOf;
    public String homeAreaCode;
    /** A code of seed-data/vocabularies/sectors.csv, or null (not said, or a leader from before sectors). */
    public String sector;

    @Embedded
    public MentoringOffer mentoring = new MentoringOffer();

    public Visibility visibility;
    public String contactEmail;
    public String contactPhone;

    /** The id an imported list gives this leader (org.joinedup.importing), unique; null when not imported. */
    @Column(updatable = false)
    public String externalId;

    /** A made-up person from the demo data. */
    public boolean illustrative;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;
}
