package org.joinedup.places;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.SignedInAccount;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Places' self-assessments: the checks, the append-only history and the latest one. Only a current
 * ICB or an upper-tier council assesses itself; a region is many places and has no assessment.
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    public static final int MAX_NOTE = 2000;
    /** How far back an assessment may be dated: older than this is a typing mistake, not history. */
    public static final int MAX_AGE_YEARS = 10;
    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 5;
    static final String AUDITED = "place-assessment";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final int MAX_CODE = 20;

    @Inject
    Geography geography;

    @Inject
    Vocabularies vocabularies;

    @Inject
    SignedInAccount accounts;

    @Inject
    AuditTrail audit;

    /** Records a new assessment of the place; every problem with the body is reported at once. */
    public AssessmentView record(String code, AssessmentInput input) {
        var area = assessable(code);
        var assessor = accounts.current().orElseThrow(() -> ProblemException.forbidden("an assessment is recorded by an account; sign in with one"));
        var violations = new ArrayList<Violation>();
        if (input == null) {
            throw ProblemException.invalid(Violation.body("scores", "a score for each of the 12 dimensions is required"));
        }
        var assessedOn = assessedOn(input.assessedOn(), violations);
        var scores = scores(input.scores(), violations);
        var note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            violations.add(Violation.body("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        var assessment = new PlaceAssessment();
        assessment.areaCode = area.code();
        assessment.assessedOn = assessedOn;
        assessment.note = note;
        assessment.assessedByAccountId = assessor.id();
        assessment.scores = scores;
        assessment.recordedAt = Instant.now();
        assessment.persistAndFlush();
        var view = view(assessment, area, assessor.name());
        audit.record("create", AUDITED, assessment.id, null, view);
        return view;
    }

    /** The place's assessments, newest first (by the date assessed, then the order recorded). */
    @Transactional(TxType.SUPPORTS)
    public Page<AssessmentView> history(String code, PageRequest paging) {
        var area = assessable(code);
        var items = PlaceAssessment.history(area.code(), paging.page(), paging.size()).stream().map(a -> view(a, area)).toList();
        return Page.of(items, paging, PlaceAssessment.countOf(area.code()));
    }

    /** The place's latest assessment, if it has one (the place checked as {@link #assessable} does). */
    @Transactional(TxType.SUPPORTS)
    public Optional<AssessmentView> latest(String code) {
        var area = assessable(code);
        return PlaceAssessment.latest(area.code()).map(a -> view(a, area));
    }

    /** A current ICB or an upper-tier council, or a 400 naming code. */
    Area assessable(String code) {
        var found = code == null || code.length() > MAX_CODE ? Optional.<Area>empty() : geography.find(code.strip());
        if (found.isEmpty()) {
            throw ProblemException.invalid(new Violation("code", "path", "is not a council or ICB code; GET /api/areas lists them", List.of()));
        }
        var area = found.get();
        if (Area.REGION.equals(area.type())) {
            throw ProblemException.invalid(new Violation("code", "path", "'" + area.code() + "' is " + area.name()
                    + ", an NHS England region: a region is many places, so assess one of its ICBs or councils", List.of()));
        }
        if (Area.ICB.equals(area.type()) && !Boolean.TRUE.equals(area.current())) {
            throw ProblemException.invalid(new Violation("code", "path", "'" + area.code() + "' is " + area.name()
                    + ", an ICB that no longer exists; assess its successor", area.successorCode() == null ? List.of() : List.of(area.successorCode())));
        }
        return area;
    }

    private static LocalDate assessedOn(String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(Violation.body("assessedOn", "is required: the day the place assessed itself, e.g. 2026-11-20"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(Violation.body("assessedOn", "must be a date written 2026-11-20"));
            return null;
        }
        var today = LocalDate.now(ENGLAND);
        if (date.isAfter(today)) {
            violations.add(Violation.body("assessedOn", "must not be in the future (today is " + today + ")"));
        } else if (date.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            violations.add(Violation.body("assessedOn", "must be within the last " + MAX_AGE_YEARS + " years"));
        }
        return date;
    }

    /** Every dimension scored with a whole number in range, and nothing else: each problem names scores.{dimension}. */
    private Map<String, Integer> scores(Map<String, Object> given, List<Violation> violations) {
        var dimensions = vocabularies.get(VocabularyKind.DIMENSIONS);
        var scores = new HashMap<String, Integer>();
        if (given == null) {
            violations.add(Violation.body("scores", "is required: a score 0 to 5 for each of the 12 dimensions", dimensions.codes()));
            return scores;
        }
        for (var key : given.keySet()) {
            if (!dimensions.contains(key)) {
                violations.add(Violation.body("scores." + clip(key), "is not a dimension; GET /api/vocabularies/dimensions lists them", dimensions.codes()));
            }
        }
        for (var code : dimensions.codes()) {
            var value = given.get(code);
            var whole = whole(value);
            if (value == null) {
                violations.add(Violation.body("scores." + code, "is required: a whole number from " + MIN_SCORE + " to " + MAX_SCORE));
            } else if (whole == null || whole < MIN_SCORE || whole > MAX_SCORE) {
                violations.add(Violation.body("scores." + code, "must be a whole number from " + MIN_SCORE + " to " + MAX_SCORE));
            } else {
                scores.put(code, whole.intValue());
            }
        }
        return scores;
    }

    /** A JSON integer as a long (huge ones as out of range), or null for anything else (fractions, text, true). */
    private static Long whole(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 63 ? big.longValue() : Long.MAX_VALUE;
        }
        return null;
    }

    private static String clip(String key) {
        return key.length() > 60 ? key.substring(0, 60) + "…" : key;
    }

    private AssessmentView view(PlaceAssessment a, Area area) {
        Account assessor = a.assessedByAccountId == null ? null : Account.findById(a.assessedByAccountId);
        return view(a, area, assessor == null ? null : nameOf(assessor));
    }

    private AssessmentView view(PlaceAssessment a, Area area, String assessedBy) {
        var dimensions = vocabularies.get(VocabularyKind.DIMENSIONS);
        var scores = dimensions.items().stream().filter(d -> a.scores.containsKey(d.code()))
                .map(d -> new AssessmentView.DimensionScore(d.code(), d.label(), a.scores.get(d.code()))).toList();
        return new AssessmentView(a.id, area.code(), area.name(), a.assessedOn, scores, a.note, assessedBy, a.assessedByAccountId == null,
                a.recordedAt);
    }

    private static String nameOf(Account account) {
        return account.fullName == null || account.fullName.isBlank() ? account.username : account.fullName.strip();
    }
}
