package org.joinedup.matching;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate;
import org.joinedup.vocabulary.CsvTable;
import org.joinedup.vocabulary.GeoPoint;

/**
 * Times a cohort's whole path after loading, as {@link CohortMatchService#run} takes it (scoring every request
 * against the pool keeping its best {@link CohortMatchService#PAIRS_PER_REQUEST} pairs, explaining them, solving
 * in both modes with the optimality check over the left-out pairs, and greedy), with today's {@link CohortScoring}
 * and with the one before issue 19's speed work ({@link CohortScoringBaseline}) in the same run, on the same
 * generated pool; no database or Elasticsearch. Fails loudly if the two keep different pairs or totals, or solve
 * to different answers. Run with {@code bench/cohort-scoring} (arguments: sizes such as {@code 1000x5000}, and
 * {@code --runs N}).
 *
 * <p>The pool is shaped like the bench data of docs/benchmarks.md ("Matching at scale"): every code from the
 * vocabularies in seed-data/, mentors at council centroids with 1 to 40 records (about 5 on average) in their
 * home area, its neighbours or their ICB, three quarters self-reported; learners ask for 2 or 3 services, one
 * approach, place scope, near home.
 */
public final class CohortScoringBenchmark {

    private static final long SEED = 20_261_203L;
    private static final List<String> DEFAULT_SIZES = List.of("100x1000", "1000x5000", "5000x20000", "5000x4000");

    /** What both scorings offer the path. */
    interface Scoring {
        List<MentorCandidate> best(MatchScorer.Need need, int limit);

        List<CohortEdge> pairs(long requestId, MatchScorer.Need need);
    }

    private record Cohort(List<MentorCandidate> pool, List<MatchScorer.Need> needs) {
    }

    /** One pass of the path: what it kept and solved, and where the time went (ms). */
    private record Pass(List<List<String>> kept, CohortSolution bestTotal, CohortSolution everyoneFirst, CohortSolution greedy,
            double reading, double best, double bestCpu, double explaining, double scoring, double solvingBestTotal, double solvingEveryoneFirst, double greedyMillis) {
        double whole() {
            return scoring + solvingBestTotal + solvingEveryoneFirst + greedyMillis;
        }
    }

    private CohortScoringBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        var sizes = new ArrayList<String>();
        int runs = 0;
        boolean afterOnly = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--after-only")) {
                afterOnly = true;
            } else {
                sizes.add(args[i]);
            }
        }
        if (sizes.isEmpty()) {
            sizes.addAll(DEFAULT_SIZES);
        }
        var vocabulary = new Vocabulary(Path.of("seed-data"));
        var scorer = new MatchScorer(vocabulary.scopes::indexOf, code -> code);
        System.out.printf("Java %s, %d processors, max heap %d MB, seed %d, perRequest 1, %d pairs kept per request%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, SEED,
                CohortMatchService.PAIRS_PER_REQUEST);
        for (var size : sizes) {
            var parts = size.split("x");
            int requests = Integer.parseInt(parts[0]);
            int mentors = Integer.parseInt(parts[1]);
            var cohort = vocabulary.cohort(requests, mentors, new SplittableRandom(SEED));
            int times = runs > 0 ? runs : requests >= 5000 ? 3 : 5;
            if (afterOnly) {
                afterOnly(size, cohort, scorer, times);
            } else {
                run(size, cohort, scorer, times);
            }
        }
    }

    private static void run(String size, Cohort cohort, MatchScorer scorer, int times) {
        // a warm-up pass of each, then old and new taking turns, so load on the machine falls on both alike
        var before = new ArrayList<Pass>();
        var after = new ArrayList<Pass>();
        pass(cohort, scorer, false);
        pass(cohort, scorer, true);
        for (int i = 0; i < times; i++) {
            before.add(pass(cohort, scorer, false));
            after.add(pass(cohort, scorer, true));
        }
        var old = before.get(0);
        var now = after.get(0);
        same(size, old, now);
        int capacity = cohort.pool().stream().mapToInt(MentorCandidate::capacityLeft).sum();
        System.out.printf("%s: %d mentors' places for %d requests; medians of %d%n", size, capacity, cohort.needs().size(), times);
        System.out.printf("  %-30s %10s %10s %8s%n", "", "before", "after", "ratio");
        line("  reading the pool", before, after, Pass::reading);
        line("  best pairs of each request", before, after, Pass::best);
        line("    in CPU time (all threads)", before, after, Pass::bestCpu);
        line("  explaining (kept pairs / assigned)", before, after, Pass::explaining);
        line("scoring, all told", before, after, Pass::scoring);
        line("solving best-total", before, after, Pass::solvingBestTotal);
        line("solving everyone-first", before, after, Pass::solvingEveryoneFirst);
        line("greedy", before, after, Pass::greedyMillis);
        line("whole path (both modes)", before, after, Pass::whole);
        line("path, best-total mode", before, after, p -> p.scoring() + p.solvingBestTotal());
        line("path, everyone-first mode", before, after, p -> p.scoring() + p.solvingEveryoneFirst());
        for (var row : List.of(List.of("best-total", now.bestTotal()), List.of("everyone-first", now.everyoneFirst()),
                List.of("greedy", now.greedy()))) {
            var solution = (CohortSolution) row.get(1);
            System.out.printf("  %-15s matched %d, total %.2f, pairs brought back by the check %d in %d solves%n", row.get(0), solution.matched(),
                    solution.totalScore(), solution.pairsAdded(), solution.rounds());
        }
        System.out.printf("  same kept pairs and totals for all %d requests, same answers in both modes: yes%n", cohort.needs().size());
    }

    /** Only the best-pairs step of today's scoring, for profiling it: no baseline, no solving, nothing compared. */
    private static void afterOnly(String size, Cohort cohort, MatchScorer scorer, int times) {
        var needs = cohort.needs();
        for (int i = 0; i <= times; i++) {
            long started = System.nanoTime();
            var now = new CohortScoring(scorer, cohort.pool(), needs);
            long built = System.nanoTime();
            long cpuBefore = cpu();
            var kept = IntStream.range(0, needs.size()).parallel().mapToObj(r -> now.kept(needs.get(r), CohortMatchService.PAIRS_PER_REQUEST)).toList();
            long done = System.nanoTime();
            System.out.printf("%s %s: reading %.0f ms, best pairs %.0f ms wall, %.0f ms CPU, %d pairs kept%n", size, i == 0 ? "warm-up" : "pass " + i,
                    (built - started) / 1e6, (done - built) / 1e6, (cpu() - cpuBefore) / 1e6, kept.stream().mapToInt(List::size).sum());
        }
    }

    private static void line(String what, List<Pass> before, List<Pass> after, java.util.function.ToDoubleFunction<Pass> figure) {
        double old = median(before.stream().mapToDouble(figure).toArray());
        double now = median(after.stream().mapToDouble(figure).toArray());
        System.out.printf("  %-30s %8.0f ms %7.0f ms %7.1fx%n", what, old, now, old / now);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /** The same kept pairs (ids and totals, in order) and the same answers, or an exception naming the first difference. */
    private static void same(String size, Pass old, Pass now) {
        for (int i = 0; i < old.kept().size(); i++) {
            var a = old.kept().get(i);
            var b = now.kept().get(i);
            if (!a.equals(b)) {
                throw new IllegalStateException(size + ": request " + i + " kept " + b + " but before " + a);
            }
        }
        for (var pair : List.of(List.of(old.bestTotal(), now.bestTotal()), List.of(old.everyoneFirst(), now.everyoneFirst()))) {
            if (!pair.get(0).assignments().equals(pair.get(1).assignments())) {
                throw new IllegalStateException(size + ": the answers differ: " + pair.get(0).totalScore() + " before, " + pair.get(1).totalScore());
            }
        }
    }

    /**
     * What {@link CohortMatchService#run} does between loading and saving: before issue 19's speed work, every kept
     * pair was explained through {@link MatchScorer}; now only the assigned ones are, after solving.
     */
    private static Pass pass(Cohort cohort, MatchScorer scorer, boolean fast) {
        long started = System.nanoTime();
        var needs = cohort.needs();
        List<List<Double>> totals;
        List<List<MentorCandidate>> keptMentors;
        Scoring scoring;
        long built;
        long bestAt;
        long bestCpu;
        long explained;
        if (fast) {
            var now = new CohortScoring(scorer, cohort.pool(), needs);
            built = System.nanoTime();
            long cpuBefore = cpu();
            var kept = IntStream.range(0, needs.size()).parallel().mapToObj(i -> now.kept(needs.get(i), CohortMatchService.PAIRS_PER_REQUEST)).toList();
            bestAt = System.nanoTime();
            bestCpu = cpu() - cpuBefore;
            explained = bestAt;
            totals = kept.stream().map(k -> k.stream().map(CohortScoring.Kept::total).toList()).toList();
            keptMentors = kept.stream().map(k -> k.stream().map(CohortScoring.Kept::mentor).toList()).toList();
            scoring = new Scoring() {
                public List<MentorCandidate> best(MatchScorer.Need need, int limit) {
                    return now.best(need, limit);
                }

                public List<CohortEdge> pairs(long requestId, MatchScorer.Need need) {
                    return now.pairs(requestId, need);
                }
            };
        } else {
            var old = new CohortScoringBaseline(scorer, cohort.pool(), needs);
            built = System.nanoTime();
            long cpuBefore = cpu();
            var bestOf = IntStream.range(0, needs.size()).parallel().mapToObj(i -> old.best(needs.get(i), CohortMatchService.PAIRS_PER_REQUEST)).toList();
            bestAt = System.nanoTime();
            bestCpu = cpu() - cpuBefore;
            var scores = IntStream.range(0, needs.size()).parallel()
                    .mapToObj(i -> bestOf.get(i).stream().map(mentor -> scorer.score(needs.get(i), mentor).orElseThrow()).toList())
                    .toList();
            explained = System.nanoTime();
            totals = scores.stream().map(k -> k.stream().map(MatchScore::total).toList()).toList();
            keptMentors = bestOf;
            scoring = new Scoring() {
                public List<MentorCandidate> best(MatchScorer.Need need, int limit) {
                    return old.best(need, limit);
                }

                public List<CohortEdge> pairs(long requestId, MatchScorer.Need need) {
                    return old.pairs(requestId, need);
                }
            };
        }
        var edges = new ArrayList<CohortEdge>();
        var keptOf = new HashMap<Long, List<Double>>();
        var needOf = new HashMap<Long, MatchScorer.Need>();
        var requestIds = new ArrayList<Long>();
        var kept = new ArrayList<List<String>>();
        for (int i = 0; i < needs.size(); i++) {
            long requestId = i + 1;
            requestIds.add(requestId);
            keptOf.put(requestId, totals.get(i));
            needOf.put(requestId, needs.get(i));
            var row = new ArrayList<String>();
            for (int j = 0; j < totals.get(i).size(); j++) {
                long mentorId = keptMentors.get(i).get(j).leaderId();
                edges.add(new CohortEdge(requestId, mentorId, totals.get(i).get(j)));
                row.add(mentorId + "=" + totals.get(i).get(j));
            }
            kept.add(row);
        }
        var capacity = new HashMap<Long, Integer>();
        var pool = new HashMap<Long, MentorCandidate>();
        cohort.pool().forEach(m -> {
            capacity.put(m.leaderId(), m.capacityLeft());
            pool.put(m.leaderId(), m);
        });
        var problem = new CohortProblem(requestIds, capacity, edges, 1);
        var leftOut = leftOut(keptOf, needOf, scoring);
        long scored = System.nanoTime();
        var bestTotal = CohortAssignment.optimal(problem, CohortRules.BEST_TOTAL, leftOut);
        long solvedBest = System.nanoTime();
        var everyone = CohortAssignment.optimal(problem, new CohortRules(CohortMode.EVERYONE_FIRST, List.of(), Set.of()), leftOut);
        long solvedEveryone = System.nanoTime();
        var greedy = CohortAssignment.greedy(problem, CohortRules.BEST_TOTAL);
        long done = System.nanoTime();
        double explaining = (explained - bestAt) / 1e6;
        if (fast) {
            // the assigned pairs of the answer, as the service explains them now
            long start = System.nanoTime();
            bestTotal.assignments().forEach(e -> scorer.score(needOf.get(e.requestId()), pool.get(e.mentorId())).orElseThrow());
            explaining = (System.nanoTime() - start) / 1e6;
        }
        return new Pass(kept, bestTotal, everyone, greedy, (built - started) / 1e6, (bestAt - built) / 1e6, bestCpu / 1e6, explaining,
                (scored - started) / 1e6 + (fast ? explaining : 0), (solvedBest - scored) / 1e6, (solvedEveryone - solvedBest) / 1e6,
                (done - solvedEveryone) / 1e6);
    }

    /** CPU time of this process, every thread, in ns: what the work cost, however loaded the machine is. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** As CohortMatchService.leftOut. */
    private static CohortAssignment.LeftOutPairs leftOut(Map<Long, List<Double>> kept, Map<Long, MatchScorer.Need> needOf, Scoring scoring) {
        return new CohortAssignment.LeftOutPairs() {
            @Override
            public double bound(long requestId) {
                var pairs = kept.get(requestId);
                return pairs.size() < CohortMatchService.PAIRS_PER_REQUEST ? 0 : pairs.get(pairs.size() - 1);
            }

            @Override
            public Map<Long, List<CohortEdge>> pairsOf(Collection<Long> requestIds) {
                return requestIds.parallelStream().collect(Collectors.toMap(id -> id, id -> scoring.pairs(id, needOf.get(id))));
            }
        };
    }

    /** The codes and places of seed-data/, and a generator of pools and needs from them. */
    private static final class Vocabulary {
        private static final Map<String, Double> SERVICE_WEIGHT = Map.of("gp", 6.0, "social-care", 6.0, "community-health", 5.0,
                "acute", 2.5, "mental-health", 2.5);
        private static final Map<String, Double> SCOPE_WEIGHT = Map.of("team", 2.0, "organisations", 5.0, "place", 4.0, "system", 1.5);
        private static final Map<String, Double> APPROACH_WEIGHT = Map.of("integrated-teams", 3.0, "care-coordinators", 2.0,
                "hospital-social-work", 0.4);

        private record Area(String code, String name, String region, String icb, GeoPoint point) {
        }

        final List<String> scopes;
        private final List<String> services;
        private final List<String> approaches;
        private final List<String> formats;
        private final List<Area> councils = new ArrayList<>();
        private final Map<String, Area> icbs = new LinkedHashMap<>();
        private final Map<String, List<Area>> neighbours = new HashMap<>();

        Vocabulary(Path seedData) throws IOException {
            services = codes(seedData.resolve("vocabularies/services.csv"));
            approaches = codes(seedData.resolve("vocabularies/approaches.csv"));
            scopes = codes(seedData.resolve("vocabularies/scopes.csv"));
            formats = codes(seedData.resolve("vocabularies/mentoring-formats.csv"));
            for (var row : csv(seedData.resolve("geography/icbs.csv"))) {
                if ("current".equals(row.get("status"))) {
                    icbs.put(row.get("code"), new Area(row.get("code"), row.get("name"), row.get("region_code"), row.get("code"), point(row)));
                }
            }
            for (var row : csv(seedData.resolve("geography/local-authorities.csv"))) {
                councils.add(new Area(row.get("code"), row.get("council_name"), row.get("region_code"), row.get("icb_code"), point(row)));
            }
            for (var council : councils) {
                neighbours.put(council.code(), councils.stream().filter(c -> c != council && c.region().equals(council.region()))
                        .sorted(Comparator.comparingDouble((Area c) -> squared(council, c)).thenComparing(Area::code)).limit(4).toList());
            }
        }

        Cohort cohort(int requests, int mentors, SplittableRandom random) {
            var pool = new ArrayList<MentorCandidate>();
            for (int id = 1; id <= mentors; id++) {
                pool.add(mentor(id, random));
            }
            var needs = new ArrayList<MatchScorer.Need>();
            for (int i = 0; i < requests; i++) {
                var home = councils.get(random.nextInt(councils.size()));
                var conflicts = random.nextInt(50) == 0 ? List.of(councils.get(random.nextInt(councils.size())).name()) : List.<String>of();
                needs.add(new MatchScorer.Need(1_000_000L + i, home.code(), home.name(), conflicts,
                        new LinkedHashSet<>(distinct(services, SERVICE_WEIGHT, 2 + random.nextInt(2), random)),
                        new LinkedHashSet<>(distinct(approaches, APPROACH_WEIGHT, 1, random)), "place",
                        new LinkedHashSet<>(distinct(formats, Map.of(), 1 + random.nextInt(2), random)), home.point(), home.name()));
            }
            return new Cohort(pool, needs);
        }

        private MentorCandidate mentor(long id, SplittableRandom random) {
            var home = councils.get(random.nextInt(councils.size()));
            var records = new ArrayList<MentorCandidate.Experience>();
            int count = 1;
            while (count < 40 && random.nextDouble() > 1 / 5.0) {
                count++;
            }
            for (int r = 0; r < count; r++) {
                var scope = pick(scopes, SCOPE_WEIGHT, random);
                var areas = areas(home, scope, random);
                double v = random.nextDouble();
                var verification = v < 0.75 ? "self-reported" : v < 0.95 ? "endorsed" : "verified";
                var metrics = random.nextDouble() < 0.35 ? List.<String>of() : List.of("non-elective-admissions");
                var improvement = metrics.isEmpty() || random.nextDouble() < 0.1 ? Improvement.NONE
                        : random.nextDouble() < 0.1 ? Improvement.IMPROVED_WITH_SOURCE : Improvement.IMPROVED;
                records.add(new MentorCandidate.Experience(id * 100 + r, "Record", distinct(services, SERVICE_WEIGHT, 2 + random.nextInt(4), random),
                        distinct(approaches, APPROACH_WEIGHT, 1 + random.nextInt(4), random), scope, verification, metrics,
                        improvement == Improvement.NONE ? List.of() : metrics, improvement, 0, areas.stream().map(Area::point).toList(),
                        areas.stream().map(Area::name).toList()));
            }
            boolean council = random.nextBoolean() || !icbs.containsKey(home.icb());
            var organisation = council ? home : icbs.get(home.icb());
            var track = random.nextInt(20) == 0 ? new TrackRecord(2, 1 + random.nextInt(4), 0, 0) : TrackRecord.NONE;
            if (track.followUpsAnswered() > 0) {
                track = new TrackRecord(2, track.followUpsAnswered(), random.nextInt((int) track.followUpsAnswered() + 1), 0);
            }
            var conflicts = random.nextInt(50) == 0 ? List.of(councils.get(random.nextInt(councils.size())).name()) : List.<String>of();
            return new MentorCandidate(id, "Mentor " + id, "Director", organisation.code(), organisation.name(), home.name(), true,
                    1 + random.nextInt(4), distinct(formats, Map.of(), 1 + random.nextInt(3), random), random.nextBoolean(), conflicts, true, records,
                    track);
        }

        private List<Area> areas(Area home, String scope, SplittableRandom random) {
            var icb = icbs.get(home.icb());
            if (scope.equals("system") && icb != null) {
                return List.of(icb);
            }
            var near = neighbours.get(home.code());
            double r = random.nextDouble();
            if (near.isEmpty() || r < 0.65) {
                return List.of(home);
            }
            var other = near.get(random.nextInt(near.size()));
            return r < 0.85 ? List.of(home, other) : List.of(other);
        }

        private static List<String> distinct(List<String> codes, Map<String, Double> weights, int count, SplittableRandom random) {
            var left = new ArrayList<>(codes);
            var chosen = new ArrayList<String>();
            while (chosen.size() < count && !left.isEmpty()) {
                var code = pick(left, weights, random);
                left.remove(code);
                chosen.add(code);
            }
            return chosen;
        }

        private static String pick(List<String> codes, Map<String, Double> weights, SplittableRandom random) {
            double total = codes.stream().mapToDouble(c -> weights.getOrDefault(c, 1.0)).sum();
            double r = random.nextDouble() * total;
            for (var code : codes) {
                r -= weights.getOrDefault(code, 1.0);
                if (r < 0) {
                    return code;
                }
            }
            return codes.get(codes.size() - 1);
        }

        private static double squared(Area a, Area b) {
            double dx = (a.point().lon() - b.point().lon()) * Math.cos(Math.toRadians((a.point().lat() + b.point().lat()) / 2));
            double dy = a.point().lat() - b.point().lat();
            return dx * dx + dy * dy;
        }

        private static GeoPoint point(Map<String, String> row) {
            return new GeoPoint(Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude")));
        }

        private static List<String> codes(Path csv) throws IOException {
            return csv(csv).stream().map(row -> row.get("code")).toList();
        }

        private static List<Map<String, String>> csv(Path path) throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                return CsvTable.read(in, path.toString());
            }
        }
    }
}
