package org.joinedup.places;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Borders between groups of areas, worked out by hand on three unit squares in a row: a | b | c. */
class GroupBordersTest {

    private static int[][] square(int x) {
        return new int[][] {{x, 0}, {x + 1, 0}, {x + 1, 1}, {x, 1}};
    }

    private static Map<String, List<int[][]>> row() {
        var rings = new LinkedHashMap<String, List<int[][]>>();
        rings.put("a", List.<int[][]>of(square(0)));
        rings.put("b", List.<int[][]>of(square(1)));
        rings.put("c", List.<int[][]>of(square(2)));
        return rings;
    }

    @Test
    void drawsOnlyTheEdgeBetweenGroupsOnce() {
        // a and b in one region, c in another: only the edge x=2 between b and c, drawn from b (which sorts first)
        var groups = Map.of("a", "north", "b", "north", "c", "south");
        assertEquals("M2 0l0 1", GroupBorders.of(row(), groups::get));
    }

    @Test
    void drawsNothingWhenAllAreasAreOneGroupAndEveryInnerEdgeWhenNone() {
        assertEquals("", GroupBorders.of(row(), code -> "one"));
        assertEquals("M1 0l0 1M2 0l0 1", GroupBorders.of(row(), code -> code));
    }
}
