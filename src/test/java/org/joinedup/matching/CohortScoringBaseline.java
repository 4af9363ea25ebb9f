package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.joinedup.search.MentorCandidate;
import org.joinedup.vocabulary.GeoPoint;
import org.joinedup.vocabulary.Geography;

/**
 * {@link CohortScoring} as it was before issue 19's speed work (every request against every mentor sharing a
 * service, each pair scored in full), with the matching profile applied as merge-29 applies it, kept so
 * bench/cohort --scoring can time the new scoring against it in the same run and check that both keep exactly
 * the same pairs.
 */
final class CohortScoringBaseline {

    private record Entry(long recordId, long services, long approaches, int scope, double evidence, double outcomes, int[] places, double role,
            boolean verified, List<String> areaCodes) {
    }

    private record Mentor(MentorCandidate candidate, long services, long formats, Entry[] records) {
    }

    private record Pair(MentorCandidate mentor, double total) {
    }

    /** Worst first, so a bounded heap drops the worst; ties go to the lower leader id, as everywhere in matching. */
    private static final Comparator<Pair> WORST_FIRST = Comparator.comparingDouble(Pair::total)
            .thenComparing(p -> p.mentor().leaderId(), Comparator.reverseOrder());
    private static final int NO_SCOPE = Integer.MIN_VALUE;

    private final MatchScorer scorer;
    private final MatchProfile profile;
    private final Codes services = new Codes();
    private final Codes approaches = new Codes();
    private final Codes formats = new Codes();
    private final Map<GeoPoint, Integer> placeIds = new HashMap<>();
    private final List<GeoPoint> places = new ArrayList<>();
    private final List<Mentor> mentors;

    /** Only the codes some need asks for are given bits: a record's other codes can never count. */
    CohortScoringBaseline(MatchScorer scorer, Collection<MentorCandidate> pool, List<MatchScorer.Need> needs) {
        this.scorer = scorer;
        this.profile = scorer.profile();
        for (var need : needs) {
            services.addAll(need.services());
            approaches.addAll(need.approaches());
            formats.addAll(need.formats());
        }
        mentors = pool.stream().map(this::compile).toList();
    }

    /** The {@code limit} mentors with the highest totals for {@code need}, best first. Safe to call from many threads. */
    List<MentorCandidate> best(MatchScorer.Need need, int limit) {
        var wanted = new Wanted(need);
        var heap = new PriorityQueue<Pair>(limit + 1, WORST_FIRST);
        for (var mentor : mentors) {
            if ((mentor.services() & wanted.services) == 0) {
                continue;
            }
            double total = total(wanted, mentor);
            if (total < 0) {
                continue;
            }
            var pair = new Pair(mentor.candidate(), total);
            if (heap.size() < limit) {
                heap.add(pair);
            } else if (WORST_FIRST.compare(pair, heap.peek()) > 0) {
                heap.poll();
                heap.add(pair);
            }
        }
        return heap.stream().sorted(WORST_FIRST.reversed()).map(Pair::mentor).toList();
    }

    /** Every eligible pair of this need (request {@code requestId}) with its total, in no particular order. Thread-safe. */
    List<CohortEdge> pairs(long requestId, MatchScorer.Need need) {
        var wanted = new Wanted(need);
        var pairs = new ArrayList<CohortEdge>();
        for (var mentor : mentors) {
            if ((mentor.services() & wanted.services) == 0) {
                continue;
            }
            double total = total(wanted, mentor);
            if (total > 0) {
                pairs.add(new CohortEdge(requestId, mentor.candidate().leaderId(), total));
            }
        }
        return pairs;
    }

    /** What {@code scorer.score(need, mentor).total()} is; negative where that is empty. */
    double total(MatchScorer.Need need, MentorCandidate mentor) {
        var compiled = compile(mentor);
        return total(new Wanted(need), compiled);
    }

    private double total(Wanted wanted, Mentor mentor) {
        if (!MatchScorer.eligible(wanted.need, mentor.candidate()) || scorer.brokenMentorMust(wanted.need, mentor.candidate()) != null) {
            return -1;
        }
        double[] best = null;
        Entry bestRecord = null;
        long bestId = 0;
        int relevant = 0;
        var parts = new double[7];
        double place = 0.0;
        for (var record : mentor.records()) {
            if ((record.services() & wanted.services) == 0) {
                continue;
            }
            relevant++;
            place = Math.max(place, profile.weighted(MatchProfile.PLACE, wanted.need.placePointsIn(record.areaCodes())));
            parts(wanted, record, parts);
            if (best == null || sum(parts) > sum(best) || (sum(parts) == sum(best) && record.recordId() < bestId)) {
                best = parts.clone();
                bestRecord = record;
                bestId = record.recordId();
            }
        }
        if (best == null || !meetsRecordMusts(wanted, bestRecord)) {
            return -1;
        }
        double total = 0;
        for (int i = 0; i < 6; i++) {
            total += MatchScorer.round(best[i]);
        }
        total += profile.weighted(MatchProfile.DEPTH, MatchScorer.depth(relevant));
        total += profile.weighted(MatchProfile.FORMATS, (mentor.formats() & wanted.formats) != 0 ? MatchScorer.FORMATS : 0.0);
        total += profile.weighted(MatchProfile.TRAINED, mentor.candidate().trained() ? MatchScorer.TRAINED : 0.0);
        total += profile.weighted(MatchProfile.TRACK_RECORD, MatchScorer.trackRecord(mentor.candidate().trackRecord()));
        total += MatchScorer.round(best[6]);
        total += profile.weighted(MatchProfile.WORDS, wanted.need.wordsPoints(mentor.candidate().leaderId()));
        total += place;
        return MatchScorer.round(total);
    }

    /** {@link MatchScorer#brokenRecordMust} on the flat form. */
    private boolean meetsRecordMusts(Wanted wanted, Entry best) {
        if (profile.must(MatchProfile.Must.VERIFIED_RECORD) && !best.verified()) {
            return false;
        }
        return !(profile.must(MatchProfile.Must.APPROACH_IN_COMMON) && !wanted.need.approaches().isEmpty()
                && (best.approaches() & wanted.approaches) == 0);
    }

    /** The record parts in {@link MatchScorer}'s order, under the profile: services, approaches, scope, evidence, outcomes, distance, role. */
    private void parts(Wanted wanted, Entry record, double[] into) {
        into[0] = profile.scaled(MatchProfile.SERVICES,
                MatchScorer.SERVICES * (Long.bitCount(record.services() & wanted.services) / (double) wanted.need.services().size()));
        into[1] = profile.scaled(MatchProfile.APPROACHES, wanted.need.approaches().isEmpty() ? 0.0
                : MatchScorer.APPROACHES * (Long.bitCount(record.approaches() & wanted.approaches) / (double) wanted.need.approaches().size()));
        into[2] = profile.scaled(MatchProfile.SCOPE, scopeFit(wanted.scope, record.scope()));
        into[3] = profile.scaled(MatchProfile.EVIDENCE, record.evidence());
        into[4] = profile.scaled(MatchProfile.OUTCOMES, record.outcomes());
        double km = wanted.nearestKm(record.places());
        into[5] = profile.scaled(MatchProfile.DISTANCE, Double.isNaN(km) ? 0.0 : MatchScorer.DISTANCE * Math.pow(0.5, km / MatchScorer.HALVING_KM));
        into[6] = profile.scaled(MatchProfile.ROLE, record.role());
    }

    private static double scopeFit(int wanted, int had) {
        if (wanted == NO_SCOPE || had == NO_SCOPE) {
            return 0;
        }
        int gap = Math.abs(wanted - had);
        return gap == 0 ? MatchScorer.SCOPE : gap == 1 ? MatchScorer.SCOPE / 2 : 0;
    }

    /** Summed left to right, as {@link MatchScorer} compares records. */
    private static double sum(double[] parts) {
        double sum = 0;
        for (double part : parts) {
            sum += part;
        }
        return sum;
    }

    private Mentor compile(MentorCandidate candidate) {
        var records = new Entry[candidate.records().size()];
        long union = 0;
        for (int i = 0; i < records.length; i++) {
            var r = candidate.records().get(i);
            var ids = r.locations().stream().mapToInt(this::placeId).toArray();
            records[i] = new Entry(r.recordId(), services.of(r.services()), approaches.of(r.approaches()), rank(r.scope()),
                    MatchScorer.evidence(r.verification()), MatchScorer.outcomes(r.improvement()), ids, MatchScorer.role(r.role()),
                    "verified".equals(r.verification()), r.areaCodes());
            union |= records[i].services();
        }
        return new Mentor(candidate, union, formats.of(candidate.formats()), records);
    }

    private synchronized int placeId(GeoPoint place) {
        return placeIds.computeIfAbsent(place, p -> {
            places.add(p);
            return places.size() - 1;
        });
    }

    private int rank(String scope) {
        return scope == null ? NO_SCOPE : scorer.scopeRank(scope);
    }

    /** One need in the same flat form, with the distance to each place worked out once. */
    private final class Wanted {
        final MatchScorer.Need need;
        final long services;
        final long approaches;
        final long formats;
        final int scope;
        private final double[] km;

        Wanted(MatchScorer.Need need) {
            this.need = need;
            this.services = CohortScoringBaseline.this.services.of(need.services());
            this.approaches = CohortScoringBaseline.this.approaches.of(need.approaches());
            this.formats = CohortScoringBaseline.this.formats.of(need.formats());
            this.scope = rank(need.scope());
            this.km = new double[places.size()];
            Arrays.fill(km, -1);
        }

        /** NaN when the need or the record has no place, as the scorer then gives no distance part. */
        double nearestKm(int[] placeIds) {
            if (need.location() == null || placeIds.length == 0) {
                return Double.NaN;
            }
            double nearest = Double.POSITIVE_INFINITY;
            for (int id : placeIds) {
                if (km[id] < 0) {
                    var p = places.get(id);
                    km[id] = Geography.distanceKm(need.location().lat(), need.location().lon(), p.lat(), p.lon());
                }
                nearest = Math.min(nearest, km[id]);
            }
            return nearest;
        }
    }

    /** Vocabulary codes as bit positions; a vocabulary has far fewer than 64 codes. */
    private static final class Codes {
        private final Map<String, Integer> bits = new HashMap<>();

        void addAll(Collection<String> codes) {
            for (var code : codes) {
                if (!bits.containsKey(code)) {
                    if (bits.size() == Long.SIZE) {
                        throw new IllegalStateException("more than 64 codes of one kind in a cohort");
                    }
                    bits.put(code, bits.size());
                }
            }
        }

        long of(Collection<String> codes) {
            long set = 0;
            for (var code : codes) {
                Integer bit = bits.get(code);
                if (bit != null) {
                    set |= 1L << bit;
                }
            }
            return set;
        }
    }
}
