package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.joinedup.search.MentorCandidate;
import org.joinedup.vocabulary.GeoPoint;
import org.joinedup.vocabulary.Geography;

/**
 * The totals {@link MatchScorer#score} gives, for the millions of pairs of a cohort, fast: the pool
 * is read once into flat form (codes as bits, places as numbers) so that scoring a pair is
 * arithmetic, with no string hashed or compared and no arcsine computed twice for one place. Through
 * the scorer itself, 1,000 x 5,000 took about 8 s to score; the cohort still explains the pairs it
 * keeps with {@link MatchScorer}, and a test holds the two totals equal, under any {@link MatchProfile} (the scorer's).
 *
 * <p>Most pairs of a large cohort are never scored in full. Each mentor carries an upper bound of their total
 * for any request ({@link Mentor#bound}), and a request first bounds each mentor from the wanted services one record of
 * theirs joins up at most ({@link Mentors#partners}), the union of their records' other codes, their best evidence,
 * outcomes and role, their nearest place, their words and their records' council likest the request's ({@link #bound}), then, if that could enter, record by record
 * (each record's parts but its distance, plus the mentor's nearest place) before scoring any record in full; every
 * part of a bound is the profile's weighted maximum of that part, so a bound stays at or above the weighted total. Mentors are read
 * highest bound first; one whose bound is below the request's worst kept total cannot enter its best pairs, so
 * is skipped, and once the request-free bound is below it, so is everyone after. A bound is never below the
 * total (each part is at most its bound, with room for the rounding), so the kept pairs are exactly those an
 * exhaustive scoring keeps (CohortScoringFastPathTest; {@code bench/cohort --scoring} times both).
 */
final class CohortScoring {

    /** A mentor kept for a request, with their total. */
    record Kept(MentorCandidate mentor, double total) {
    }

    /** Worst first, so a bounded heap drops the worst; ties go to the lower leader id, as everywhere in matching. */
    private static final Comparator<Kept> WORST_FIRST = Comparator.comparingDouble(Kept::total)
            .thenComparing(p -> p.mentor().leaderId(), Comparator.reverseOrder());
    private static final int NO_SCOPE = Integer.MIN_VALUE;
    /** Scope ranks from 0 to 30 have a bit of their own in a mentor's scopes; any other scope sets this one. */
    private static final int OTHER_SCOPE = 31;
    /**
     * Added to every bound: a total is its rounded parts summed and rounded again, so it may exceed the sum of the
     * unrounded parts by up to 8 x 0.005 (seven record parts and the total; the mentor's parts are bounded by their
     * own rounded figures) and a few ulps; 0.05 covers that.
     */
    private static final double ROUNDING = 0.05;

    private final MatchScorer scorer;
    private final MatchProfile profile;
    /** The most the distance part can be under the profile. */
    private final double mostDistance;
    /** The formats part when a format is shared, weighted. */
    private final double formatsPart;
    /** The most the place part can be under the profile, for any request. */
    private final double mostPlace;
    /** The councils some need finds like its own, numbered: a record's other areas can never count. */
    private final Map<String, Integer> areaIds = new HashMap<>();
    private final Codes services = new Codes();
    private final Codes approaches = new Codes();
    private final Codes formats = new Codes();
    private final Map<GeoPoint, Integer> placeIds = new HashMap<>();
    private final List<GeoPoint> places = new ArrayList<>();
    /** The scope ranks of the records read, each with an index of its own (a record's scope part is looked up by it). */
    private final Map<Integer, Integer> scopeIndexes = new HashMap<>();
    private final List<Integer> scopeRanks = new ArrayList<>();
    private final Mentors mentors;

    /** Only the codes some need asks for are given bits: a record's other codes can never count. */
    CohortScoring(MatchScorer scorer, Collection<MentorCandidate> pool, List<MatchScorer.Need> needs) {
        this.scorer = scorer;
        this.profile = scorer.profile();
        this.mostDistance = profile.scaled(MatchProfile.DISTANCE, MatchScorer.DISTANCE);
        this.formatsPart = profile.weighted(MatchProfile.FORMATS, MatchScorer.FORMATS);
        this.mostPlace = profile.counts(MatchProfile.PLACE) ? profile.weighted(MatchProfile.PLACE, MatchScorer.PLACE) : 0.0;
        for (var need : needs) {
            services.addAll(need.services());
            approaches.addAll(need.approaches());
            formats.addAll(need.formats());
            if (profile.counts(MatchProfile.PLACE)) {
                need.places().keySet().stream().sorted().forEach(code -> areaIds.putIfAbsent(code, areaIds.size()));
            }
        }
        mentors = new Mentors(pool);
    }

    /** The {@code limit} mentors with the highest totals for {@code need}, best first. Safe to call from many threads. */
    List<MentorCandidate> best(MatchScorer.Need need, int limit) {
        return kept(need, limit).stream().map(Kept::mentor).toList();
    }

    /** The {@code limit} mentors with the highest totals for {@code need} and their totals, best first. Thread-safe. */
    List<Kept> kept(MatchScorer.Need need, int limit) {
        var best = new Best(new Wanted(need), limit);
        if (need.location() == null) {
            best.read(mentors.all, 0.0);
        } else {
            // nearest places first: each place's mentors are read while their bound there could still enter
            for (int place : best.wanted.placesNearestFirst()) {
                best.read(mentors.at[place], best.wanted.distance[place]);
            }
            best.read(mentors.placeless, 0.0);
        }
        return best.heap.stream().sorted(WORST_FIRST.reversed()).toList();
    }

    /** A request's best pairs so far, and which mentors it has read. */
    private final class Best {
        final Wanted wanted;
        final int limit;
        final PriorityQueue<Kept> heap;
        final long[] read = new long[(mentors.count + 63) / 64];
        double worst = Double.NEGATIVE_INFINITY;

        Best(Wanted wanted, int limit) {
            this.wanted = wanted;
            this.limit = limit;
            this.heap = new PriorityQueue<>(limit + 1, WORST_FIRST);
        }

        /**
         * Reads mentors {@code list} (highest bound first) whose distance part is at most {@code distance}, until
         * the bound of the rest is below the worst kept total: none of them can enter.
         */
        void read(int[] list, double distance) {
            for (int m : list) {
                if (mentors.bound[m] - mostDistance + distance + wanted.mostWords - mostPlace + wanted.mostPlace < worst) {
                    return;
                }
                if ((read[m >>> 6] & 1L << m) != 0) {
                    continue;
                }
                read[m >>> 6] |= 1L << m;
                if ((mentors.services[m] & wanted.services) == 0 || mentors.bound(wanted, m, distance) < worst) {
                    continue;
                }
                double total = mentors.total(wanted, m, worst);
                if (total < 0 || total < worst) {
                    continue;
                }
                var pair = new Kept(mentors.candidates[m], total);
                if (heap.size() == limit && WORST_FIRST.compare(pair, heap.peek()) <= 0 || !eligible(wanted.need, mentors.candidates[m])) {
                    continue;
                }
                heap.add(pair);
                if (heap.size() > limit) {
                    heap.poll();
                }
                if (heap.size() == limit) {
                    worst = heap.peek().total();
                }
            }
        }
    }

    /** Every eligible pair of this need (request {@code requestId}) with its total, in no particular order. Thread-safe. */
    List<CohortEdge> pairs(long requestId, MatchScorer.Need need) {
        var wanted = new Wanted(need);
        var pairs = new ArrayList<CohortEdge>();
        for (int m = 0; m < mentors.count; m++) {
            if ((mentors.services[m] & wanted.services) == 0) {
                continue;
            }
            double total = mentors.total(wanted, m, Double.NEGATIVE_INFINITY);
            if (total > 0 && eligible(need, mentors.candidates[m])) {
                pairs.add(new CohortEdge(requestId, mentors.candidates[m].leaderId(), total));
            }
        }
        return pairs;
    }

    /** What {@code scorer.score(need, mentor).total()} is; negative where that is empty. */
    double total(MatchScorer.Need need, MentorCandidate mentor) {
        var one = new Mentors(List.of(mentor));
        double total = one.total(new Wanted(need), 0, Double.NEGATIVE_INFINITY);
        return eligible(need, mentor) ? total : -1;
    }

    /** Eligible and meeting the profile's musts on the mentor alone; the record musts are {@link Mentors#total}'s. */
    private boolean eligible(MatchScorer.Need need, MentorCandidate mentor) {
        return MatchScorer.eligible(need, mentor) && scorer.brokenMentorMust(need, mentor) == null;
    }

    /**
     * The pool in flat arrays (a mentor's records and places are ranges of the record and place arrays), highest
     * {@link #bound} first: a request reads them front to back, arithmetic on a few arrays, no object per pair.
     */
    private final class Mentors {
        final int count;
        final MentorCandidate[] candidates;
        /** The union of the mentor's records' services and approaches, the formats they offer. */
        final long[] services;
        final long[] approaches;
        final long[] formats;
        /** The scope ranks of their records, as bits. */
        final int[] scopes;
        /** The bound's parts that do not depend on the request: best evidence, outcomes and role, depth, trained, track record. */
        final double[] unconditional;
        /** The most the mentor can score for anyone. */
        final double[] bound;
        final int[] placeStart;
        final int[] place;
        final int[] recordStart;
        final long[] recordId;
        final long[] recordServices;
        final long[] recordApproaches;
        final int[] recordScope;
        final double[] recordEvidence;
        final double[] recordOutcomes;
        final double[] recordRole;
        final boolean[] recordVerified;
        /** The record's evidence, outcomes and role parts summed: for bounding a record, not for its total. */
        final double[] recordFixed;
        /** The record's scope as an index into {@link CohortScoring#scopeRanks}, so that a request looks its scope part up. */
        final int[] recordScopeIndex;
        /** The mentor's parts that do not depend on the request (trained, track record), weighted as the scorer does. */
        final double[] fixedParts;
        /**
         * For each service bit {@code i} ({@link #width} of them), the services of the mentor's records on service
         * {@code i}, at {@code partners[m * width + i]}: the most wanted services one record of theirs can join up
         * is the most any wanted service's partners hold, far below the union's when no one record covers them all.
         */
        final long[] partners;
        final int width;
        final int[] recordPlaceStart;
        final int[] recordPlace;
        /** Each record's councils that some need finds like its own ({@link CohortScoring#areaIds}), a range as its places. */
        final int[] recordAreaStart;
        final int[] recordArea;
        /** Every mentor; the mentors with a record at each place; those with no place at all: each highest bound first. */
        final int[] all;
        final int[][] at;
        final int[] placeless;

        Mentors(Collection<MentorCandidate> pool) {
            var sorted = pool.stream().map(m -> Map.entry(m, bound(m))).sorted(Map.Entry.<MentorCandidate, Double>comparingByValue().reversed())
                    .toList();
            count = sorted.size();
            candidates = new MentorCandidate[count];
            services = new long[count];
            approaches = new long[count];
            formats = new long[count];
            scopes = new int[count];
            unconditional = new double[count];
            bound = new double[count];
            placeStart = new int[count + 1];
            recordStart = new int[count + 1];
            int records = sorted.stream().mapToInt(e -> e.getKey().records().size()).sum();
            recordId = new long[records];
            recordServices = new long[records];
            recordApproaches = new long[records];
            recordScope = new int[records];
            recordEvidence = new double[records];
            recordOutcomes = new double[records];
            recordRole = new double[records];
            recordVerified = new boolean[records];
            recordFixed = new double[records];
            recordScopeIndex = new int[records];
            fixedParts = new double[count];
            width = Math.max(1, CohortScoring.this.services.size());
            partners = new long[count * width];
            recordPlaceStart = new int[records + 1];
            recordAreaStart = new int[records + 1];
            var mentorPlaces = new IntList();
            var recordPlaces = new IntList();
            var recordAreas = new IntList();
            int r = 0;
            for (int m = 0; m < count; m++) {
                var candidate = sorted.get(m).getKey();
                candidates[m] = candidate;
                bound[m] = sorted.get(m).getValue();
                formats[m] = CohortScoring.this.formats.of(candidate.formats());
                recordStart[m] = r;
                placeStart[m] = mentorPlaces.size;
                var distinct = new TreeSet<Integer>();
                double evidenceOutcomesRole = 0;
                for (var record : candidate.records()) {
                    recordId[r] = record.recordId();
                    recordServices[r] = CohortScoring.this.services.of(record.services());
                    recordApproaches[r] = CohortScoring.this.approaches.of(record.approaches());
                    recordScope[r] = rank(record.scope());
                    recordEvidence[r] = profile.scaled(MatchProfile.EVIDENCE, MatchScorer.evidence(record.verification()));
                    recordOutcomes[r] = profile.scaled(MatchProfile.OUTCOMES, MatchScorer.outcomes(record.improvement()));
                    recordRole[r] = profile.scaled(MatchProfile.ROLE, MatchScorer.role(record.role()));
                    recordVerified[r] = "verified".equals(record.verification());
                    recordFixed[r] = recordEvidence[r] + recordOutcomes[r] + recordRole[r];
                    recordScopeIndex[r] = scopeIndex(recordScope[r]);
                    for (long bits = recordServices[r]; bits != 0; bits &= bits - 1) {
                        partners[m * width + Long.numberOfTrailingZeros(bits)] |= recordServices[r];
                    }
                    recordAreaStart[r] = recordAreas.size;
                    for (var code : record.areaCodes()) {
                        Integer id = areaIds.get(code);
                        if (id != null) {
                            recordAreas.add(id);
                        }
                    }
                    recordPlaceStart[r] = recordPlaces.size;
                    for (var location : record.locations()) {
                        int id = placeId(location);
                        recordPlaces.add(id);
                        distinct.add(id);
                    }
                    services[m] |= recordServices[r];
                    approaches[m] |= recordApproaches[r];
                    scopes[m] |= scopeBit(recordScope[r]);
                    evidenceOutcomesRole = Math.max(evidenceOutcomesRole, recordEvidence[r] + recordOutcomes[r] + recordRole[r]);
                    r++;
                }
                distinct.forEach(mentorPlaces::add);
                fixedParts[m] = fixed(candidate);
                unconditional[m] = evidenceOutcomesRole + depth(candidate.records().size()) + fixedParts[m] + ROUNDING;
            }
            recordStart[count] = r;
            placeStart[count] = mentorPlaces.size;
            recordPlaceStart[records] = recordPlaces.size;
            recordAreaStart[records] = recordAreas.size;
            place = mentorPlaces.toArray();
            recordPlace = recordPlaces.toArray();
            recordArea = recordAreas.toArray();
            all = IntStream.range(0, count).toArray();
            var lists = new ArrayList<IntList>();
            var none = new IntList();
            for (int m = 0; m < count; m++) {
                for (int i = placeStart[m]; i < placeStart[m + 1]; i++) {
                    while (lists.size() <= place[i]) {
                        lists.add(new IntList());
                    }
                    lists.get(place[i]).add(m);
                }
                if (placeStart[m] == placeStart[m + 1]) {
                    none.add(m);
                }
            }
            at = lists.stream().map(IntList::toArray).toArray(int[][]::new);
            placeless = none.toArray();
        }

        /**
         * At least the total of mentor {@code m} for this request, from the union of their records: every record
         * part at its most for any of their records, the mentor's own parts as they are, and {@code distance} for
         * the distance part. That is the largest distance part of the mentor's places when read at their nearest
         * place; read at a farther one, it may be less, but then the mentor's bound at the nearest was already
         * below the worst kept total, which never falls.
         */
        double bound(Wanted wanted, int m, double distance) {
            return wanted.servicesPart[mostServices(wanted, m)]
                    + wanted.approachesPart[Long.bitCount(approaches[m] & wanted.approaches)]
                    + wanted.bestScopeFit(scopes[m]) + distance + formats(wanted, m) + unconditional[m] + wanted.words(candidates[m])
                    + wanted.place(recordArea, recordAreaStart[recordStart[m]], recordAreaStart[recordStart[m + 1]]);
        }

        /** The most wanted services one record of mentor {@code m} joins up: at most the most any wanted service's partners hold. */
        int mostServices(Wanted wanted, int m) {
            int most = 0;
            int base = m * width;
            for (long bits = services[m] & wanted.services; bits != 0; bits &= bits - 1) {
                most = Math.max(most, Long.bitCount(partners[base + Long.numberOfTrailingZeros(bits)] & wanted.services));
            }
            return most;
        }

        /**
         * The most this mentor can score for anyone but the words part (a request's own): every record part at its
         * weighted most, on their best evidence, outcomes and role, and the place part at its most.
         */
        private double bound(MentorCandidate candidate) {
            double evidenceOutcomesRole = candidate.records().stream()
                    .mapToDouble(r -> profile.scaled(MatchProfile.EVIDENCE, MatchScorer.evidence(r.verification()))
                            + profile.scaled(MatchProfile.OUTCOMES, MatchScorer.outcomes(r.improvement()))
                            + profile.scaled(MatchProfile.ROLE, MatchScorer.role(r.role())))
                    .max().orElse(0);
            double record = profile.scaled(MatchProfile.SERVICES, MatchScorer.SERVICES) + profile.scaled(MatchProfile.APPROACHES, MatchScorer.APPROACHES)
                    + profile.scaled(MatchProfile.SCOPE, MatchScorer.SCOPE) + evidenceOutcomesRole + mostDistance;
            return record + depth(candidate.records().size())
                    + (CohortScoring.this.formats.of(candidate.formats()) != 0 ? formatsPart : 0.0)
                    + fixed(candidate) + mostPlace + ROUNDING;
        }

        /**
         * The best record by the sum of its parts (ties to the lower record id), its parts rounded and summed left
         * to right, then the mentor's parts, as {@link MatchScorer} does; -1 when no record is relevant, or when
         * the total would be below {@code worst} or the best record breaks a record must of the profile. Eligibility
         * and the mentor musts are the caller's: it compares organisation names, dearer than all of this.
         */
        double total(Wanted wanted, int m, double worst) {
            // the nearest of all the mentor's places bounds each record's distance part, so that is worked out last
            double nearest = wanted.nearest(place, placeStart[m], placeStart[m + 1]);
            int relevant = 0;
            double most = Double.NEGATIVE_INFINITY;
            int likely = -1;
            double place = 0.0;
            // a bound of each record's parts but its distance: the same figures as its total, summed in another order
            // (within a few ulps, which ROUNDING covers), from tables of this request
            for (int r = recordStart[m]; r < recordStart[m + 1]; r++) {
                long shared = recordServices[r] & wanted.services;
                if (shared != 0) {
                    relevant++;
                    double partial = wanted.servicesPart[Long.bitCount(shared)] + wanted.approachesPart[Long.bitCount(recordApproaches[r] & wanted.approaches)]
                            + wanted.scopePart[recordScopeIndex[r]] + recordFixed[r];
                    if (partial > most) {
                        most = partial;
                        likely = r;
                    }
                    place = Math.max(place, wanted.place(recordArea, recordAreaStart[r], recordAreaStart[r + 1]));
                }
            }
            double words = wanted.words(candidates[m]);
            if (relevant == 0 || most + nearest + depth(relevant) + formats(wanted, m) + fixedParts[m] + words + place + ROUNDING < worst) {
                return -1;
            }
            // the record most likely to be best first, so that most others fall below it unread (the order changes nothing)
            int best = likely;
            double bestSum = withoutDistance(wanted, likely) + part(5, wanted, likely) + recordRole[likely];
            for (int r = recordStart[m]; r < recordStart[m + 1]; r++) {
                if ((recordServices[r] & wanted.services) == 0 || r == likely) {
                    continue;
                }
                double partial = withoutDistance(wanted, r);
                if (best >= 0 && partial + nearest + recordRole[r] < bestSum) {
                    continue; // below the best so far whatever its distance: floating-point addition is monotone
                }
                double sum = partial + part(5, wanted, r) + recordRole[r];
                if (best < 0 || sum > bestSum || (sum == bestSum && recordId[r] < recordId[best])) {
                    best = r;
                    bestSum = sum;
                }
            }
            if (!meetsRecordMusts(wanted, best)) {
                return -1;
            }
            // in MatchScorer's order, left to right, so that the sum is the scorer's to the bit
            double total = 0;
            for (int part = 0; part < 6; part++) {
                total += MatchScorer.round(part(part, wanted, best));
            }
            total += depth(relevant);
            total += formats(wanted, m);
            total += profile.weighted(MatchProfile.TRAINED, candidates[m].trained() ? MatchScorer.TRAINED : 0.0);
            total += profile.weighted(MatchProfile.TRACK_RECORD, MatchScorer.trackRecord(candidates[m].trackRecord()));
            total += MatchScorer.round(recordRole[best]);
            total += words;
            total += place;
            return MatchScorer.round(total);
        }

        /** {@link MatchScorer#brokenRecordMust} on the flat form, for the best record {@code r}. */
        private boolean meetsRecordMusts(Wanted wanted, int r) {
            if (profile.must(MatchProfile.Must.VERIFIED_RECORD) && !recordVerified[r]) {
                return false;
            }
            return !(profile.must(MatchProfile.Must.APPROACH_IN_COMMON) && !wanted.need.approaches().isEmpty()
                    && (recordApproaches[r] & wanted.approaches) == 0);
        }

        /** The first five parts of record {@code r} summed left to right, as the scorer sums them before the distance. */
        private double withoutDistance(Wanted wanted, int r) {
            return part(0, wanted, r) + part(1, wanted, r) + part(2, wanted, r) + part(3, wanted, r) + part(4, wanted, r);
        }

        private double formats(Wanted wanted, int m) {
            return (formats[m] & wanted.formats) != 0 ? formatsPart : 0.0;
        }

        /** A part of record {@code r} in {@link MatchScorer}'s order: services, approaches, scope, evidence, outcomes, distance. */
        private double part(int part, Wanted wanted, int r) {
            return switch (part) {
                case 0 -> wanted.servicesPart[Long.bitCount(recordServices[r] & wanted.services)];
                case 1 -> wanted.approachesPart[Long.bitCount(recordApproaches[r] & wanted.approaches)];
                case 2 -> profile.scaled(MatchProfile.SCOPE, scopeFit(wanted.scope, recordScope[r]));
                case 3 -> recordEvidence[r];
                case 4 -> recordOutcomes[r];
                default -> wanted.nearest(recordPlace, recordPlaceStart[r], recordPlaceStart[r + 1]);
            };
        }
    }

    /** The parts that do not depend on the request, weighted. */
    private double fixed(MentorCandidate candidate) {
        return profile.weighted(MatchProfile.TRAINED, candidate.trained() ? MatchScorer.TRAINED : 0.0)
                + profile.weighted(MatchProfile.TRACK_RECORD, MatchScorer.trackRecord(candidate.trackRecord()));
    }

    /** The depth part, weighted: never more for fewer relevant records. */
    private double depth(int records) {
        return profile.weighted(MatchProfile.DEPTH, MatchScorer.depth(records));
    }

    /** {@code weight} x the share of the {@code wanted} codes a record has, for each number it has, under the profile: as the scorer works it out. */
    private double[] shares(int part, double weight, int wanted) {
        var parts = new double[Long.SIZE + 1];
        for (int had = 0; had <= Long.SIZE && wanted > 0; had++) {
            parts[had] = profile.scaled(part, weight * (had / (double) wanted));
        }
        return parts;
    }

    private static double scopeFit(int wanted, int had) {
        if (wanted == NO_SCOPE || had == NO_SCOPE) {
            return 0;
        }
        int gap = Math.abs(wanted - had);
        return gap == 0 ? MatchScorer.SCOPE : gap == 1 ? MatchScorer.SCOPE / 2 : 0;
    }

    private static int scopeBit(int rank) {
        return rank == NO_SCOPE ? 0 : 1 << (rank >= 0 && rank < OTHER_SCOPE ? rank : OTHER_SCOPE);
    }

    private synchronized int scopeIndex(int rank) {
        return scopeIndexes.computeIfAbsent(rank, r -> {
            scopeRanks.add(r);
            return scopeRanks.size() - 1;
        });
    }

    private synchronized int[] scopeRanks() {
        return scopeRanks.stream().mapToInt(Integer::intValue).toArray();
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

    /** One need in the same flat form, with the distance part for each place worked out once. */
    private final class Wanted {
        final MatchScorer.Need need;
        final long services;
        final long approaches;
        final long formats;
        /** The services and approaches parts of a record with 0, 1, 2... of the wanted codes. */
        final double[] servicesPart;
        final double[] approachesPart;
        final int scope;
        /** Scope bits earning the whole scope part, and half of it (any scope of no rank of its own counts as whole). */
        private final int wholeScope;
        private final int halfScope;
        final double[] distance;
        /** The scope part of a record at each scope rank read so far ({@link CohortScoring#scopeRanks}). */
        final double[] scopePart;
        private final double wholeScopePart;
        private final double halfScopePart;
        /** The most the words part is for this request, over every mentor. */
        final double mostWords;
        /** The place part of a record in each council of {@link CohortScoring#areaIds}, weighted (0 where not like this request's). */
        final double[] placePart;
        /** The most the place part is for this request. */
        final double mostPlace;

        Wanted(MatchScorer.Need need) {
            this.need = need;
            this.services = CohortScoring.this.services.of(need.services());
            this.approaches = CohortScoring.this.approaches.of(need.approaches());
            this.formats = CohortScoring.this.formats.of(need.formats());
            this.servicesPart = shares(MatchProfile.SERVICES, MatchScorer.SERVICES, need.services().size());
            this.approachesPart = shares(MatchProfile.APPROACHES, MatchScorer.APPROACHES, need.approaches().size());
            double most = 0.0;
            if (profile.counts(MatchProfile.WORDS)) {
                for (double share : need.words().values()) {
                    most = Math.max(most, profile.weighted(MatchProfile.WORDS, MatchScorer.WORDS * share));
                }
            }
            this.mostWords = most;
            this.placePart = new double[areaIds.size()];
            double likest = 0.0;
            if (profile.counts(MatchProfile.PLACE)) {
                for (var like : need.places().entrySet()) {
                    Integer id = areaIds.get(like.getKey());
                    if (id != null) {
                        placePart[id] = profile.weighted(MatchProfile.PLACE, MatchScorer.placePoints(like.getValue().rank()));
                        likest = Math.max(likest, placePart[id]);
                    }
                }
            }
            this.mostPlace = likest;
            this.scope = rank(need.scope());
            int whole = 0;
            int half = 0;
            if (scope != NO_SCOPE) {
                whole = scopeBit(scope) | 1 << OTHER_SCOPE;
                half = scopeBit(scope - 1) | scopeBit(scope + 1);
            }
            this.wholeScope = whole;
            this.halfScope = half;
            int[] ranks = scopeRanks();
            this.scopePart = new double[ranks.length];
            for (int i = 0; i < ranks.length; i++) {
                scopePart[i] = profile.scaled(MatchProfile.SCOPE, scopeFit(scope, ranks[i]));
            }
            this.wholeScopePart = profile.scaled(MatchProfile.SCOPE, MatchScorer.SCOPE);
            this.halfScopePart = profile.scaled(MatchProfile.SCOPE, MatchScorer.SCOPE / 2);
            this.distance = new double[places.size()];
            Arrays.fill(distance, -1);
        }

        /** The places of the pool's mentors, largest distance part first (each worked out now). */
        int[] placesNearestFirst() {
            int known = mentors.at.length;
            var ids = new Integer[known];
            for (int id = 0; id < known; id++) {
                ids[id] = id;
                nearest(new int[] {id}, 0, 1);
            }
            Arrays.sort(ids, Comparator.comparingDouble((Integer id) -> distance[id]).reversed());
            return Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
        }

        /**
         * The distance part to the nearest of the places {@code ids[from..to)}: 0 when the need or the record has
         * no place. The part of the nearest place is the largest part, as {@code Math.pow} is semi-monotonic, so
         * this is the scorer's figure to the bit.
         */
        double nearest(int[] ids, int from, int to) {
            if (need.location() == null) {
                return 0.0;
            }
            double largest = 0.0;
            for (int i = from; i < to; i++) {
                int id = ids[i];
                if (distance[id] < 0) {
                    var p = places.get(id);
                    double km = Geography.distanceKm(need.location().lat(), need.location().lon(), p.lat(), p.lon());
                    distance[id] = profile.scaled(MatchProfile.DISTANCE, MatchScorer.DISTANCE * Math.pow(0.5, km / MatchScorer.HALVING_KM));
                }
                largest = Math.max(largest, distance[id]);
            }
            return largest;
        }

        /**
         * The place part of the councils {@code ids[from..to)}: the largest, as the scorer takes the likest council (rounding
         * to cents is monotone, so the largest rounded part is the rounded part of the likest).
         */
        double place(int[] ids, int from, int to) {
            double largest = 0.0;
            for (int i = from; i < to; i++) {
                largest = Math.max(largest, placePart[ids[i]]);
            }
            return largest;
        }

        /** The best scope part a record with any of these scope bits earns. */
        double bestScopeFit(int scopes) {
            return (scopes & wholeScope) != 0 ? wholeScopePart : (scopes & halfScope) != 0 ? halfScopePart : 0.0;
        }

        /** The words part of this mentor for this request, weighted as the scorer does (0, unread, when the profile leaves it out). */
        double words(MentorCandidate mentor) {
            return profile.counts(MatchProfile.WORDS) ? profile.weighted(MatchProfile.WORDS, need.wordsPoints(mentor.leaderId())) : 0.0;
        }
    }

    /** A growing int array, for building the flat place lists. */
    private static final class IntList {
        int[] values = new int[64];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
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

        int size() {
            return bits.size();
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
