package org.joinedup.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/** Who integrated what, where: one piece of integration work by one leader. */
@Entity
@Table(name = "integration_record")
public class IntegrationRecord extends PanacheEntityBase {

    public static final String SOURCE_LEADER = "leader";
    public static final String SOURCE_ADMIN = "admin";
    public static final String SOURCE_IMPORT = "import";
    public static final String SOURCE_DELEGATE = "delegate";
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
    @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;

    /** The leader is another feature's entity, so it is referred to by id only. */
    @Column(updatable = false)
    public long leaderId;

    public String title;
    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> services = new ArrayList<>();

    public String scope;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> approaches = new ArrayList<>();

    public String programme;
    public String role;

    /** Organisation codes (see org.joinedup.organisation), in the order the leader gave them. */
    @ElementCollection
    @CollectionTable(name = "record_partner", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    @Column(name = "organisation_code")
    public List<String> partners = new ArrayList<>();

    public LocalDate periodStart;
    public LocalDate periodEnd;

    /** The level that holds for the current revision (see {@link CorroborationRule}), stored so search and matching read one fact. */
    public VerificationLevel verification = VerificationLevel.SELF_REPORTED;

    /** When that level came to hold. */
    public Instant verificationSince;

    /** Counts material changes (see IntegrationRecordService#material); corroboration is given for one revision. */
    public int revision = 1;

    /** The last change of wording only (title, summary), which keeps corroboration but is shown beside it. */
    public Instant wordingEditedAt;

    /** Who reported the record: {@link #SOURCE_LEADER}, {@link #SOURCE_ADMIN} or {@link #SOURCE_DELEGATE} (reportedBy names them) or {@link #SOURCE_IMPORT} (from sourceList). */
    @Column(updatable = false)
    public String source = SOURCE_LEADER;

    @Column(updatable = false)
    public String reportedBy;

    @Column(updatable = false)
    public String sourceList;

    /** The id an imported list gives this record (org.joinedup.importing), unique; null when not imported. */
    @Column(updatable = false)
    public String externalId;

    @ElementCollection
    @CollectionTable(name = "record_area", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    public List<RecordArea> areas = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "record_outcome", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    public List<Outcome> outcomes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "record_evidence", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    public List<EvidenceLink> evidence = new ArrayList<>();

    /**
     * {@link #DRAFT} or {@link #PUBLISHED}. A draft is seen by its leader and programme staff only:
     * never indexed, never on a profile; the rules are checked when it is published.
     */
    public String state = PUBLISHED;

    /** The mentor this work was learned from (a draft started from a follow-up), by id. */
    @Column(updatable = false)
    public Long learnedFromLeaderId;

    @Column(updatable = false)
    public Long learnedFromMentorshipId;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    public boolean draft() {
        return DRAFT.equals(state);
    }

    /**
     * A leader's records, drafts too only when {@code withDrafts}, and the published records they
     * confirmed they led together with another leader (see {@link CoLeader}); drafts (no period yet) come first.
     */
    public static List<IntegrationRecord> ofLeader(long leaderId, boolean withDrafts, int page, int size) {
        var sort = Sort.by("periodStart", Sort.Direction.Descending,
                Sort.NullPrecedence.NULLS_FIRST).and("id");
        return find(OF_LEADER, sort, leaderId, withDrafts, PUBLISHED).page(page, size).list();
    }

    public static long countOfLeader(long leaderId, boolean withDrafts) {
        return count(OF_LEADER, leaderId, withDrafts, PUBLISHED);
    }

    private static final String OF_LEADER = "(leaderId = ?1 and (?2 = true or state = ?3)) or (state = ?3 and id in "
            + "(select c.recordId from CoLeader c where c.leaderId = ?1 and c.confirmedAt is not null))";

    /** Records not yet verified, endorsed ones first (a partner already vouched for them; 'endorsed' sorts before 'self-reported'), then the newest. */
    public static PanacheQuery<IntegrationRecord> awaitingVerification() {
        return find("verification <> ?1 and state = ?2", Sort.by("verification").and("id", Sort.Direction.Descending),
                VerificationLevel.VERIFIED, PUBLISHED);
    }
}
