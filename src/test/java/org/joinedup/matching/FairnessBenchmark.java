package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidate.Experience;
import org.joinedup.vocabulary.GeoPoint;

/**
 * How concentrated single-request suggestions are (issue 19, fairness), in the JVM over {@link MatchScorer}: a
 * generated pool of mentors and open requests, each request's top 5 as {@link MatchService#rank} orders them,
 * and two figures: the share of all top-5 slots held by the 1% most-suggested mentors, and the median score
 * of a top-5 slot. First a history of earlier requests, each proposed to its first suggestion as today's order
 * gives it, loads the mentors (mentorships in progress), as live data is loaded; then the open requests are
 * measured with the load penalty at 0 (today's order) and at other values. Named so the build never runs it
 * ({@code bench/fairness}; docs/benchmarks.md).
 */
public final class FairnessBenchmark {

    private static final List<String> SERVICES = List.of("gp", "social-care", "community-health", "mental-health", "acute", "housing",
            "voluntary-sector", "learning-disability", "public-health", "ambulance");
    /** How common each service is in records and requests: a few dominate, as in the demo data. */
    private static final double[] SERVICE_WEIGHT = {10, 9, 6, 4, 4, 2, 2, 1, 1, 0.5};
    private static final List<String> APPROACHES = List.of("integrated-teams", "discharge-to-assess", "pooled-budgets", "shared-records",
            "population-health", "care-navigation", "trusted-assessor", "multidisciplinary-meetings");
    private static final double[] APPROACH_WEIGHT = {8, 6, 3, 3, 2, 2, 1, 1};
    private static final List<String> SCOPES = List.of("team", "organisations", "place", "system");
    private static final List<String> FORMATS = List.of("calls", "site-visit", "shadowing", "workshops");
    private static final int TOP = 5;
    private static final int FETCHED = 50;

    private FairnessBenchmark() {
    }

    public static void main(String[] args) {
        int mentors = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int history = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int open = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        long seed = 20261203L;
        var random = new Random(seed);
        var scorer = new MatchScorer(code -> SCOPES.indexOf(code), Function.identity());
        var pool = pool(mentors, random);
        var past = needs(history, mentors, random);
        var needs = needs(open, mentors, random);
        System.out.printf("Java %s, %d processors; seed %d; %d mentors, %d earlier requests (each proposed to its first suggestion), "
                + "%d open requests, top %d of the best %d fetched%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), seed, mentors, history, open, TOP, FETCHED);

        long started = System.nanoTime();
        var left = new HashMap<Long, Integer>();
        pool.forEach(m -> left.put(m.leaderId(), m.capacityLeft()));
        var historyScoring = new CohortScoring(scorer, pool, past);
        for (var need : past) {
            // today's order, among mentors with places left
            historyScoring.best(need, FETCHED * 4).stream().filter(m -> left.get(m.leaderId()) > 0).findFirst()
                    .ifPresent(m -> left.merge(m.leaderId(), -1, Integer::sum));
        }
        var loaded = pool.stream().map(m -> withLeft(m, left.get(m.leaderId()))).toList();
        int full = (int) loaded.stream().filter(m -> m.capacityLeft() == 0).count();
        System.out.printf("history: %d mentors full, %d with some places in use (%.1f s)%n", full,
                loaded.stream().filter(m -> m.capacityLeft() < m.capacity()).count(), (System.nanoTime() - started) / 1e9);

        var scoring = new CohortScoring(scorer, loaded, needs);
        var loadedById = loaded.stream().collect(Collectors.toMap(MentorCandidate::leaderId, m -> m));
        // the candidates each request would be given (as the index fetches them), scored and explained once
        var fetched = IntStream.range(0, needs.size()).parallel()
                .mapToObj(i -> scoring.best(needs.get(i), FETCHED).stream().map(m -> scorer.score(needs.get(i), m).orElseThrow()).toList())
                .toList();
        double baseline = -1;
        for (double penalty : new double[] {0, 2, 3, 5, 8, 12, 16}) {
            var counts = new HashMap<Long, Integer>();
            var slotScores = new ArrayList<Double>();
            for (var scores : fetched) {
                scores.stream().sorted(SuggestionOrder.<MatchScore>order(
                                s -> SuggestionOrder.rankKey(s.total(), loadedById.get(s.mentorId()), penalty), MatchScore::mentorId))
                        .limit(TOP).forEach(s -> {
                            counts.merge(s.mentorId(), 1, Integer::sum);
                            slotScores.add(s.total());
                        });
            }
            int slots = slotScores.size();
            int onePercent = Math.max(1, mentors / 100);
            int byTop = counts.values().stream().sorted(Comparator.reverseOrder()).limit(onePercent).mapToInt(Integer::intValue).sum();
            double[] sorted = slotScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
            double mean = Arrays.stream(sorted).average().orElse(0);
            if (baseline < 0) {
                baseline = median;
            }
            System.out.printf("penalty %.0f: top 1%% (%d mentors) hold %.1f%% of %d top-5 slots; %d mentors suggested at all; "
                    + "median top-5 score %.2f (%+.2f%%), mean %.2f%s%n", penalty, onePercent, 100.0 * byTop / slots, slots, counts.size(),
                    median, 100 * (median - baseline) / baseline, mean, penalty == SuggestionOrder.LOAD_PENALTY ? "   <- SuggestionOrder.LOAD_PENALTY" : "");
        }
        System.out.printf("(%.1f s)%n", (System.nanoTime() - started) / 1e9);
    }

    private static MentorCandidate withLeft(MentorCandidate m, int left) {
        return new MentorCandidate(m.leaderId(), m.name(), m.currentRole(), m.organisationCode(), m.organisation(), m.homeAreaName(), m.willing(),
                left, m.formats(), m.trained(), m.conflicts(), m.illustrative(), m.records(), m.trackRecord(), m.capacity());
    }

    private static List<MentorCandidate> pool(int count, Random random) {
        var pool = new ArrayList<MentorCandidate>();
        for (long id = 1; id <= count; id++) {
            var records = new ArrayList<Experience>();
            int recordCount = 1 + random.nextInt(4);
            for (int r = 0; r < recordCount; r++) {
                var improvement = Improvement.values()[random.nextInt(Improvement.values().length)];
                double v = random.nextDouble();
                records.add(new Experience(id * 10 + r, "Record " + id + "-" + r, pick(SERVICES, SERVICE_WEIGHT, 2 + random.nextInt(3), random),
                        pick(APPROACHES, APPROACH_WEIGHT, random.nextInt(4), random), SCOPES.get(random.nextInt(SCOPES.size())),
                        v < 0.2 ? "verified" : v < 0.5 ? "endorsed" : "self-reported",
                        improvement == Improvement.NONE ? List.of() : List.of("non-elective-admissions"),
                        improvement == Improvement.NONE ? List.of() : List.of("non-elective-admissions"), improvement, random.nextInt(3),
                        List.of(place(random)), List.of("Somewhere")));
            }
            int capacity = 1 + random.nextInt(4);
            var organisation = "Organisation " + random.nextInt(count / 3);
            pool.add(new MentorCandidate(id, "Mentor " + id, "Director", organisation.toLowerCase(), organisation, "Home", true, capacity,
                    pick(FORMATS, new double[] {3, 2, 1, 1}, random.nextInt(3), random), random.nextInt(10) < 3, List.of(), true, records,
                    TrackRecord.NONE, capacity));
        }
        return pool;
    }

    private static List<MatchScorer.Need> needs(int count, int mentors, Random random) {
        var needs = new ArrayList<MatchScorer.Need>();
        for (int i = 0; i < count; i++) {
            var organisation = "Learner organisation " + i;
            needs.add(new MatchScorer.Need(mentors + 1_000_000L + i + random.nextInt(1000) * 10_000_000L, organisation.toLowerCase(), organisation,
                    List.of(), new LinkedHashSet<>(pick(SERVICES, SERVICE_WEIGHT, 1 + random.nextInt(3), random)),
                    new LinkedHashSet<>(pick(APPROACHES, APPROACH_WEIGHT, random.nextInt(3), random)),
                    random.nextInt(4) == 0 ? null : SCOPES.get(random.nextInt(SCOPES.size())),
                    new LinkedHashSet<>(pick(FORMATS, new double[] {3, 2, 1, 1}, random.nextInt(2), random)), place(random), "Place"));
        }
        return needs;
    }

    /** Somewhere in England, roughly. */
    private static GeoPoint place(Random random) {
        return new GeoPoint(50.6 + random.nextDouble() * 4.4, -3.5 + random.nextDouble() * 5);
    }

    /** {@code n} distinct codes drawn by weight. */
    private static List<String> pick(List<String> codes, double[] weights, int n, Random random) {
        var chosen = new LinkedHashSet<String>();
        double sum = Arrays.stream(weights).sum();
        while (chosen.size() < Math.min(n, codes.size())) {
            double x = random.nextDouble() * sum;
            int k = 0;
            while (k < weights.length - 1 && x >= weights[k]) {
                x -= weights[k++];
            }
            chosen.add(codes.get(k));
        }
        return List.copyOf(chosen);
    }
}
