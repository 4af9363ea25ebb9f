package org.joinedup.places;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Douglas-Peucker on a set of polygons that share borders, without opening gaps between them.
 * Simplifying each polygon on its own would bend a shared border one way in one neighbour and
 * another way in the other. Instead the borders are cut at their junctions (a vertex with more
 * than two distinct neighbours over all rings: where three areas meet, or a border meets the
 * coast) and each piece between two junctions is simplified once, in one canonical direction, so
 * both neighbours get the same vertices. A ring with no junction (an island, an enclave) is cut at
 * two points every ring with the same vertices agrees on: its smallest vertex and the vertex
 * farthest from it. Points are integers (already projected and rounded); rings are open (the
 * first point is not repeated at the end).
 */
public final class Simplifier {

    private Simplifier() {
    }

    /** Each key's rings simplified to {@code tolerance} units; rings that collapse below three points are dropped. */
    public static Map<String, List<int[][]>> simplify(Map<String, List<int[][]>> shapes, double tolerance) {
        var neighbours = new HashMap<Long, Set<Long>>();
        for (var rings : shapes.values()) {
            for (var ring : rings) {
                int n = ring.length;
                for (int i = 0; i < n; i++) {
                    var set = neighbours.computeIfAbsent(key(ring[i]), k -> new HashSet<>(4));
                    set.add(key(ring[(i + n - 1) % n]));
                    set.add(key(ring[(i + 1) % n]));
                }
            }
        }
        var out = new LinkedHashMap<String, List<int[][]>>();
        shapes.forEach((code, rings) -> {
            var simplified = new ArrayList<int[][]>();
            for (var ring : rings) {
                var s = ring(ring, neighbours, tolerance);
                if (s.length >= 3) {
                    simplified.add(s);
                }
            }
            out.put(code, simplified);
        });
        return out;
    }

    /** Consecutive duplicates (after rounding) and a closing point equal to the first removed. */
    public static int[][] dedupe(List<int[]> points) {
        var kept = new ArrayList<int[]>(points.size());
        for (var p : points) {
            if (kept.isEmpty() || !same(kept.get(kept.size() - 1), p)) {
                kept.add(p);
            }
        }
        while (kept.size() > 1 && same(kept.get(0), kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        return kept.toArray(new int[0][]);
    }

    private static int[][] ring(int[][] ring, Map<Long, Set<Long>> neighbours, double tolerance) {
        int n = ring.length;
        if (n < 3) {
            return ring;
        }
        var fixed = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            if (neighbours.get(key(ring[i])).size() > 2) {
                fixed.add(i);
            }
        }
        if (fixed.size() < 2) {
            int start = fixed.isEmpty() ? smallest(ring) : fixed.get(0);
            int far = farthest(ring, start);
            fixed.clear();
            fixed.add(Math.min(start, far));
            if (far != start) {
                fixed.add(Math.max(start, far));
            }
        }
        var result = new ArrayList<int[]>();
        for (int f = 0; f < fixed.size(); f++) {
            int from = fixed.get(f), to = f + 1 < fixed.size() ? fixed.get(f + 1) : fixed.get(0) + n;
            var chain = new ArrayList<int[]>(to - from + 1);
            for (int i = from; i <= to; i++) {
                chain.add(ring[i % n]);
            }
            var kept = chain(chain, tolerance);
            // the chain's last point is the next chain's first
            result.addAll(kept.subList(0, kept.size() - 1));
        }
        return result.toArray(new int[0][]);
    }

    /** One piece between two fixed points, simplified in the same direction whichever ring it is read from. */
    static List<int[]> chain(List<int[]> chain, double tolerance) {
        boolean reversed = key(chain.get(0)) > key(chain.get(chain.size() - 1));
        var points = new ArrayList<>(chain);
        if (reversed) {
            Collections.reverse(points);
        }
        var keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        douglasPeucker(points, 0, points.size() - 1, tolerance, keep);
        var kept = new ArrayList<int[]>();
        for (int i = 0; i < points.size(); i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        if (reversed) {
            Collections.reverse(kept);
        }
        return kept;
    }

    private static void douglasPeucker(List<int[]> points, int first, int last, double tolerance, boolean[] keep) {
        // an explicit stack: a long coastline would recurse thousands deep
        var stack = new ArrayList<int[]>();
        stack.add(new int[] {first, last});
        while (!stack.isEmpty()) {
            var span = stack.remove(stack.size() - 1);
            int a = span[0], b = span[1];
            double worst = -1;
            int at = -1;
            for (int i = a + 1; i < b; i++) {
                double d = distance(points.get(i), points.get(a), points.get(b));
                if (d > worst) {
                    worst = d;
                    at = i;
                }
            }
            if (at >= 0 && worst > tolerance) {
                keep[at] = true;
                stack.add(new int[] {a, at});
                stack.add(new int[] {at, b});
            }
        }
    }

    /** Distance from p to the segment a-b. */
    static double distance(int[] p, int[] a, int[] b) {
        double dx = b[0] - a[0], dy = b[1] - a[1];
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
        double ex = a[0] + t * dx - p[0], ey = a[1] + t * dy - p[1];
        return Math.sqrt(ex * ex + ey * ey);
    }

    private static int smallest(int[][] ring) {
        int best = 0;
        for (int i = 1; i < ring.length; i++) {
            if (key(ring[i]) < key(ring[best])) {
                best = i;
            }
        }
        return best;
    }

    private static int farthest(int[][] ring, int from) {
        int best = from;
        long most = -1;
        for (int i = 0; i < ring.length; i++) {
            long dx = ring[i][0] - ring[from][0], dy = ring[i][1] - ring[from][1];
            long d = dx * dx + dy * dy;
            if (d > most || d == most && key(ring[i]) < key(ring[best])) {
                most = d;
                best = i;
            }
        }
        return best;
    }

    static long key(int[] p) {
        return ((long) p[0] << 32) | (p[1] & 0xffffffffL);
    }

    private static boolean same(int[] a, int[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }
}
