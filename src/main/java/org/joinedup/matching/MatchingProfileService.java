package org.joinedup.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.Vocabulary;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/** Keeps each programme's matching profile and says which profile a match uses; the only writer of its table. */
@ApplicationScoped
@Transactional
public class MatchingProfileService {

    private static final Logger LOG = Logger.getLogger(MatchingProfileService.class);

    @Inject
    Vocabularies vocabularies;

    @Inject
    AuditTrail audit;

    /** Every programme of the vocabulary, in its order, with its profile (stored or the default). */
    @Transactional(TxType.SUPPORTS)
    public List<MatchingProfileView> list() {
        return programmes().items().stream().map(item -> view(item, MatchingProfile.findById(item.code()))).toList();
    }

    /** Empty when there is no such programme. */
    @Transactional(TxType.SUPPORTS)
    public Optional<MatchingProfileView> find(String programme) {
        return programmes().find(programme).map(item -> view(item, MatchingProfile.findById(programme)));
    }

    /**
     * The profile a match under {@code programme} uses: the programme's own, else the default; the default when
     * {@code programme} is null. An unknown programme is a 400 naming {@code field}.
     */
    @Transactional(TxType.SUPPORTS)
    public MatchingProfileView used(String programme, String field) {
        if (programme == null) {
            return MatchingProfileView.of(null, null, MatchProfile.DEFAULT, 0, true, null);
        }
        return find(programme).orElseThrow(() -> ProblemException.invalid(
                Violation.body(field, "is not a programme", programmes().codes())));
    }

    /** Replaces a programme's profile (creating it from the default the first time); empty when there is no such programme. */
    public Optional<MatchingProfileView> update(String programme, MatchingProfileInput input, ExpectedVersion expected) {
        var item = programmes().find(programme);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        var profile = check(input);
        // the row exists before it is locked, so two first changes at once queue on the lock instead of one failing on the key
        MatchingProfile.getEntityManager().createNativeQuery(
                "insert into matching_profile (programme, version, weights) values (:programme, 0, '{}'::jsonb) on conflict (programme) do nothing")
                .setParameter("programme", programme).executeUpdate();
        MatchingProfile row = MatchingProfile.findById(programme, LockModeType.PESSIMISTIC_WRITE);
        expected.check("Matching profile", programme, row.version);
        var before = view(item.get(), row);
        var current = row.version == 0 ? MatchProfile.DEFAULT : row.profile();
        if (current.weights().equals(profile.weights()) && current.musts().equals(profile.musts())) {
            // the profile in force again (a built-in one sent back as a GET gave it, a retry, eight identical PUTs at once):
            // nothing changes, so no new version and no audit entry
            return Optional.of(before);
        }
        row.weights = new LinkedHashMap<>(profile.weights());
        row.musts = new ArrayList<>(profile.musts().stream().map(MatchProfile.Must::code).toList());
        MatchingProfile.getEntityManager().flush();
        var after = view(item.get(), row);
        audit.record("update", "matching-profile", programme, before, after);
        LOG.infof("Matching profile of %s changed (version %d)", programme, row.version);
        return Optional.of(after);
    }

    /** Every bad weight and must named: a part that does not exist, a weight outside 0 to 10 or not whole, a must not in the list. */
    static MatchProfile check(MatchingProfileInput input) {
        var violations = new ArrayList<Violation>();
        var weights = new LinkedHashMap<String, Integer>();
        if (input.weights() != null) {
            input.weights().forEach((part, weight) -> {
                if (!MatchProfile.PARTS.contains(part)) {
                    violations.add(Violation.body("weights." + part, "is not a part of the score", MatchProfile.PARTS));
                } else if (weight == null || weight < 0 || weight > MatchProfile.MAX_WEIGHT || weight != Math.rint(weight)) {
                    violations.add(Violation.body("weights." + part, "must be a whole number from 0 to " + MatchProfile.MAX_WEIGHT));
                } else {
                    weights.put(part, weight.intValue());
                }
            });
        }
        var musts = new LinkedHashSet<MatchProfile.Must>();
        var given = input.musts() == null ? List.<String>of() : input.musts();
        for (int i = 0; i < given.size(); i++) {
            var must = MatchProfile.Must.of(given.get(i));
            if (must.isEmpty()) {
                violations.add(Violation.body("musts[" + i + "]", "is not a must", MatchProfile.Must.codes()));
            } else {
                musts.add(must.get());
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new MatchProfile(weights, musts);
    }

    /** A 404 naming the path's programme, with the codes there are. */
    ProblemException unknown(String programme) {
        return new ProblemException(Problem.of("not-found", "Not Found", 404, "there is no programme " + programme)
                .withViolations(List.of(new Violation("programme", "path", "is not a programme", programmes().codes()))));
    }

    /** Version 0 is a row made only to be locked, not yet changed: still the default. */
    private static MatchingProfileView view(VocabularyItem item, MatchingProfile row) {
        return row == null || row.version == 0 ? MatchingProfileView.of(item.code(), item.label(), MatchProfile.DEFAULT, 0, true, null)
                : MatchingProfileView.of(item.code(), item.label(), row.profile(), row.version, false, row.updatedAt);
    }

    private Vocabulary programmes() {
        return vocabularies.get(VocabularyKind.PROGRAMMES);
    }
}
