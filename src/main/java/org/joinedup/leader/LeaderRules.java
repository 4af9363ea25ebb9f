package org.joinedup.leader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.platform.OneLine;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/** The rules a leader must meet beyond field shapes: codes that exist, a coherent mentoring offer. */
@ApplicationScoped
class LeaderRules {

    @Inject
    Geography geography;

    @Inject
    Vocabularies vocabularies;

    @Inject
    OrganisationDirectory organisations;

    /** No date of a profile before this (years before 1 were stored shifted by the database driver). */
    static final int MAX_NAME = 200;

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    void check(LeaderInput input) {
        var violations = new ArrayList<Violation>();
        // the name goes into mails ("Hello " + name); checked here too for the paths without Bean Validation (pages, nominations, co-leads)
        OneLine.check("name", input.name(), MAX_NAME, violations);
        OneLine.check("currentRole", input.currentRole(), MAX_NAME, violations);
        geography.checkWorkArea("homeArea", input.homeArea(), violations);
        if (input.visibility() != null && Visibility.fromCode(input.visibility()).isEmpty()) {
            violations.add(Violation.body("visibility", "'" + input.visibility() + "' is not a visibility", Visibility.codes()));
        }
        if (input.organisation() != null && !input.organisation().isBlank() && organisations.find(input.organisation()).isEmpty()) {
            violations.add(Violation.body("organisation", "'" + input.organisation() + "' is not a known organisation code; "
                    + OrganisationDirectory.LOOKUP_HINT));
        }
        if (input.sector() != null) {
            vocabularies.get(VocabularyKind.SECTORS).check("sector", input.sector(), violations);
        }
        if (input.doingNowAsOf() != null && input.doingNowAsOf().isBefore(EARLIEST)) {
            violations.add(Violation.body("doingNowAsOf", "must not be before " + EARLIEST));
        }
        var mentoring = input.mentoring();
        if (mentoring != null) {
            if (mentoring.willing() && mentoring.capacity() < 1) {
                violations.add(Violation.body("mentoring.capacity", "must be at least 1 when willing to mentor"));
            }
            vocabularies.get(VocabularyKind.MENTORING_FORMATS).checkAll("mentoring.formats", mentoring.formats(), violations);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
