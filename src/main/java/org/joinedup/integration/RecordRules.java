package org.joinedup.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * The rules a record must meet beyond field shapes: known codes, two or more distinct services, a
 * coherent period and outcomes. All problems are reported at once, each naming its field.
 */
@ApplicationScoped
class RecordRules {

    /** Outcome figures are below this in size (a trillion: any count, rate or sum of money a record reports)... */
    static final BigDecimal FIGURE_LIMIT = BigDecimal.TEN.pow(12);
    /** ...with at most this many decimal places, so they store and compare exactly. */
    static final int FIGURE_DECIMALS = 6;
    /** Work starts no earlier (a year the database and every reader take as written; years before 1 were stored shifted). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** A planned end at most this far ahead. */
    static final int LATEST_END_YEARS_AHEAD = 20;

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    @Inject
    OrganisationDirectory organisations;

    void check(RecordInput input) {
        var violations = new ArrayList<Violation>();
        checkAreas(input.areas(), violations);
        checkCodes("services", input.services(), VocabularyKind.SERVICES, violations);
        if (new HashSet<>(input.services()).size() < 2) {
            violations.add(Violation.body("services", "must list at least two different services joined up",
                    vocabularies.get(VocabularyKind.SERVICES).codes()));
        }
        checkCode("scope", input.scope(), VocabularyKind.SCOPES, violations);
        checkCodes("approaches", input.approaches(), VocabularyKind.APPROACHES, violations);
        if (input.programme() != null) {
            checkCode("programme", input.programme(), VocabularyKind.PROGRAMMES, violations);
        }
        checkCode("role", input.role(), VocabularyKind.ROLES, violations);
        if (input.periodStart().isAfter(LocalDate.now())) {
            violations.add(Violation.body("periodStart", "must not be in the future"));
        } else if (input.periodStart().isBefore(EARLIEST)) {
            violations.add(Violation.body("periodStart", "must not be before " + EARLIEST));
        }
        if (input.periodEnd() != null && input.periodEnd().isAfter(LocalDate.now().plusYears(LATEST_END_YEARS_AHEAD))) {
            violations.add(Violation.body("periodEnd", "must not be more than " + LATEST_END_YEARS_AHEAD + " years ahead"));
        }
        if (input.periodEnd() != null && input.periodEnd().isBefore(input.periodStart())) {
            violations.add(Violation.body("periodEnd", "must not be before periodStart (" + input.periodStart() + ")"));
        }
        checkOutcomes(input.outcomes(), violations);
        organisations.check("partnerOrganisations", input.partnerOrganisations(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** No coordinates, or the English area's own centre as a GET shows it. */
    private boolean ownCentre(RecordInput.AreaInput area) {
        if (area.latitude() == null && area.longitude() == null) {
            return true;
        }
        return geography.find(area.code())
                .filter(a -> Objects.equals(a.latitude(), area.latitude()) && Objects.equals(a.longitude(), area.longitude())).isPresent();
    }

    private void checkAreas(List<RecordInput.AreaInput> areas, List<Violation> violations) {
        var codes = new HashSet<String>();
        for (int i = 0; i < areas.size(); i++) {
            var area = areas.get(i);
            var field = "areas[" + i + "]";
            if (area.code() != null && !codes.add(area.code())) {
                violations.add(Violation.body(field + ".code", "'" + area.code() + "' is given twice"));
                continue;
            }
            if (area.code() != null) {
                boolean abroadToo = area.country() != null || area.place() != null || !ownCentre(area);
                if (abroadToo) {
                    violations.add(Violation.body(field, "give either code, or country with place, latitude and longitude; not both"));
                } else {
                    geography.checkRecordArea(field + ".code", area.code(), violations);
                }
            } else if (area.country() == null) {
                violations.add(Violation.body(field + ".code", "is required (or country, place, latitude and longitude for a place outside England)"));
            } else {
                checkAbroad(area, field, violations);
            }
        }
    }

    private void checkAbroad(RecordInput.AreaInput area, String field, List<Violation> violations) {
        if (geography.country(area.country()).isEmpty()) {
            violations.add(Violation.body(field + ".country", "'" + area.country() + "' is not a known country code",
                    geography.countries().stream().map(c -> c.code()).toList()));
        }
        if (area.place() == null || area.place().isBlank()) {
            violations.add(Violation.body(field + ".place", "is required for a place outside England"));
        }
        if (area.latitude() == null || area.latitude() < -90 || area.latitude() > 90) {
            violations.add(Violation.body(field + ".latitude", "is required, between -90 and 90"));
        }
        if (area.longitude() == null || area.longitude() < -180 || area.longitude() > 180) {
            violations.add(Violation.body(field + ".longitude", "is required, between -180 and 180"));
        }
    }

    private void checkOutcomes(List<RecordInput.OutcomeInput> outcomes, List<Violation> violations) {
        if (outcomes == null) {
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            var outcome = outcomes.get(i);
            var field = "outcomes[" + i + "]";
            if (outcome.metric() != null) {
                checkCode(field + ".metric", outcome.metric(), VocabularyKind.OUTCOME_METRICS, violations);
            } else if (outcome.baseline() != null || outcome.result() != null) {
                violations.add(Violation.body(field + ".metric", "is required when a baseline or result is given",
                        vocabularies.get(VocabularyKind.OUTCOME_METRICS).codes()));
            } else if (outcome.description() == null || outcome.description().isBlank()) {
                violations.add(Violation.body(field + ".description", "is required when no metric is given"));
            }
            checkFigure(field + ".baseline", outcome.baseline(), violations);
            checkFigure(field + ".result", outcome.result(), violations);
        }
    }

    /** Compares by magnitude and strips zeros only: cheap even for 1e999999999, which must not reach the database. */
    private static void checkFigure(String field, BigDecimal figure, List<Violation> violations) {
        if (figure == null) {
            return;
        }
        if (figure.abs().compareTo(FIGURE_LIMIT) >= 0) {
            violations.add(Violation.body(field, "must be a number between -10^12 and 10^12 (exclusive)"));
        } else if (figure.stripTrailingZeros().scale() > FIGURE_DECIMALS) {
            violations.add(Violation.body(field, "must have at most " + FIGURE_DECIMALS + " decimal places"));
        }
    }

    private void checkCodes(String field, List<String> codes, VocabularyKind kind, List<Violation> violations) {
        vocabularies.get(kind).checkAll(field, codes, violations);
    }

    private void checkCode(String field, String code, VocabularyKind kind, List<Violation> violations) {
        vocabularies.get(kind).check(field, code, violations);
    }
}
