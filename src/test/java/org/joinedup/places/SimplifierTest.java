package org.joinedup.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Projection and simplification of the map's boundaries: shapes kept, vertices fewer, neighbours still meeting. A Quarkus
 * test for the one case that draws through {@link Boundaries}, whose region and ICB outlines need the loaded Geography.
 */
@QuarkusTest
class SimplifierTest {

    @Inject
    Boundaries boundaries;

    @Test
    void aSquareStaysASquare() {
        // a degree square on the equator: no shrink there, so it projects to a square
        var p = Projection.fit(0, -0.5, 1, 0.5, 100);
        assertEquals(100, Math.round(p.x(1) - p.x(0)));
        assertEquals(Math.round(p.x(1) - p.x(0)), Math.round(p.y(-0.5) - p.y(0.5)));
        assertTrue(p.y(0.5) < p.y(-0.5), "north is up");

        var square = Simplifier.simplify(Map.of("a", List.<int[][]>of(ring(0, 0, 100, 0, 100, 100, 0, 100))), 0.8).get("a");
        assertEquals(1, square.size());
        assertEquals(Set.of("0,0", "100,0", "100,100", "0,100"), points(square.get(0)));
        assertEquals("M0 0l100 0 0 100-100 0z", SvgPath.of(square));
    }

    @Test
    void aRingLosesTheVerticesThatDoNotShowAndDropsWhatIsTooSmallToSee() {
        // a square whose top edge wobbles by less than the tolerance at every unit
        var points = new ArrayList<Integer>();
        for (int x = 0; x <= 100; x++) {
            points.add(x);
            points.add(x % 2);
        }
        points.addAll(List.of(100, 100, 0, 100));
        var wobbly = ring(points.stream().mapToInt(Integer::intValue).toArray());
        var simplified = Simplifier.simplify(Map.of("a", List.of(wobbly, ring(500, 500, 500, 501, 501, 500))), 1.5).get("a");
        assertEquals(1, simplified.size(), "the speck of an island is gone");
        assertTrue(simplified.get(0).length <= 5, "a wobbly square has about four corners: " + simplified.get(0).length);
        assertTrue(wobbly.length > 100);
    }

    @Test
    void neighboursSharingAWobblyBorderStillMeetAfterSimplifying() {
        // two squares side by side; their shared border zig-zags with one sharp spike
        var border = new ArrayList<int[]>();
        for (int y = 0; y <= 100; y += 5) {
            border.add(new int[] {y == 50 ? 70 : 50 + (y / 5) % 2, y});
        }
        var left = new ArrayList<int[]>();
        left.add(new int[] {0, 0});
        left.addAll(border);
        left.add(new int[] {0, 100});
        // the right square walks the border the other way round
        var rightRing = new ArrayList<int[]>();
        rightRing.add(new int[] {100, 0});
        rightRing.add(new int[] {100, 100});
        for (int i = border.size() - 1; i >= 0; i--) {
            rightRing.add(border.get(i));
        }
        var shapes = new LinkedHashMap<String, List<int[][]>>();
        shapes.put("left", List.<int[][]>of(left.toArray(new int[0][])));
        shapes.put("right", List.<int[][]>of(rightRing.toArray(new int[0][])));
        var simplified = Simplifier.simplify(shapes, 1.5);

        var leftBorder = onBorder(simplified.get("left").get(0));
        var rightBorder = onBorder(simplified.get("right").get(0));
        assertEquals(leftBorder, rightBorder, "the same border vertices on both sides");
        assertTrue(leftBorder.contains("70,50"), "the spike is kept");
        assertTrue(leftBorder.size() < border.size(), "the wobble is gone: " + leftBorder.size() + " of " + border.size());
    }

    @Test
    void theOnsBoundariesShrinkAndTheirBordersStillMeet() {
        for (var layer : Boundaries.Layer.values()) {
            var shapes = Boundaries.read(layer.file);
            var drawing = boundaries.draw(layer, shapes.keySet());
            long json = shapes.values().stream().flatMap(List::stream).mapToLong(r -> r.length).sum();
            int bytes = drawing.paths().values().stream().mapToInt(String::length).sum();
            System.out.printf("%s: %d areas, %d vertices -> %d, path data %d bytes%n", layer, drawing.paths().size(), json,
                    drawing.verticesAfter(), bytes);
            assertEquals(shapes.size(), drawing.paths().size());
            assertTrue(drawing.verticesAfter() * 5 < drawing.verticesBefore(), "at least five times fewer vertices");
            assertTrue(drawing.paths().values().stream().allMatch(d -> d.startsWith("M") && d.endsWith("z")));
        }
        // a border vertex two ICBs shared before simplifying is kept by both or by neither
        var projectedAgain = projectedIcbs();
        var simplified = Simplifier.simplify(projectedAgain, Boundaries.TOLERANCE);
        var naive = new HashMap<String, List<int[][]>>();
        projectedAgain.forEach((code, rings) -> naive.putAll(Simplifier.simplify(Map.of(code, rings), Boundaries.TOLERANCE)));
        int split = unmatched(projectedAgain, simplified), naiveSplit = unmatched(projectedAgain, naive);
        System.out.printf("shared border vertices kept on one side only: %d (shared arcs), %d (each ICB on its own)%n", split, naiveSplit);
        assertEquals(0, split);
        assertTrue(naiveSplit > 0, "simplifying each shape alone would open gaps");
    }

    private static Map<String, List<int[][]>> projectedIcbs() {
        var shapes = Boundaries.read(Boundaries.Layer.ICBS.file);
        var p = Projection.fit(-6.4, 49.8, 1.8, 55.9, Boundaries.WIDTH);
        var out = new LinkedHashMap<String, List<int[][]>>();
        shapes.forEach((code, rings) -> {
            var list = new ArrayList<int[][]>();
            for (var r : rings) {
                var pts = new ArrayList<int[]>();
                for (var q : r) {
                    pts.add(new int[] {(int) Math.round(p.x(q[0])), (int) Math.round(p.y(q[1]))});
                }
                var d = Simplifier.dedupe(pts);
                if (d.length >= 3) {
                    list.add(d);
                }
            }
            out.put(code, list);
        });
        return out;
    }

    /** Vertices that two areas shared before, now kept by one of them only. */
    private static int unmatched(Map<String, List<int[][]>> before, Map<String, List<int[][]>> after) {
        var owners = new HashMap<String, Set<String>>();
        before.forEach((code, rings) -> rings.forEach(r -> points(r).forEach(p -> owners.computeIfAbsent(p, k -> new HashSet<>()).add(code))));
        var kept = new HashMap<String, Set<String>>();
        after.forEach((code, rings) -> kept.put(code, new HashSet<>()));
        after.forEach((code, rings) -> rings.forEach(r -> kept.get(code).addAll(points(r))));
        int count = 0;
        for (var e : owners.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            long keeping = e.getValue().stream().filter(code -> kept.get(code).contains(e.getKey())).count();
            if (keeping > 0 && keeping < e.getValue().size()) {
                count++;
            }
        }
        return count;
    }

    private static Set<String> onBorder(int[][] ring) {
        var set = new HashSet<String>();
        for (var p : ring) {
            if (p[0] > 0 && p[0] < 100) {
                set.add(p[0] + "," + p[1]);
            }
        }
        return set;
    }

    private static Set<String> points(int[][] ring) {
        var set = new HashSet<String>();
        for (var p : ring) {
            set.add(p[0] + "," + p[1]);
        }
        return set;
    }

    private static int[][] ring(int... xy) {
        var r = new int[xy.length / 2][];
        for (int i = 0; i < r.length; i++) {
            r[i] = new int[] {xy[2 * i], xy[2 * i + 1]};
        }
        return r;
    }
}
