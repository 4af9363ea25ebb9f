package org.joinedup.places;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One self-assessment of a council or ICB on SCIROCCO's dimensions; never changed once written (the history is every row). */
@Entity
@Table(name = "place_assessment")
public class PlaceAssessment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(updatable = false)
    public String areaCode;

    @Column(updatable = false)
    public LocalDate assessedOn;

    @Column(updatable = false)
    public String note;

    @Column(name = "assessed_by_account_id", updatable = false)
    public Long assessedByAccountId;

    @Column(updatable = false)
    public Instant recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "place_assessment_score", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "dimension_code")
    @Column(name = "score")
    public Map<String, Integer> scores = new HashMap<>();

    /** The order of the history, and so of "the latest": the date assessed, then the order recorded. */
    private static final String NEWEST_FIRST = "areaCode = ?1 order by assessedOn desc, id desc";

    static List<PlaceAssessment> history(String areaCode, int page, int size) {
        return find(NEWEST_FIRST, areaCode).page(page, size).list();
    }

    static long countOf(String areaCode) {
        return count("areaCode", areaCode);
    }

    static Optional<PlaceAssessment> latest(String areaCode) {
        return find(NEWEST_FIRST, areaCode).firstResultOptional();
    }
}
