package org.joinedup.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.search.Audience;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidates;

/**
 * Matches a whole cohort: scores every request against the pool of available mentors (the same
 * {@link MatchScorer} as single matches, keeping each request's best candidates), then finds the
 * assignment with the highest total score under every mentor's remaining capacity, exactly, and
 * reports what greedy would have reached. The result is kept so it can be accepted later.
 */
@ApplicationScoped
public class CohortMatchService {

    private static final Logger LOG = Logger.getLogger(CohortMatchService.class);
    /** Candidate pairs kept per request: far more than any request can use, few enough to solve fast. */
    static final int PAIRS_PER_REQUEST = 50;

    @Inject
    LearningRequestService requests;

    @Inject
    LeaderService leaders;

    @Inject
    MentorCandidates candidates;

    @Inject
    MatchService matches;

    @Inject
    MentorshipService mentorships;

    /**
     * Not one transaction: loading and scoring a large cohort takes seconds and needs no lock, so only
     * the saving of the result is transactional.
     */
    public CohortResult run(CohortMatchInput input) {
        long started = System.nanoTime();
        int k = input.perRequestOrDefault();
        var open = requests.openRequests(input.requests(), "requests");
        if (input.mentors() != null) {
            checkMentorsExist(input.mentors());
        }
        var pool = available(input.mentors());
        var needs = requests.needs(open);
        var scorer = matches.scorer();
        var scoring = new CohortScoring(scorer, pool.values(), needs);
        long loaded = System.nanoTime();
        // requests are scored independently, so in parallel; only the pairs each keeps are explained
        var best = IntStream.range(0, open.size()).parallel()
                .mapToObj(i -> scoring.best(needs.get(i), PAIRS_PER_REQUEST).stream()
                        .map(mentor -> scorer.score(needs.get(i), mentor).orElseThrow()).toList())
                .toList();
        var bestPairs = new HashMap<Long, List<MatchScore>>();
        var edges = new ArrayList<CohortEdge>();
        for (int i = 0; i < open.size(); i++) {
            var requestId = open.get(i).id;
            bestPairs.put(requestId, best.get(i));
            best.get(i).forEach(s -> edges.add(new CohortEdge(requestId, s.mentorId(), s.total())));
        }
        long scoredAt = System.nanoTime();
        var capacity = new HashMap<Long, Integer>();
        edges.forEach(e -> capacity.put(e.mentorId(), pool.get(e.mentorId()).capacityLeft()));
        var problem = new CohortProblem(open.stream().map(r -> r.id).toList(), capacity, edges, k);
        var optimal = CohortAssignment.optimal(problem);
        var greedy = CohortAssignment.greedy(problem);
        long solved = System.nanoTime();

        var assignments = new ArrayList<CohortResult.Assignment>();
        var learnerOf = new HashMap<Long, Long>();
        open.forEach(r -> learnerOf.put(r.id, r.learnerId));
        for (var edge : optimal.assignments()) {
            var score = bestPairs.get(edge.requestId()).stream().filter(s -> s.mentorId() == edge.mentorId()).findFirst().orElseThrow();
            assignments.add(new CohortResult.Assignment(assignments.size() + 1, edge.requestId(), learnerOf.get(edge.requestId()),
                    edge.mentorId(), pool.get(edge.mentorId()).name(), score.total(), score.parts(), score.reasons()));
        }
        var unmatched = unmatched(open, bestPairs, optimal, k);
        long millis = (System.nanoTime() - started) / 1_000_000;
        var result = new CohortResult(null, k, open.size(), pool.size(), edges.size(), assignments, unmatched, round(optimal.totalScore()),
                round(greedy.totalScore()), greedy.assignments().size(), millis);
        var saved = QuarkusTransaction.requiringNew().call(() -> {
            var match = new CohortMatch();
            match.perRequest = k;
            match.result = result;
            match.persist();
            match.result = result.withId(match.id);
            return match;
        });
        LOG.infof("Cohort %d: %d requests, %d mentors, %d pairs; %d assigned, total %.2f (greedy %.2f) in %d ms (loading %d, scoring %d, "
                + "solving %d)", saved.id, open.size(), pool.size(), edges.size(), assignments.size(), result.totalScore(),
                result.greedyTotalScore(), millis, (loaded - started) / 1_000_000, (scoredAt - loaded) / 1_000_000, (solved - scoredAt) / 1_000_000);
        return saved.result;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<CohortResult> find(long id) {
        return CohortMatch.<CohortMatch>findByIdOptional(id).map(m -> m.result);
    }

    /** Erasure: saved results stop naming the leader as a mentor (their rows can no longer be accepted anyway). */
    @Transactional(TxType.MANDATORY)
    public void forget(long leaderId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = CohortMatch.getEntityManager().createNativeQuery(
                "select id from cohort_match where jsonb_path_exists(result, '$.assignments[*] ? (@.mentorId == $id)', jsonb_build_object('id', :id))")
                .setParameter("id", leaderId).getResultList();
        List<CohortMatch> naming = CohortMatch.list("id in ?1", ids.stream().map(Number::longValue).toList());
        naming.forEach(match -> match.result = match.result.withoutMentorName(leaderId));
    }

    /**
     * Proposes the chosen rows (all when {@code rows} is null) as mentorships, all or nothing: if any
     * row cannot be proposed now (a mentor full, a request withdrawn), nothing is created.
     */
    @Transactional
    public Optional<List<MentorshipView>> accept(long id, List<Integer> rows) {
        Optional<CohortMatch> found = CohortMatch.findByIdOptional(id);
        return found.map(match -> {
            var assignments = match.result.assignments();
            var chosen = rows == null ? assignments : pick(assignments, rows);
            var created = new ArrayList<MentorshipView>();
            for (var row : chosen) {
                try {
                    created.add(mentorships.propose(new MentorshipInput(row.requestId(), row.mentorId()), id));
                } catch (ProblemException e) {
                    throw ProblemException.conflict("row " + row.row() + " (request " + row.requestId() + ", mentor " + row.mentorId()
                            + ") cannot be proposed, so nothing was: " + e.problem().detail());
                }
            }
            return created;
        });
    }

    private static List<CohortResult.Assignment> pick(List<CohortResult.Assignment> assignments, List<Integer> rows) {
        var violations = new ArrayList<Violation>();
        var chosen = new ArrayList<CohortResult.Assignment>();
        var seen = new LinkedHashSet<Integer>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row == null || row < 1 || row > assignments.size()) {
                violations.add(Violation.body("rows[" + i + "]", "is not a row of this result (1 to " + assignments.size() + ")"));
            } else if (seen.add(row)) {
                chosen.add(assignments.get(row - 1));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return chosen;
    }

    private void checkMentorsExist(List<Long> mentorIds) {
        var existing = leaders.existing(mentorIds);
        var violations = new ArrayList<Violation>();
        for (int i = 0; i < mentorIds.size(); i++) {
            if (!existing.contains(mentorIds.get(i))) {
                violations.add(Violation.body("mentors[" + i + "]", "there is no leader " + mentorIds.get(i)));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** Available mentors from the index, with their remaining capacity read from the database (the index may lag). */
    private Map<Long, MentorCandidate> available(List<Long> mentorIds) {
        var found = candidates.pool(mentorIds, Audience.EVERYONE);
        var room = leaders.capacityLeft(found.stream().map(MentorCandidate::leaderId).toList());
        var pool = new HashMap<Long, MentorCandidate>();
        for (var m : found) {
            int left = room.getOrDefault(m.leaderId(), 0);
            if (left > 0) {
                pool.put(m.leaderId(), new MentorCandidate(m.leaderId(), m.name(), m.currentRole(), m.organisationCode(), m.organisation(), m.homeAreaName(),
                        m.willing(), left, m.formats(), m.trained(), m.conflicts(), m.illustrative(), m.records(), m.trackRecord()));
            }
        }
        return pool;
    }

    private static List<CohortResult.Unmatched> unmatched(List<LearningRequest> open, Map<Long, List<MatchScore>> pairs,
            CohortSolution optimal, int k) {
        var assigned = new HashMap<Long, Integer>();
        optimal.assignments().forEach(e -> assigned.merge(e.requestId(), 1, Integer::sum));
        var unmatched = new ArrayList<CohortResult.Unmatched>();
        for (var request : open) {
            int missing = k - assigned.getOrDefault(request.id, 0);
            if (missing <= 0) {
                continue;
            }
            int eligible = pairs.get(request.id).size();
            var reason = eligible == 0
                    ? "no available mentor has worked on the services wanted, outside the learner's organisation and declared conflicts"
                    : eligible < k && assigned.getOrDefault(request.id, 0) == eligible
                            ? "only " + eligible + " eligible mentor" + (eligible > 1 ? "s" : "") + ", all assigned"
                            : "its " + eligible + " eligible mentors had no capacity left after the assignment that maximises the total";
            unmatched.add(new CohortResult.Unmatched(request.id, request.learnerId, missing, reason));
        }
        return unmatched;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
