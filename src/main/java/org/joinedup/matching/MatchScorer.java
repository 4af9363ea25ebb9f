package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.joinedup.search.LeaderDocument.GeoPoint;
import org.joinedup.search.MentorCandidate;
import org.joinedup.vocabulary.Geography;

/**
 * The explainable score of a mentor for a learning request. Pure: the same inputs give the same
 * score, so it is tested on hand-built cases and reused for single matches and cohorts.
 *
 * <p>The mentor's best record (among those sharing a service with the request) scores:
 * <ul>
 * <li>services: 40 x the share of the wanted services that record joined up;</li>
 * <li>approaches: 20 x the share of the wanted approaches it used (0 when none are named);</li>
 * <li>scope: 10 at the wanted scope, 5 one step wider or narrower (0 when none is named);</li>
 * <li>evidence: 10 verified, 6 endorsed, 0 self-reported; outcomes: 5 with a reported outcome;</li>
 * <li>distance: 15 halving every 50 km from the request's area to the nearest place of the record.</li>
 * </ul>
 * On top: depth 2 for each further record on a wanted service (at most 6), formats 5 when the
 * mentor offers a wanted format, trained 2 when trained in passing experience on. At most 113.
 */
public final class MatchScorer {

    static final double SERVICES = 40;
    static final double APPROACHES = 20;
    static final double SCOPE = 10;
    static final double VERIFIED = 10;
    static final double ENDORSED = 6;
    static final double OUTCOMES = 5;
    static final double DISTANCE = 15;
    static final double HALVING_KM = 50;
    static final double DEPTH_EACH = 2;
    static final double DEPTH_MAX = 6;
    static final double FORMATS = 5;
    static final double TRAINED = 2;

    /** What the scorer needs to know of a request; {@code scopeRank} orders scopes narrow to wide. */
    public record Need(long learnerId, String learnerOrganisation, List<String> learnerConflicts, Set<String> services,
            Set<String> approaches, String scope, Set<String> formats, GeoPoint location, String placeName) {

        /** The part of the need the candidate query in the index uses. */
        public MentorCandidate.Need forCandidates() {
            return new MentorCandidate.Need(learnerId, learnerOrganisation, learnerConflicts, List.copyOf(services),
                    List.copyOf(approaches), location);
        }
    }

    private final Function<String, Integer> scopeRank;
    private final Function<String, String> label;

    /** {@code scopeRank}: position of a scope code, narrow to wide; {@code label}: display label of any vocabulary code. */
    public MatchScorer(Function<String, Integer> scopeRank, Function<String, String> label) {
        this.scopeRank = scopeRank;
        this.label = label;
    }

    /** Empty when the mentor may not be matched with this learner or has no record on a wanted service. */
    public Optional<MatchScore> score(Need need, MentorCandidate mentor) {
        if (!eligible(need, mentor)) {
            return Optional.empty();
        }
        var relevant = mentor.records().stream().filter(r -> r.services().stream().anyMatch(need.services()::contains)).toList();
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        var scored = relevant.stream().map(r -> new Scored(r, recordParts(need, r)))
                .sorted(Comparator.comparingDouble(Scored::sum).reversed().thenComparingLong(s -> s.record().recordId()))
                .toList();
        var best = scored.get(0);
        var parts = new LinkedHashMap<>(best.parts());
        parts.put("depth", Math.min(DEPTH_MAX, DEPTH_EACH * (scored.size() - 1)));
        var sharedFormats = mentor.formats().stream().filter(need.formats()::contains).toList();
        parts.put("formats", sharedFormats.isEmpty() ? 0.0 : FORMATS);
        parts.put("trained", mentor.trained() ? TRAINED : 0.0);
        parts.replaceAll((k, v) -> round(v));
        double total = round(parts.values().stream().mapToDouble(Double::doubleValue).sum());
        var reasons = reasons(need, mentor, best, scored.size() - 1, sharedFormats);
        return Optional.of(new MatchScore(mentor.leaderId(), total, parts,
                scored.stream().map(s -> s.record().recordId()).toList(), reasons));
    }

    /** Never the learner, their own organisation, a conflict declared by either side, or a mentor with no room. */
    public static boolean eligible(Need need, MentorCandidate mentor) {
        if (mentor.leaderId() == need.learnerId() || !mentor.willing() || mentor.capacityLeft() < 1) {
            return false;
        }
        var learnerOrg = normal(need.learnerOrganisation());
        var mentorOrg = normal(mentor.organisation());
        if (!learnerOrg.isEmpty() && learnerOrg.equals(mentorOrg)) {
            return false;
        }
        boolean mentorRefuses = !learnerOrg.isEmpty() && mentor.conflicts().stream().map(MatchScorer::normal).anyMatch(learnerOrg::equals);
        boolean learnerRefuses = !mentorOrg.isEmpty() && need.learnerConflicts().stream().map(MatchScorer::normal).anyMatch(mentorOrg::equals);
        return !mentorRefuses && !learnerRefuses;
    }

    private record Scored(MentorCandidate.Experience record, LinkedHashMap<String, Double> parts) {
        double sum() {
            return parts.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private LinkedHashMap<String, Double> recordParts(Need need, MentorCandidate.Experience r) {
        var parts = new LinkedHashMap<String, Double>();
        parts.put("services", SERVICES * share(need.services(), r.services()));
        parts.put("approaches", need.approaches().isEmpty() ? 0.0 : APPROACHES * share(need.approaches(), r.approaches()));
        parts.put("scope", scopeFit(need.scope(), r.scope()));
        parts.put("evidence", "verified".equals(r.verification()) ? VERIFIED : "endorsed".equals(r.verification()) ? ENDORSED : 0.0);
        parts.put("outcomes", r.outcomeMetrics().isEmpty() ? 0.0 : OUTCOMES);
        var km = distanceKm(need, r);
        parts.put("distance", km == null ? 0.0 : DISTANCE * Math.pow(0.5, km / HALVING_KM));
        return parts;
    }

    private double scopeFit(String wanted, String had) {
        if (wanted == null || had == null) {
            return 0;
        }
        int gap = Math.abs(scopeRank.apply(wanted) - scopeRank.apply(had));
        return gap == 0 ? SCOPE : gap == 1 ? SCOPE / 2 : 0;
    }

    private static Double distanceKm(Need need, MentorCandidate.Experience r) {
        if (need.location() == null) {
            return null;
        }
        return r.locations().stream()
                .map(p -> Geography.distanceKm(need.location().lat(), need.location().lon(), p.lat(), p.lon()))
                .min(Double::compare).orElse(null);
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
        if (!r.outcomeMetrics().isEmpty()) {
            reasons.add("reported outcomes on " + labels(r.outcomeMetrics()));
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

    private static String normal(String organisation) {
        return organisation == null ? "" : organisation.strip().toLowerCase(Locale.ROOT);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
