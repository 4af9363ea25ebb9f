package org.joinedup.leader;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Whether and how a leader will pass their experience on. */
@Embeddable
public class MentoringOffer {

    @Column(name = "mentoring_willing")
    public boolean willing;

    /** The most mentees the leader will take on at once. */
    @Column(name = "mentoring_capacity")
    public int capacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "mentoring_formats", columnDefinition = "text[]")
    public List<String> formats = new ArrayList<>();

    /** Has had training in passing experience on. */
    @Column(name = "mentoring_trained")
    public boolean trained;

    /** Organisations this leader should not be matched with, as mentor or learner. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "mentoring_conflicts", columnDefinition = "text[]")
    public List<String> conflicts = new ArrayList<>();

    /** Mentees held now; written only by {@link LeaderService#reserveMentee} and {@link LeaderService#releaseMentee}. */
    @Column(name = "mentoring_active", insertable = false, updatable = false)
    public int active;

    /**
     * Unavailable to matching until this day (the pause is over on it); null when not paused. Written only by
     * {@link LeaderService#pause} and {@link LeaderService#endPause}, never by a profile PUT.
     */
    @Column(name = "mentoring_paused_until")
    public LocalDate pausedUntil;

    /** Why, for programme staff and admins (and the leader); never indexed. */
    @Column(name = "mentoring_pause_reason")
    public String pauseReason;

    /** The day pauses are judged on: UTC's, as Elasticsearch's {@code now/d} is. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Whether the pause runs on {@code today}. */
    public static boolean paused(LocalDate pausedUntil, LocalDate today) {
        return pausedUntil != null && pausedUntil.isAfter(today);
    }
}
