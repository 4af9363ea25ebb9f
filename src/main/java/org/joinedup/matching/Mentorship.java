package org.joinedup.matching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A mentor and a learner's request, from proposal to completion, with the score that brought them together. */
@Entity
@Table(name = "mentorship")
public class Mentorship extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mentorship_seq")
    @SequenceGenerator(name = "mentorship_seq", sequenceName = "mentorship_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;

    @Column(updatable = false)
    public long requestId;

    @Column(updatable = false)
    public long mentorId;

    @Column(updatable = false)
    public long learnerId;

    @Column(updatable = false)
    public double score;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", updatable = false)
    public List<String> reasons = new ArrayList<>();

    public MentorshipStatus status = MentorshipStatus.PROPOSED;

    @Column(updatable = false)
    public Instant proposedAt;
    public Instant respondedAt;
    public Instant startedAt;
    public Instant completedAt;
    public String mentorNote;
    public String learnerNote;
    public Boolean learnerWouldRecommend;

    @Column(updatable = false)
    public Long cohortMatchId;

    /** The learner proposed this mentor themself (not staff, not a cohort match): counts against their cap. */
    @Column(updatable = false)
    public boolean proposedByLearner;

    /** Proposals the learner made themself that their mentors have not answered yet. */
    public static long openProposalsByLearner(long learnerId) {
        return count("learnerId = ?1 and status = ?2 and proposedByLearner = true", learnerId, MentorshipStatus.PROPOSED);
    }

    public static List<Mentorship> liveOfRequest(long requestId) {
        return list("requestId = ?1 and status in ?2", requestId, List.of(MentorshipStatus.PROPOSED, MentorshipStatus.ACCEPTED,
                MentorshipStatus.ACTIVE));
    }
}
