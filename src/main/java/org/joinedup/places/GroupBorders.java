package org.joinedup.places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The borders between groups of drawn areas (NHS England regions over a map of ICBs, ICBs over a map
 * of councils) as one SVG path, taken from the areas' own simplified rings. ICBs nest in regions,
 * so a region's outline is exactly the borders its ICBs share with other regions' ICBs; no second
 * boundary file, and the line lies on the areas' edges at every zoom. {@link Simplifier} keeps a
 * shared border's vertices the same in both neighbours, so a border segment appears in both rings
 * and is drawn once, from the side whose code sorts first. The coast is left to the areas.
 */
final class GroupBorders {

    private GroupBorders() {
    }

    static String of(Map<String, List<int[][]>> rings, Function<String, String> groupOf) {
        // each undirected segment: the areas whose rings hold it
        var owners = new HashMap<Long, List<String>>();
        rings.forEach((code, list) -> {
            for (var ring : list) {
                for (int i = 0; i < ring.length; i++) {
                    var a = ring[i];
                    var b = ring[(i + 1) % ring.length];
                    if (a[0] != b[0] || a[1] != b[1]) {
                        owners.computeIfAbsent(segment(a, b), k -> new ArrayList<>(2)).add(code);
                    }
                }
            }
        });
        var runs = new ArrayList<int[][]>();
        rings.forEach((code, list) -> {
            var group = groupOf.apply(code);
            for (var ring : list) {
                var run = new ArrayList<int[]>();
                for (int i = 0; i < ring.length; i++) {
                    var a = ring[i];
                    var b = ring[(i + 1) % ring.length];
                    if (border(owners.get(segment(a, b)), code, group, groupOf)) {
                        if (run.isEmpty()) {
                            run.add(a);
                        }
                        run.add(b);
                    } else if (!run.isEmpty()) {
                        runs.add(run.toArray(new int[0][]));
                        run = new ArrayList<>();
                    }
                }
                if (!run.isEmpty()) {
                    runs.add(run.toArray(new int[0][]));
                }
            }
        });
        return path(runs);
    }

    /** Drawn from this area's ring when the other area holding the segment is of another group and sorts after it. */
    private static boolean border(List<String> holders, String code, String group, Function<String, String> groupOf) {
        if (holders == null || holders.size() < 2) {
            return false;
        }
        for (var other : holders) {
            if (!other.equals(code) && !groupOf.apply(other).equals(group) && code.compareTo(other) < 0) {
                return true;
            }
        }
        return false;
    }

    private static long segment(int[] a, int[] b) {
        long p = point(a), q = point(b);
        return p < q ? p * 10_000_000L + q : q * 10_000_000L + p;
    }

    private static long point(int[] p) {
        return (p[0] + 1000L) * 4096 + (p[1] + 1000L);
    }

    /** Open polylines: an absolute move, then relative lines (no closing). */
    private static String path(List<int[][]> runs) {
        var d = new StringBuilder();
        for (var run : runs) {
            d.append('M').append(run[0][0]);
            number(d, run[0][1]);
            d.append('l');
            for (int i = 1; i < run.length; i++) {
                if (i > 1) {
                    number(d, run[i][0] - run[i - 1][0]);
                } else {
                    d.append(run[i][0] - run[i - 1][0]);
                }
                number(d, run[i][1] - run[i - 1][1]);
            }
        }
        return d.toString();
    }

    private static void number(StringBuilder d, int value) {
        if (value >= 0) {
            d.append(' ');
        }
        d.append(value);
    }
}
