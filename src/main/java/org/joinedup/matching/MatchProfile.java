package org.joinedup.matching;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joinedup.search.MentorCandidates;

/**
 * How one programme weighs the parts of {@link MatchScorer}'s score and which rules a mentor must meet.
 * A weight from 0 to 10 multiplies a part's points by weight / 5: 5 gives today's points, 0 turns the part
 * off, 10 doubles it. {@link #DEFAULT} (every part of before issue 19 at 5; the role, words and place parts at 0) gives
 * exactly the scores of before, so a programme without a profile is matched as it always was.
 */
public final class MatchProfile {

    /** The parts of the score, in the order {@link MatchScorer} lists and adds them. */
    public static final List<String> PARTS = List.of("services", "approaches", "scope", "evidence", "outcomes", "distance", "depth", "formats",
            "trained", "trackRecord", "role", "words", "place");
    static final int SERVICES = 0;
    static final int APPROACHES = 1;
    static final int SCOPE = 2;
    static final int EVIDENCE = 3;
    static final int OUTCOMES = 4;
    static final int DISTANCE = 5;
    static final int DEPTH = 6;
    static final int FORMATS = 7;
    static final int TRAINED = 8;
    static final int TRACK_RECORD = 9;
    static final int ROLE = 10;
    static final int WORDS = 11;
    static final int PLACE = 12;
    /** The weight that gives a part its points of before issue 19. */
    public static final int TODAY = 5;
    public static final int MAX_WEIGHT = 10;

    /** A rule a mentor must meet for the programme, or they are not eligible. */
    public enum Must {
        /** The mentor lives in the learner's NHS England region, or has a record there. */
        SAME_REGION("same-region"),
        /** The mentor is trained in passing experience on. */
        TRAINED("trained"),
        /** The mentor's best record on a wanted service (the one the score explains) is verified by programme staff. */
        VERIFIED_RECORD("verified-record"),
        /** That best record used an approach the learner wants (met by anyone when the learner names none). */
        APPROACH_IN_COMMON("approach-in-common");

        private final String code;

        Must(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Must> of(String code) {
            return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
        }

        public static List<String> codes() {
            return Arrays.stream(values()).map(Must::code).toList();
        }
    }

    public static final MatchProfile DEFAULT = new MatchProfile(Map.of(), Set.of());

    private final int[] weights = new int[PARTS.size()];
    private final double[] factors = new double[PARTS.size()];
    private final Set<Must> musts;

    /** {@code weights} by part name; a part left out keeps the default's weight (5, or 0 for role, words and place). */
    public MatchProfile(Map<String, Integer> weights, Collection<Must> musts) {
        weights.keySet().stream().filter(name -> !PARTS.contains(name)).findAny().ifPresent(name -> {
            throw new IllegalArgumentException("no part " + name);
        });
        for (int i = 0; i < PARTS.size(); i++) {
            int weight = weights.getOrDefault(PARTS.get(i), offByDefault(i) ? 0 : TODAY);
            if (weight < 0 || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException(PARTS.get(i) + " weighs " + weight);
            }
            this.weights[i] = weight;
            this.factors[i] = weight / (double) TODAY;
        }
        this.musts = musts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(musts));
    }

    /** The parts added after issue 19's default, which stay off unless a programme weighs them. */
    private static boolean offByDefault(int part) {
        return part == ROLE || part == WORDS || part == PLACE;
    }

    /** Every part's weight, in {@link #PARTS} order. */
    public Map<String, Integer> weights() {
        var out = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < PARTS.size(); i++) {
            out.put(PARTS.get(i), weights[i]);
        }
        return out;
    }

    /** The musts in their fixed order. */
    public List<Must> musts() {
        return Arrays.stream(Must.values()).filter(musts::contains).toList();
    }

    public boolean must(Must must) {
        return musts.contains(must);
    }

    /** Whether part {@code part} (an index into {@link #PARTS}) counts at all. */
    boolean counts(int part) {
        return weights[part] > 0;
    }

    /** A part's points under this profile, rounded to cents as the parts are shown. */
    double weighted(int part, double points) {
        return MatchScorer.round(points * factors[part]);
    }

    /** A record part's points under this profile, not yet rounded (records are compared on these). */
    double scaled(int part, double points) {
        return points * factors[part];
    }

    /**
     * The scorer's points scaled by this profile, for the candidate query in the index, so that it does not
     * undersell a mentor this profile would rank high (scope and depth it still leaves to the re-ranking).
     */
    MentorCandidates.Weights candidateWeights() {
        return new MentorCandidates.Weights(scaled(SERVICES, MatchScorer.SERVICES), scaled(APPROACHES, MatchScorer.APPROACHES),
                scaled(EVIDENCE, MatchScorer.VERIFIED), scaled(EVIDENCE, MatchScorer.ENDORSED), scaled(OUTCOMES, MatchScorer.IMPROVED_WITH_SOURCE),
                scaled(OUTCOMES, MatchScorer.IMPROVED), scaled(DISTANCE, MatchScorer.DISTANCE), MatchScorer.HALVING_KM,
                scaled(FORMATS, MatchScorer.FORMATS), scaled(TRAINED, MatchScorer.TRAINED), scaled(TRACK_RECORD, MatchScorer.TRACK_RECORD),
                scaled(ROLE, MatchScorer.ROLE_LED), scaled(ROLE, MatchScorer.ROLE_CO_LED), factors[PLACE]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MatchProfile p && Arrays.equals(weights, p.weights) && musts.equals(p.musts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + musts.hashCode();
    }

    @Override
    public String toString() {
        return "MatchProfile" + weights() + " musts " + musts();
    }
}
