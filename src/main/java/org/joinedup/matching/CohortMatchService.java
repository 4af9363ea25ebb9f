package org.joinedup.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.search.Audience;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidates;

/**
 * Matches a whole cohort: scores every request against the pool of available mentors (the same
 * {@link MatchScorer} as single matches, keeping each request's best candidates), then finds the
 * assignment with the highest total score (or, everyone first, the most requests matched and then the
 * highest total) under every mentor's remaining capacity and staff's locks and bans, exactly over all
 * eligible pairs, and reports what greedy, the other mode and each override would give. The result is kept so it can be accepted later.
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

    @Inject
    MatchingProfileService profiles;

    /**
     * Not one transaction: loading and scoring a large cohort takes seconds and needs no lock, so only
     * the saving of the result is transactional. Bad input (mode, locks, bans) is refused before anything is saved.
     */
    public CohortResult run(CohortMatchInput input) {
        if (input.requests() == null || input.requests().isEmpty()) {
            // the API's body says so by its validation; the cohort page builds its input itself
            throw ProblemException.invalid(Violation.body("requests", "there is no learning request chosen: choose at least one"));
        }
        long started = System.nanoTime();
        int k = input.perRequestOrDefault();
        var mode = mode(input.mode());
        var profileUsed = profiles.used(input.programme(), "programme");
        var open = requests.openRequests(input.requests(), "requests");
        if (input.mentors() != null) {
            checkMentorsExist(input.mentors(), "mentors[%d]");
        }
        checkPairsName(open, input.locksOrNone(), "locks");
        checkPairsName(open, input.bansOrNone(), "bans");
        var drawn = available(input.mentors());
        var pauses = pauses(drawn.keySet(), input.locksOrNone());
        pauses.checkLocks(input.locksOrNone());
        var pool = pauses.available(drawn);
        var scorer = matches.scorer().with(profileUsed.toProfile());
        var needs = matches.withWords(requests.needs(open), scorer.profile(), Audience.EVERYONE);
        var scoring = new CohortScoring(scorer, pool.values(), needs);
        var needOf = new HashMap<Long, MatchScorer.Need>();
        for (int i = 0; i < open.size(); i++) {
            needOf.put(open.get(i).id, needs.get(i));
        }
        var rules = rules(input, mode, k, pool, needOf, scorer, scoring);
        long loaded = System.nanoTime();
        // requests are scored independently, so in parallel; only the pairs assigned are explained, below
        var best = IntStream.range(0, open.size()).parallel().mapToObj(i -> scoring.kept(needs.get(i), PAIRS_PER_REQUEST)).toList();
        var bestPairs = new HashMap<Long, List<CohortScoring.Kept>>();
        var edges = new ArrayList<CohortEdge>();
        for (int i = 0; i < open.size(); i++) {
            var requestId = open.get(i).id;
            bestPairs.put(requestId, best.get(i));
            // a pair that scores nothing under the profile (every part it earns weighed 0) is no match: the solver takes only gains
            best.get(i).stream().filter(kept -> kept.total() > 0)
                    .forEach(kept -> edges.add(new CohortEdge(requestId, kept.mentor().leaderId(), kept.total())));
        }
        long scoredAt = System.nanoTime();
        // every mentor of the pool, not only those in kept pairs: the optimality check may bring others in
        var capacity = new HashMap<Long, Integer>();
        pool.forEach((id, mentor) -> capacity.put(id, mentor.capacityLeft()));
        var problem = new CohortProblem(open.stream().map(r -> r.id).toList(), capacity, edges, k);
        var leftOut = leftOut(bestPairs, needOf, scoring);
        // Both modes' figures, solving everyone-first only when it can differ: a best total that matches every request is
        // an everyone-first answer too (no answer matches more, and none totals more), which halves a typical cohort's solving.
        var bestTotal = CohortAssignment.optimal(problem, rules.withMode(CohortMode.BEST_TOTAL), leftOut);
        var everyoneFirst = bestTotal.matched() == problem.requestIds().size() ? bestTotal
                : CohortAssignment.optimal(problem, rules.withMode(CohortMode.EVERYONE_FIRST), leftOut);
        var optimal = mode == CohortMode.BEST_TOTAL ? bestTotal : everyoneFirst;
        var greedy = CohortAssignment.greedy(problem, rules);
        var overrides = prices(problem, rules, bans(input), leftOut, optimal);
        long solved = System.nanoTime();

        var assignments = new ArrayList<CohortResult.Assignment>();
        var learnerOf = new HashMap<Long, Long>();
        open.forEach(r -> learnerOf.put(r.id, r.learnerId));
        var locked = new HashSet<CohortPair>();
        rules.locks().forEach(lock -> locked.add(CohortPair.of(lock)));
        for (var edge : optimal.assignments()) {
            // explained here, not when kept: a cohort assigns one in fifty of the pairs it keeps
            var score = scorer.score(needOf.get(edge.requestId()), pool.get(edge.mentorId())).orElseThrow();
            assignments.add(new CohortResult.Assignment(assignments.size() + 1, edge.requestId(), learnerOf.get(edge.requestId()),
                    edge.mentorId(), pool.get(edge.mentorId()).name(), score.total(), score.parts(), score.reasons(),
                    locked.contains(CohortPair.of(edge))));
        }
        var unmatched = unmatched(open, bestPairs, optimal, k, rules, scorer.profile());
        var modes = new ArrayList<CohortResult.ModeFigures>();
        for (var solution : List.of(bestTotal, everyoneFirst)) {
            modes.add(new CohortResult.ModeFigures(modes.isEmpty() ? CohortMode.BEST_TOTAL.code() : CohortMode.EVERYONE_FIRST.code(),
                    solution.matched(), solution.assignments().size(), round(solution.totalScore())));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        var result = new CohortResult(null, k, open.size(), pool.size(), edges.size(), assignments, unmatched, round(optimal.totalScore()),
                round(greedy.totalScore()), greedy.assignments().size(), millis, mode.code(), optimal.matched(), modes, overrides,
                new CohortResult.OptimalityCheck(PAIRS_PER_REQUEST, optimal.pairsAdded(), optimal.rounds()), rules.spreadsLoad(), profileUsed, input);
        var saved = QuarkusTransaction.requiringNew().call(() -> {
            var match = new CohortMatch();
            match.perRequest = k;
            match.result = result;
            match.persist();
            match.result = result.withId(match.id);
            return match;
        });
        LOG.infof("Cohort %d (%s): %d requests, %d mentors, %d pairs (+%d by the check, %d solves); %d assigned, %d matched, total %.2f "
                + "(greedy %.2f) in %d ms (loading %d, scoring %d, solving %d)", saved.id, mode.code(), open.size(), pool.size(), edges.size(),
                optimal.pairsAdded(), optimal.rounds(), assignments.size(), optimal.matched(), result.totalScore(), result.greedyTotalScore(), millis,
                (loaded - started) / 1_000_000, (scoredAt - loaded) / 1_000_000, (solved - scoredAt) / 1_000_000);
        return saved.result;
    }

    private static CohortMode mode(String code) {
        if (code == null) {
            return CohortMode.BEST_TOTAL;
        }
        return CohortMode.of(code).orElseThrow(() -> ProblemException.invalid(
                Violation.body("mode", "must be one of " + String.join(", ", CohortMode.codes()), CohortMode.codes())));
    }

    /**
     * Pairs left out by pruning, for the optimality check: a request's left-out pairs score at most its worst kept
     * pair, and only when it kept the full {@link #PAIRS_PER_REQUEST} were any left out. Doubtful requests are
     * scored again in full, in parallel.
     */
    private static CohortAssignment.LeftOutPairs leftOut(Map<Long, List<CohortScoring.Kept>> bestPairs, Map<Long, MatchScorer.Need> needOf,
            CohortScoring scoring) {
        return new CohortAssignment.LeftOutPairs() {
            @Override
            public double bound(long requestId) {
                var kept = bestPairs.get(requestId);
                return kept.size() < PAIRS_PER_REQUEST ? 0 : kept.get(kept.size() - 1).total();
            }

            @Override
            public Map<Long, List<CohortEdge>> pairsOf(Collection<Long> requestIds) {
                return requestIds.parallelStream().collect(Collectors.toMap(id -> id, id -> scoring.pairs(id, needOf.get(id))));
            }
        };
    }

    /** The answer without each lock and each ban in turn, solved again in the same mode: what each override costs. */
    private static List<CohortResult.OverridePrice> prices(CohortProblem problem, CohortRules rules, List<CohortPair> bans,
            CohortAssignment.LeftOutPairs leftOut, CohortSolution with) {
        var prices = new ArrayList<CohortResult.OverridePrice>();
        for (int i = 0; i < rules.locks().size(); i++) {
            var lock = rules.locks().get(i);
            var others = new ArrayList<>(rules.locks());
            others.remove(i);
            var without = CohortAssignment.optimal(problem, rules.withOverrides(others, rules.bans()), leftOut);
            prices.add(new CohortResult.OverridePrice("lock", i, lock.requestId(), lock.mentorId(), with.matched(), round(with.totalScore()),
                    without.matched(), round(without.totalScore())));
        }
        for (int i = 0; i < bans.size(); i++) {
            var ban = bans.get(i);
            var others = new HashSet<>(rules.bans());
            others.remove(ban);
            var without = CohortAssignment.optimal(problem, rules.withOverrides(rules.locks(), others), leftOut);
            prices.add(new CohortResult.OverridePrice("ban", i, ban.requestId(), ban.mentorId(), with.matched(), round(with.totalScore()),
                    without.matched(), round(without.totalScore())));
        }
        return prices;
    }

    private static List<CohortPair> bans(CohortMatchInput input) {
        return input.bansOrNone().stream().map(b -> new CohortPair(b.requestId(), b.mentorId())).toList();
    }

    /** Locks and bans must name requests of this cohort and leaders that exist, each pair once: 400 otherwise. */
    private void checkPairsName(List<LearningRequest> open, List<CohortMatchInput.Pair> pairs, String field) {
        var requestIds = open.stream().map(r -> r.id).collect(Collectors.toSet());
        var violations = new ArrayList<Violation>();
        var seen = new HashSet<CohortPair>();
        for (int i = 0; i < pairs.size(); i++) {
            var pair = pairs.get(i);
            if (!requestIds.contains(pair.requestId())) {
                violations.add(Violation.body(field + "[" + i + "].requestId", "is not one of this cohort's requests"));
            }
            if (!seen.add(new CohortPair(pair.requestId(), pair.mentorId()))) {
                violations.add(Violation.body(field + "[" + i + "]", "names the same pair as an earlier one"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        checkMentorsExist(pairs.stream().map(CohortMatchInput.Pair::mentorId).toList(), field + "[%d].mentorId");
    }

    /**
     * The run's rules. A lock that cannot be kept is a 409 naming it: its mentor not available (paused, not
     * willing, excluded from the mentors drawn on, or no places left), the pair not eligible (the learner's own
     * organisation, a declared conflict of interest, no service in common), more locks than the mentor's places
     * or the request's mentors, the same pair also banned, or a must of the profile broken (named).
     */
    private static CohortRules rules(CohortMatchInput input, CohortMode mode, int k, Map<Long, MentorCandidate> pool,
            Map<Long, MatchScorer.Need> needOf, MatchScorer scorer, CohortScoring scoring) {
        var bans = new HashSet<>(bans(input));
        // a pair already proposed, accepted or under way cannot be proposed again (accepting the cohort would be a 409 for every
        // row): the solver never offers it, as if staff had banned it
        var alreadyProposed = new HashSet<CohortPair>();
        needOf.keySet().forEach(request -> Mentorship.liveOfRequest(request)
                .forEach(m -> alreadyProposed.add(new CohortPair(request, m.mentorId))));
        var locks = new ArrayList<CohortEdge>();
        var perMentor = new HashMap<Long, Integer>();
        var perRequest = new HashMap<Long, Integer>();
        for (int i = 0; i < input.locksOrNone().size(); i++) {
            var lock = input.locksOrNone().get(i);
            String name = "locks[" + i + "] (request " + lock.requestId() + ", mentor " + lock.mentorId() + ")";
            var mentor = pool.get(lock.mentorId());
            if (mentor == null) {
                throw conflict("locks[" + i + "]", name + ": the mentor is not available to this cohort (paused, not willing to mentor, "
                        + "not among the mentors drawn on, or no places left)");
            }
            double score = scoring.total(needOf.get(lock.requestId()), mentor);
            var broken = scorer.brokenMust(needOf.get(lock.requestId()), mentor);
            if (score < 0 && MatchScorer.eligible(needOf.get(lock.requestId()), mentor) && broken.isPresent()) {
                throw conflict("locks[" + i + "]", name + ": breaks the matching profile's must " + broken.get().code());
            }
            if (score == 0) {
                throw conflict("locks[" + i + "]", name + ": the pair scores 0 under the matching profile (every part it earns is weighed 0)");
            }
            if (score < 0) {
                throw conflict("locks[" + i + "]", name + ": not an eligible pair (the learner's own organisation, a declared conflict of "
                        + "interest, or no service in common)");
            }
            if (bans.contains(new CohortPair(lock.requestId(), lock.mentorId()))) {
                throw conflict("locks[" + i + "]", name + ": the same pair is also banned");
            }
            if (alreadyProposed.contains(new CohortPair(lock.requestId(), lock.mentorId()))) {
                throw conflict("locks[" + i + "]", name + ": the mentor is already proposed for the request");
            }
            if (perMentor.merge(lock.mentorId(), 1, Integer::sum) > mentor.capacityLeft()) {
                throw conflict("locks[" + i + "]", name + ": the mentor has " + mentor.capacityLeft() + " place"
                        + (mentor.capacityLeft() == 1 ? "" : "s") + " left, fewer than the locks on them");
            }
            if (perRequest.merge(lock.requestId(), 1, Integer::sum) > k) {
                throw conflict("locks[" + i + "]", name + ": the request takes " + k + " mentor" + (k == 1 ? "" : "s")
                        + ", fewer than the locks on it");
            }
            locks.add(new CohortEdge(lock.requestId(), lock.mentorId(), score));
        }
        bans.addAll(alreadyProposed);
        return new CohortRules(mode, locks, bans, input.spreadsLoad() ? CohortAssignment.units(CohortRules.SPREAD_STEP_POINTS) : 0);
    }

    private static ProblemException conflict(String field, String detail) {
        return new ProblemException(Problem.of("conflict", "Conflict", 409, detail)
                .withViolations(List.of(Violation.body(field, detail.substring(detail.indexOf(": ") + 2)))));
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

    private void checkMentorsExist(List<Long> mentorIds, String field) {
        var existing = leaders.existing(mentorIds);
        var violations = new ArrayList<Violation>();
        for (int i = 0; i < mentorIds.size(); i++) {
            if (!existing.contains(mentorIds.get(i))) {
                violations.add(Violation.body(String.format(field, i), "there is no leader " + mentorIds.get(i)));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** The pauses running today of the mentors drawn on and those locks name, read from the database (the index may lag). */
    private MentorPauses pauses(Collection<Long> drawn, List<CohortMatchInput.Pair> locks) {
        var ids = new HashSet<>(drawn);
        locks.forEach(lock -> ids.add(lock.mentorId()));
        return new MentorPauses(leaders.pausedUntil(ids), MentoringOffer.today());
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
                        m.willing(), left, m.formats(), m.trained(), m.conflicts(), m.illustrative(), m.records(), m.trackRecord(),
                        m.homeRegion(), m.capacity()));
            }
        }
        return pool;
    }

    private static List<CohortResult.Unmatched> unmatched(List<LearningRequest> open, Map<Long, List<CohortScoring.Kept>> pairs,
            CohortSolution optimal, int k, CohortRules rules, MatchProfile profile) {
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
                            + (profile.musts().isEmpty() ? "" : ", and meets the profile's musts ("
                                    + String.join(", ", profile.musts().stream().map(MatchProfile.Must::code).toList()) + ")")
                    : eligible < k && assigned.getOrDefault(request.id, 0) == eligible
                            ? "only " + eligible + " eligible mentor" + (eligible > 1 ? "s" : "") + ", all assigned"
                            : "its " + (eligible == PAIRS_PER_REQUEST ? eligible + " or more" : eligible) + " eligible mentors had no capacity "
                                    + "left after the assignment that " + (rules.mode() == CohortMode.EVERYONE_FIRST
                                            ? "matches the most requests, then maximises the total" : "maximises the total")
                                    + (rules.bans().isEmpty() ? "" : " (or are banned)");
            unmatched.add(new CohortResult.Unmatched(request.id, request.learnerId, missing, reason));
        }
        return unmatched;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
