package org.joinedup.places;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.vocabulary.CouncilFigures;

/**
 * How alike two councils are by four figures: population, share aged 65 and over, deprivation and
 * density. Pure: given the councils' figures and the weights, no I/O. See docs/places.md.
 *
 * <p>Population and density are taken as natural logarithms first: they span two orders of magnitude
 * (Isles of Scilly 2,300 people to Kent 1.6 million; 61 to 16,500 people a square km) and a few large or
 * dense councils would otherwise set the scale, so that every shire county looked alike and every
 * London borough unlike the next. On the log scale a doubling counts the same wherever it happens.
 * Each figure is then a z-score over all the councils given (mean 0, standard deviation 1, the
 * population standard deviation, dividing by n), and the distance is the weighted Euclidean one:
 * the square root of the sum of weight × (difference in z)².
 */
public final class CouncilSimilarity {

    /** The four figures, in the order they are kept; {@link #word} gives each its words. */
    public enum Figure {
        POPULATION("larger", "smaller"),
        AGED_65_PLUS("older", "younger"),
        DEPRIVATION("more deprived", "less deprived"),
        DENSITY("denser", "more rural");

        final String above;
        final String below;

        Figure(String above, String below) {
            this.above = above;
            this.below = below;
        }

        public String word(boolean aboveMedian) {
            return aboveMedian ? above : below;
        }
    }

    /**
     * The weights of the four figures (zero leaves one out) and which edition of the Indices of
     * Deprivation stands for deprivation (2019 or 2025).
     */
    public record Weights(double population, double aged65Plus, double deprivation, double density, int deprivationEdition) {

        public static final List<Integer> EDITIONS = List.of(2019, 2025);

        /** Every problem with these weights, in words naming the setting; empty when they are usable. */
        public List<String> problems() {
            var problems = new ArrayList<String>();
            var values = Map.of("population", population, "aged-65-plus", aged65Plus, "deprivation", deprivation, "density", density);
            values.forEach((name, value) -> {
                if (!Double.isFinite(value) || value < 0) {
                    problems.add(name + " must be a number, 0 or more (was " + value + ")");
                }
            });
            if (problems.isEmpty() && population + aged65Plus + deprivation + density <= 0) {
                problems.add("at least one weight must be more than 0");
            }
            if (!EDITIONS.contains(deprivationEdition)) {
                problems.add("deprivation-edition must be one of " + EDITIONS + " (was " + deprivationEdition + ")");
            }
            return problems;
        }

        double of(Figure figure) {
            return switch (figure) {
                case POPULATION -> population;
                case AGED_65_PLUS -> aged65Plus;
                case DEPRIVATION -> deprivation;
                case DENSITY -> density;
            };
        }
    }

    /** A council and how far it is from the one asked about, in weighted standard deviations. */
    public record Neighbour(String code, double distance) {
    }

    /** A trait is named only when both councils are at least this many standard deviations on the same side of the median. */
    static final double TRAIT_MARGIN = 0.4;

    private final Weights weights;
    private final Map<String, CouncilFigures> figures = new LinkedHashMap<>();
    private final Map<String, double[]> z = new LinkedHashMap<>();
    /** The median council's z-score on each figure (the middle of the 153, not the mean). */
    private final double[] medianZ = new double[Figure.values().length];

    public CouncilSimilarity(Collection<CouncilFigures> councils, Weights weights) {
        var problems = weights.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (councils.size() < 2) {
            throw new IllegalArgumentException("needs at least two councils");
        }
        this.weights = weights;
        int n = councils.size(), k = Figure.values().length;
        var raw = new double[n][];
        int i = 0;
        for (var council : councils) {
            figures.put(council.code(), council);
            raw[i++] = transformed(council, weights.deprivationEdition());
        }
        for (int f = 0; f < k; f++) {
            double mean = 0;
            for (var row : raw) {
                mean += row[f];
            }
            mean /= n;
            double variance = 0;
            for (var row : raw) {
                variance += (row[f] - mean) * (row[f] - mean);
            }
            double sd = Math.sqrt(variance / n);
            var column = new double[n];
            for (int r = 0; r < n; r++) {
                // a figure that is the same everywhere tells no council apart
                raw[r][f] = sd == 0 ? 0 : (raw[r][f] - mean) / sd;
                column[r] = raw[r][f];
            }
            medianZ[f] = median(column);
        }
        i = 0;
        for (var code : figures.keySet()) {
            z.put(code, raw[i++]);
        }
    }

    /** The figures as compared, before standardising: log population, share 65+, deprivation score, log density. */
    static double[] transformed(CouncilFigures c, int edition) {
        return new double[] { Math.log(c.population()), c.percentAged65Plus(), deprivation(c, edition), Math.log(c.densityPerSqKm()) };
    }

    public static double deprivation(CouncilFigures c, int edition) {
        return edition == 2019 ? c.deprivation2019() : c.deprivation2025();
    }

    public Weights weights() {
        return weights;
    }

    public boolean knows(String code) {
        return z.containsKey(code);
    }

    public Optional<CouncilFigures> figures(String code) {
        return Optional.ofNullable(figures.get(code));
    }

    /** The weighted distance between two councils. */
    public double distance(String a, String b) {
        var za = zOf(a);
        var zb = zOf(b);
        double sum = 0;
        for (var figure : Figure.values()) {
            double d = za[figure.ordinal()] - zb[figure.ordinal()];
            sum += weights.of(figure) * d * d;
        }
        return Math.sqrt(sum);
    }

    /** The {@code size} councils nearest to {@code code}, nearest first (ties by code), the council itself left out. */
    public List<Neighbour> nearest(String code, int size) {
        zOf(code);
        return z.keySet().stream().filter(other -> !other.equals(code))
                .map(other -> new Neighbour(other, distance(code, other)))
                .sorted(Comparator.comparingDouble(Neighbour::distance).thenComparing(Neighbour::code))
                .limit(size)
                .toList();
    }

    /**
     * What two councils share against the median council, in words ("older", "less deprived"): the
     * figures on which both lie at least {@link #TRAIT_MARGIN} standard deviations on the same side,
     * the most marked first, at most three. Empty when they share no marked trait.
     */
    public List<String> sharedTraits(String a, String b) {
        var za = zOf(a);
        var zb = zOf(b);
        record Trait(String word, double margin) {
        }
        var traits = new ArrayList<Trait>();
        for (var figure : Figure.values()) {
            if (weights.of(figure) == 0) {
                continue;
            }
            double da = za[figure.ordinal()] - medianZ[figure.ordinal()];
            double db = zb[figure.ordinal()] - medianZ[figure.ordinal()];
            if (Math.signum(da) == Math.signum(db) && Math.min(Math.abs(da), Math.abs(db)) >= TRAIT_MARGIN) {
                traits.add(new Trait(figure.word(da > 0), Math.min(Math.abs(da), Math.abs(db))));
            }
        }
        traits.sort(Comparator.comparingDouble(Trait::margin).reversed());
        return traits.stream().limit(3).map(Trait::word).toList();
    }

    private double[] zOf(String code) {
        var values = z.get(code);
        if (values == null) {
            throw new IllegalArgumentException(code + " is not a council with figures");
        }
        return values;
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
