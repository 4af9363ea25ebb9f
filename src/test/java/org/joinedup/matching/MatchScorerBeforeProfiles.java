package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.joinedup.integration.Improvement;
import org.joinedup.matching.MatchScorer.Need;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidates;
import org.joinedup.vocabulary.GeoPoint;
import org.joinedup.vocabulary.Geography;

/**
 * MatchScorer as it was before matching profiles (issue 19), kept as the reference the default profile must reproduce exactly.
 *
 * The explainable score of a mentor for a learning request. Pure: the same inputs give the same
 * score, so it is tested on hand-built cases and reused for single matches and cohorts.
 *
 * <p>The mentor's best record (among those sharing a service with the request) scores:
 * <ul>
 * <li>services: 40 x the share of the wanted services that record joined up;</li>
 * <li>approaches: 20 x the share of the wanted approaches it used (0 when none are named);</li>
 * <li>scope: 10 at the wanted scope, 5 one step wider or narrower (0 when none is named);</li>
 * <li>evidence: 10 verified, 6 endorsed, 0 self-reported; outcomes: 5 with an outcome that improved
 * and names its source, 2.5 with one that improved without a source, 0 for outcomes that are only
 * reported, unchanged or worse;</li>
 * <li>distance: 15 halving every 50 km from the request's area to the nearest place of the record.</li>
 * </ul>
 * On top: depth 2 for each further record on a wanted service (at most 6), formats 5 when the
 * mentor offers a wanted format, trained 2 when trained in passing experience on, and track record up
 * to 4: 4 x the share of their learners' follow-up answers that would recommend them, counted in full
 * from three answers and a third for each answer below that (one glowing answer is not a record).
 * At most 117.
 */
final class MatchScorerBeforeProfiles {

    static final double SERVICES = 40;
    static final double APPROACHES = 20;
    static final double SCOPE = 10;
    static final double VERIFIED = 10;
    static final double ENDORSED = 6;
    static final double IMPROVED_WITH_SOURCE = 5;
    static final double IMPROVED = 2.5;
    static final double DISTANCE = 15;
    static final double HALVING_KM = 50;
    static final double DEPTH_EACH = 2;
    static final double DEPTH_MAX = 6;
    static final double FORMATS = 5;
    static final double TRAINED = 2;
    static final double TRACK_RECORD = 4;
    /** Answers from which the track-record part counts in full. */
    static final int TRACK_RECORD_ANSWERS = 3;
    /**
     * The same weights for the candidate query in the index, which must not undersell a mentor this
     * score would rank high (scope and depth it leaves to the re-ranking).
     */
    static final MentorCandidates.Weights CANDIDATE_WEIGHTS = new MentorCandidates.Weights(SERVICES, APPROACHES, VERIFIED, ENDORSED,
            IMPROVED_WITH_SOURCE, IMPROVED, DISTANCE, HALVING_KM, FORMATS, TRAINED, TRACK_RECORD);

    private final Function<String, Integer> scopeRank;
    private final Function<String, String> label;

    /** {@code scopeRank}: position of a scope code, narrow to wide; {@code label}: display label of any vocabulary code. */
    MatchScorerBeforeProfiles(Function<String, Integer> scopeRank, Function<String, String> label) {
        this.scopeRank = scopeRank;
        this.label = label;
    }

    /** Empty when the mentor may not be matched with this learner or has no record on a wanted service. */
    public Optional<MatchScore> score(Need need, MentorCandidate mentor) {
        if (!eligible(need, mentor)) {
            return Optional.empty();
        }
        var scored = mentor.records().stream().filter(r -> relevant(need, r)).map(r -> new Scored(r, recordParts(need, r)))
                .sorted(BEST_FIRST).toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        var best = scored.get(0);
        var parts = new LinkedHashMap<String, Double>();
        for (int i = 0; i < RECORD_PARTS.size(); i++) {
            parts.put(RECORD_PARTS.get(i), round(best.parts()[i]));
        }
        var sharedFormats = mentor.formats().stream().filter(need.formats()::contains).toList();
        parts.put("depth", depth(scored.size()));
        parts.put("formats", formats(need, mentor));
        parts.put("trained", trained(mentor));
        parts.put("trackRecord", trackRecord(mentor.trackRecord()));
        double total = 0;
        for (double part : parts.values()) {
            total += part; // left to right, as CohortScoring adds them
        }
        total = round(total);
        var reasons = reasons(need, mentor, best, scored.size() - 1, sharedFormats);
        return Optional.of(new MatchScore(mentor.leaderId(), total, parts,
                scored.stream().map(s -> s.record().recordId()).toList(), reasons));
    }

    /**
     * Never the learner, their own organisation, a conflict declared by either side, or a mentor with no
     * room. The own organisation compares by code; a declared conflict is a name as people write it,
     * compared with the organisation's name ignoring case and surrounding spaces, without
     * allocating: a cohort asks this millions of times.
     */
    public static boolean eligible(Need need, MentorCandidate mentor) {
        if (mentor.leaderId() == need.learnerId() || !mentor.willing() || mentor.capacityLeft() < 1) {
            return false;
        }
        if (need.learnerOrganisationCode() != null && need.learnerOrganisationCode().equals(mentor.organisationCode())) {
            return false;
        }
        var learnerOrg = stripped(need.learnerOrganisation());
        var mentorOrg = stripped(mentor.organisation());
        return !(!learnerOrg.isEmpty() && names(mentor.conflicts(), learnerOrg))
                && !(!mentorOrg.isEmpty() && names(need.learnerConflicts(), mentorOrg));
    }

    private static boolean names(List<String> organisations, String organisation) {
        for (var candidate : organisations) {
            if (stripped(candidate).equalsIgnoreCase(organisation)) {
                return true;
            }
        }
        return false;
    }

    /** The parts a single record earns, in the order of {@link #RECORD_PARTS}. */
    private record Scored(MentorCandidate.Experience record, double[] parts) {
        double sum() {
            double sum = 0;
            for (double part : parts) {
                sum += part;
            }
            return sum;
        }
    }

    private static final List<String> RECORD_PARTS = List.of("services", "approaches", "scope", "evidence", "outcomes", "distance");
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::sum).reversed()
            .thenComparingLong(s -> s.record().recordId());

    private static boolean relevant(Need need, MentorCandidate.Experience r) {
        for (var service : r.services()) {
            if (need.services().contains(service)) {
                return true;
            }
        }
        return false;
    }

    private double[] recordParts(Need need, MentorCandidate.Experience r) {
        var km = distanceKm(need, r);
        return new double[] {
            SERVICES * share(need.services(), r.services()),
            need.approaches().isEmpty() ? 0.0 : APPROACHES * share(need.approaches(), r.approaches()),
            scopeFit(need.scope(), r.scope()),
            "verified".equals(r.verification()) ? VERIFIED : "endorsed".equals(r.verification()) ? ENDORSED : 0.0,
            outcomes(r.improvement()),
            km == null ? 0.0 : DISTANCE * Math.pow(0.5, km / HALVING_KM)};
    }

    static double outcomes(Improvement improvement) {
        return switch (improvement) {
            case IMPROVED_WITH_SOURCE -> IMPROVED_WITH_SOURCE;
            case IMPROVED -> IMPROVED;
            case NONE -> 0.0;
        };
    }

    static double depth(int relevantRecords) {
        return Math.min(DEPTH_MAX, DEPTH_EACH * (relevantRecords - 1));
    }

    private static double formats(Need need, MentorCandidate mentor) {
        for (var format : mentor.formats()) {
            if (need.formats().contains(format)) {
                return FORMATS;
            }
        }
        return 0.0;
    }

    private static double trained(MentorCandidate mentor) {
        return mentor.trained() ? TRAINED : 0.0;
    }

    /** TRACK_RECORD x the share who would recommend x min(answers, 3) / 3; 0 without answers. */
    static double trackRecord(org.joinedup.followup.TrackRecord track) {
        if (track == null || track.followUpsAnswered() == 0) {
            return 0.0;
        }
        double share = track.wouldRecommend() / (double) track.followUpsAnswered();
        double confidence = Math.min(track.followUpsAnswered(), TRACK_RECORD_ANSWERS) / (double) TRACK_RECORD_ANSWERS;
        return round(TRACK_RECORD * share * confidence);
    }

    int scopeRank(String scope) {
        return scopeRank.apply(scope);
    }

    private double scopeFit(String wanted, String had) {
        if (wanted == null || had == null) {
            return 0;
        }
        int gap = Math.abs(scopeRank.apply(wanted) - scopeRank.apply(had));
        return gap == 0 ? SCOPE : gap == 1 ? SCOPE / 2 : 0;
    }

    private static Double distanceKm(Need need, MentorCandidate.Experience r) {
        if (need.location() == null || r.locations().isEmpty()) {
            return null;
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (var p : r.locations()) {
            nearest = Math.min(nearest, Geography.distanceKm(need.location().lat(), need.location().lon(), p.lat(), p.lon()));
        }
        return nearest;
    }

    private List<String> reasons(Need need, MentorCandidate mentor, Scored best, int moreRecords, List<String> sharedFormats) {
        var r = best.record();
        var reasons = new ArrayList<String>();
        var services = r.services().stream().filter(need.services()::contains).sorted().toList();
        reasons.add((services.size() > 1 ? "joined up " : "worked on ") + labels(services) + " (" + services.size() + " of the "
                + need.services().size() + " services you want)");
        var approaches = r.approaches().stream().filter(need.approaches()::contains).sorted().toList();
        if (!approaches.isEmpty()) {
            reasons.add("used " + labels(approaches));
        }
        if (r.scope() != null) {
            reasons.add("at " + label.apply(r.scope()) + " scope"
                    + (r.scope().equals(need.scope()) ? ", as you want" : ""));
        }
        var km = distanceKm(need, r);
        var where = r.areaNames().isEmpty() ? "" : "in " + String.join(", ", r.areaNames());
        if (km != null) {
            where += (where.isEmpty() ? "" : ", ") + Math.round(km) + " km from " + need.placeName();
        }
        if (!where.isEmpty()) {
            reasons.add(where);
        }
        if ("verified".equals(r.verification())) {
            reasons.add("verified by programme staff");
        } else if ("endorsed".equals(r.verification())) {
            reasons.add("endorsed by a partner organisation");
        }
        if (!r.improvedOutcomes().isEmpty()) {
            reasons.add("improved " + labels(r.improvedOutcomes())
                    + (r.improvement() == Improvement.IMPROVED_WITH_SOURCE ? ", with a source" : ", no source given"));
        } else if (!r.outcomeMetrics().isEmpty()) {
            reasons.add("reported outcomes on " + labels(r.outcomeMetrics()) + " (no improvement shown)");
        }
        if (moreRecords > 0) {
            reasons.add(moreRecords + " more record" + (moreRecords > 1 ? "s" : "") + " on the services you want");
        }
        if (!sharedFormats.isEmpty()) {
            reasons.add("offers " + labels(sharedFormats));
        }
        if (mentor.trained()) {
            reasons.add("trained in passing experience on");
        }
        var track = mentor.trackRecord();
        if (track != null && track.followUpsAnswered() > 0) {
            reasons.add("recommended by " + track.wouldRecommend() + " of " + track.followUpsAnswered()
                    + " learners asked after their mentorship");
        }
        return reasons;
    }

    private String labels(List<String> codes) {
        var words = codes.stream().map(label).toList();
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static double share(Set<String> wanted, List<String> had) {
        return wanted.isEmpty() ? 0 : had.stream().filter(wanted::contains).distinct().count() / (double) wanted.size();
    }

    private static String stripped(String organisation) {
        return organisation == null ? "" : organisation.strip();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
