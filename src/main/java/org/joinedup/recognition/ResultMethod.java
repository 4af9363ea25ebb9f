package org.joinedup.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * How a closed round's order is computed from the judges' scores (docs/recognition.md,
 * "Result"). Pure, so a test can hold it against a hand computation.
 *
 * A judge's score for a nominee is the mean of their criterion scores; a nominee's score is the mean
 * of those over the judges who scored them and are not conflicted with them. Ties go to more judges
 * counted, then the higher median, then more nominations, then the lower leader id (arbitrary but
 * stable). Nominees no judge could score come last, unscored. Means are exact fractions, so equal
 * means tie however they were summed.
 */
public final class ResultMethod {

    /** A nominee and how many nominations count for them. */
    public record Nominee(long leaderId, int nominations) {
    }

    /** One judge's criterion scores (1..5) for one nominee. */
    public record Sheet(long judgeId, long leaderId, List<Integer> scores) {
    }

    /** A judge who declared a conflict with a nominee. */
    public record Conflict(long judgeId, long leaderId) {
    }

    /** One place in the order; mean is null for a nominee no judge could score. */
    public record Placing(long leaderId, int position, BigDecimal mean, int judgesCounted, boolean selected, boolean ranked) {

        public boolean unscored() {
            return mean == null;
        }
    }

    private ResultMethod() {
    }

    public static List<Placing> order(Collection<Nominee> nominees, Collection<Sheet> sheets, Set<Conflict> conflicts, int selectCount,
            int rankCount) {
        var judgeMeans = new HashMap<Long, List<Fraction>>();
        for (var sheet : sheets) {
            if (!conflicts.contains(new Conflict(sheet.judgeId(), sheet.leaderId())) && !sheet.scores().isEmpty()) {
                long sum = sheet.scores().stream().mapToLong(Integer::longValue).sum();
                judgeMeans.computeIfAbsent(sheet.leaderId(), id -> new ArrayList<>()).add(new Fraction(sum, sheet.scores().size()));
            }
        }
        var standings = nominees.stream().map(n -> Standing.of(n, judgeMeans.getOrDefault(n.leaderId(), List.of()))).sorted().toList();
        var placings = new ArrayList<Placing>();
        for (int i = 0; i < standings.size(); i++) {
            var s = standings.get(i);
            int position = i + 1;
            var mean = s.mean == null ? null : s.mean.decimal();
            placings.add(new Placing(s.nominee.leaderId(), position, mean, s.judges, selected(position, mean, selectCount),
                    ranked(position, mean, selectCount, rankCount)));
        }
        return placings;
    }

    /** The one rule for "selected", after the method and after staff move someone: in the top selectCount, and scored. */
    public static boolean selected(int position, BigDecimal mean, int selectCount) {
        return mean != null && position <= selectCount;
    }

    /** Ranked: selected and in the top rankCount. */
    public static boolean ranked(int position, BigDecimal mean, int selectCount, int rankCount) {
        return selected(position, mean, selectCount) && position <= rankCount;
    }

    /** A nominee's standing: their mean, how many judges, their median; compares best first. */
    private record Standing(Nominee nominee, Fraction mean, int judges, Fraction median) implements Comparable<Standing> {

        static Standing of(Nominee nominee, List<Fraction> means) {
            if (means.isEmpty()) {
                return new Standing(nominee, null, 0, null);
            }
            var total = means.stream().reduce(new Fraction(0, 1), Fraction::plus);
            var sorted = means.stream().sorted().toList();
            int n = sorted.size();
            var median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).divide(2);
            return new Standing(nominee, total.divide(n), n, median);
        }

        private static final Comparator<Standing> BEST_FIRST = Comparator
                .comparing((Standing s) -> s.mean == null) // scored before unscored
                .thenComparing(s -> s.mean, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Standing::judges, Comparator.reverseOrder())
                .thenComparing(s -> s.median, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(s -> s.nominee.nominations(), Comparator.reverseOrder())
                .thenComparing(s -> s.nominee.leaderId());

        @Override
        public int compareTo(Standing other) {
            return BEST_FIRST.compare(this, other);
        }
    }

    /** An exact non-negative fraction (scores are small integers, so longs do not overflow). */
    private record Fraction(long numerator, long denominator) implements Comparable<Fraction> {

        Fraction plus(Fraction other) {
            return reduced(numerator * other.denominator + other.numerator * denominator, denominator * other.denominator);
        }

        Fraction divide(long by) {
            return reduced(numerator, denominator * by);
        }

        BigDecimal decimal() {
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_UP);
        }

        private static Fraction reduced(long numerator, long denominator) {
            long gcd = gcd(numerator, denominator);
            return new Fraction(numerator / gcd, denominator / gcd);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
        }

        @Override
        public int compareTo(Fraction other) {
            return Long.compare(numerator * other.denominator, other.numerator * denominator);
        }
    }
}
