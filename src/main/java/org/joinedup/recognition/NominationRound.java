package org.joinedup.recognition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A nomination round (docs/recognition.md): what is asked, on which criteria, when, by whom it is
 * judged, and how many are selected and ranked. Its phase follows from its dates and from
 * {@link #closedAt} and {@link #publishedAt}.
 */
@Entity
@Table(name = "nomination_round")
public class NominationRound extends PanacheEntityBase {

    /** Who may nominate. */
    public static final String NOMINATORS_SIGNED_IN = "signed-in";
    public static final String NOMINATORS_PUBLIC = "public";
    public static final List<String> NOMINATORS = List.of(NOMINATORS_SIGNED_IN, NOMINATORS_PUBLIC);

    /** Who sees the published list. */
    public static final String LIST_PUBLIC = "public";
    public static final String LIST_SIGNED_IN = "signed-in";
    public static final String LIST_PROGRAMME = "programme";
    public static final List<String> LIST_VISIBILITIES = List.of(LIST_PUBLIC, LIST_SIGNED_IN, LIST_PROGRAMME);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    public String name;
    public String question;
    public LocalDate nominationsOpenOn;
    public LocalDate nominationsCloseOn;
    public LocalDate judgingCloseOn;
    public int selectCount;
    public int rankCount;
    public String nominators;
    public String listVisibility;

    @Column(name = "created_by_account_id", updatable = false)
    public Long createdByAccountId;

    @Column(updatable = false, insertable = false)
    public Instant createdAt;

    public Instant closedAt;
    public Instant publishedAt;

    @ElementCollection
    @CollectionTable(name = "round_criterion", joinColumns = @JoinColumn(name = "round_id"))
    @OrderColumn(name = "position")
    public List<RoundCriterion> criteria = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "round_judge", joinColumns = @JoinColumn(name = "round_id"))
    public Set<RoundJudge> judges = new HashSet<>();

    /**
     * Whether a caller is in the audience of a list with this visibility: {@code public} everyone,
     * {@code signed-in} anyone signed in, {@code programme} programme staff and admins. The one place
     * that rule is written (the published list, the round's page, the profile's "recognised" line).
     */
    public static boolean listShownTo(String listVisibility, boolean signedIn, boolean staff) {
        return switch (listVisibility) {
            case LIST_PUBLIC -> true;
            case LIST_SIGNED_IN -> signedIn;
            default -> staff;
        };
    }

    /** The list visibilities whose audience a caller is in ({@link #listShownTo}). */
    public static List<String> listsShownTo(boolean signedIn, boolean staff) {
        return LIST_VISIBILITIES.stream().filter(v -> listShownTo(v, signedIn, staff)).toList();
    }

    /** The phase on a given day (the service passes today in Europe/London). */
    public RoundPhase phase(LocalDate today) {
        if (publishedAt != null) {
            return RoundPhase.PUBLISHED;
        }
        if (closedAt != null) {
            return RoundPhase.CLOSED;
        }
        if (today.isBefore(nominationsOpenOn)) {
            return RoundPhase.SCHEDULED;
        }
        return today.isAfter(nominationsCloseOn) ? RoundPhase.JUDGING : RoundPhase.NOMINATING;
    }

    public boolean isJudge(long accountId) {
        return judge(accountId).isPresent();
    }

    public Optional<RoundJudge> judge(long accountId) {
        return judges.stream().filter(j -> j.accountId == accountId).findFirst();
    }

    public Optional<RoundCriterion> criterion(String code) {
        return criteria.stream().filter(c -> c.code.equals(code)).findFirst();
    }
}
