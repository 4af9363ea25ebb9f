package org.joinedup.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.Audience;
import org.joinedup.search.MentorCandidates;
import org.joinedup.security.CurrentUser;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Matches one learning request: candidates from the leaders index (eligible, sharing a service,
 * ranked by overlap, evidence and distance), re-ranked by {@link MatchScorer}.
 */
@ApplicationScoped
public class MatchService {

    /** Candidates fetched per match wanted: the index ranks roughly, the scorer decides. */
    static final int CANDIDATES_PER_MATCH = 5;
    static final int MIN_CANDIDATES = 50;

    @Inject
    MentorCandidates candidates;

    @Inject
    Vocabularies vocabularies;

    @Inject
    CurrentUser user;

    private volatile MatchScorer scorer;

    public MatchScorer scorer() {
        if (scorer == null) {
            var scopes = vocabularies.get(VocabularyKind.SCOPES);
            Map<String, String> labels = vocabularies.all().values().stream()
                    .flatMap(v -> v.items().stream())
                    .collect(Collectors.toMap(VocabularyItem::code, VocabularyItem::labelInSentence, (a, b) -> a));
            scorer = new MatchScorer(scopes::rank, code -> labels.getOrDefault(code, code));
        }
        return scorer;
    }

    public List<MatchView> matches(MatchScorer.Need need, int size) {
        var found = candidates.find(need.forCandidates(), MatchScorer.CANDIDATE_WEIGHTS, Math.max(MIN_CANDIDATES, size * CANDIDATES_PER_MATCH),
                Audience.of(user));
        return rank(need, found).stream().limit(size).toList();
    }

    /** The score of one mentor for a need, if they may be matched at all. */
    public Optional<MatchView> pair(MatchScorer.Need need, long mentorId) {
        return rank(need, candidates.pool(List.of(mentorId), Audience.of(user))).stream().findFirst();
    }

    List<MatchView> rank(MatchScorer.Need need, List<MentorCandidate> found) {
        var scorer = scorer();
        Map<Long, MentorCandidate> byId = found.stream().collect(Collectors.toMap(MentorCandidate::leaderId, Function.identity(), (a, b) -> a));
        // near-ties go to the mentor with less of their capacity in use (SuggestionOrder); the scores stay as they are
        return found.stream()
                .map(mentor -> scorer.score(need, mentor))
                .flatMap(Optional::stream)
                .sorted(SuggestionOrder.<MatchScore>order(
                        score -> SuggestionOrder.rankKey(score.total(), byId.get(score.mentorId()), SuggestionOrder.LOAD_PENALTY),
                        MatchScore::mentorId))
                .map(score -> view(score, byId.get(score.mentorId())))
                .toList();
    }

    static MatchView view(MatchScore score, MentorCandidate mentor) {
        var titles = mentor.records().stream().collect(Collectors.toMap(MentorCandidate.Experience::recordId,
                MentorCandidate.Experience::title, (a, b) -> a));
        return new MatchView(
                new MatchView.Mentor(mentor.leaderId(), mentor.name(), mentor.currentRole(), mentor.organisation(), mentor.homeAreaName(),
                        mentor.capacityLeft(), mentor.formats(), mentor.trained(), mentor.illustrative()),
                score.total(), score.parts(),
                score.recordIds().stream().map(id -> new MatchView.RecordRef(id, titles.get(id))).toList(),
                score.reasons());
    }
}
