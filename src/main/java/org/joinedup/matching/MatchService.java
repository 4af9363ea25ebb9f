package org.joinedup.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joinedup.search.LearnerWords;
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
    static final int MORE_FOR_RECORD_MUSTS = 4;
    /** Mentors whose records answer a learner's words best, scored beside the index's candidates when the words part counts. */
    static final int WORDS_CANDIDATES = 20;

    @Inject
    MentorCandidates candidates;

    @Inject
    LearnerWords words;

    @Inject
    Vocabularies vocabularies;

    @Inject
    CurrentUser user;

    private volatile MatchScorer scorer;

    /**
     * How many times the learner's words were asked of the index: a profile that gives the words part no weight must ask
     * nothing (a search per request for a part that counts 0 would only cost), and a test holds it to that.
     */
    private final AtomicLong wordSearches = new AtomicLong();

    long wordSearches() {
        return wordSearches.get();
    }

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
        return matches(need, MatchProfile.DEFAULT, size);
    }

    /**
     * Under a programme's profile: the index weighs candidates with the profile's weights and filters on the musts it can
     * (trained, same region); the musts on the best record (verified, an approach in common) only the scorer can judge,
     * so {@value #MORE_FOR_RECORD_MUSTS} times as many candidates are fetched then.
     */
    public List<MatchView> matches(MatchScorer.Need need, MatchProfile profile, int size) {
        if (profile.must(MatchProfile.Must.SAME_REGION) && need.region() == null) {
            return List.of(); // a request outside England's regions has no mentor in its region
        }
        int fetch = Math.max(MIN_CANDIDATES, size * CANDIDATES_PER_MATCH);
        if (profile.must(MatchProfile.Must.VERIFIED_RECORD) || profile.must(MatchProfile.Must.APPROACH_IN_COMMON)) {
            fetch *= MORE_FOR_RECORD_MUSTS;
        }
        var audience = Audience.of(user);
        var worded = withWords(List.of(need), profile, audience).get(0);
        var filters = new MentorCandidates.Filters(profile.must(MatchProfile.Must.TRAINED),
                profile.must(MatchProfile.Must.SAME_REGION) ? worded.region() : null);
        var found = new ArrayList<>(candidates.find(worded.forCandidates(profile.counts(MatchProfile.PLACE)), profile.candidateWeights(), filters,
                fetch, audience));
        // the index's ranking knows nothing of the words, so the mentors who answer them best are scored too
        var known = found.stream().map(MentorCandidate::leaderId).collect(Collectors.toSet());
        var answering = worded.words().entrySet().stream().filter(e -> !known.contains(e.getKey()))
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(WORDS_CANDIDATES).map(Map.Entry::getKey).toList();
        if (!answering.isEmpty()) {
            found.addAll(candidates.pool(answering, audience));
        }
        return rank(scorer().with(profile), worded, found).stream().limit(size).toList();
    }

    /**
     * The needs with how well each mentor's records answer their words, when the profile weighs the words part (one search per
     * need, in batches); as they are otherwise.
     */
    List<MatchScorer.Need> withWords(List<MatchScorer.Need> needs, MatchProfile profile, Audience audience) {
        if (!profile.counts(MatchProfile.WORDS)) {
            return needs;
        }
        wordSearches.incrementAndGet();
        var relevance = words.relevance(needs.stream().map(n -> new LearnerWords.Ask(n.text(), List.copyOf(n.services()))).toList(), audience);
        var out = new ArrayList<MatchScorer.Need>();
        for (int i = 0; i < needs.size(); i++) {
            out.add(needs.get(i).withWords(relevance.get(i)));
        }
        return out;
    }

    /** The best of the given mentors for a need: the cohort page suggests mentors to lock in from the cohort's own. */
    public List<MatchView> matchesAmong(MatchScorer.Need need, MatchProfile profile, List<Long> mentorIds, int size) {
        var audience = Audience.of(user);
        var worded = withWords(List.of(need), profile, audience).get(0);
        return rank(scorer().with(profile), worded, candidates.pool(mentorIds, audience)).stream().limit(size).toList();
    }

    /** The score of one mentor for a need, if they may be matched at all. */
    public Optional<MatchView> pair(MatchScorer.Need need, long mentorId) {
        return rank(need, candidates.pool(List.of(mentorId), Audience.of(user))).stream().findFirst();
    }

    List<MatchView> rank(MatchScorer.Need need, List<MentorCandidate> found) {
        return rank(scorer(), need, found);
    }

    private static List<MatchView> rank(MatchScorer scorer, MatchScorer.Need need, List<MentorCandidate> found) {
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
