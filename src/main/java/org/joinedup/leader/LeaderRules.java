package org.joinedup.leader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.vocabulary.Area;
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

    void check(LeaderInput input) {
        var violations = new ArrayList<Violation>();
        var home = geography.find(input.homeArea());
        if (home.isEmpty() || Area.REGION.equals(home.get().type())) {
            violations.add(Violation.body("homeArea", "'" + input.homeArea()
                    + "' is not an upper-tier local authority or ICB code; GET /api/areas lists them"));
        }
        if (input.visibility() != null && Visibility.fromCode(input.visibility()).isEmpty()) {
            violations.add(Violation.body("visibility", "'" + input.visibility() + "' is not a visibility", Visibility.codes()));
        }
        var mentoring = input.mentoring();
        if (mentoring != null) {
            if (mentoring.willing() && mentoring.capacity() < 1) {
                violations.add(Violation.body("mentoring.capacity", "must be at least 1 when willing to mentor"));
            }
            var formats = vocabularies.get(VocabularyKind.MENTORING_FORMATS);
            var given = mentoring.formats() == null ? List.<String>of() : mentoring.formats();
            for (int i = 0; i < given.size(); i++) {
                if (!formats.contains(given.get(i))) {
                    violations.add(Violation.body("mentoring.formats[" + i + "]", "'" + given.get(i) + "' is not a mentoring format", formats.codes()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
