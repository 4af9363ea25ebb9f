package org.joinedup.places;

import java.util.List;

/** Rings of integer points as the shortest plain SVG path data: an absolute move, then relative lines, closed. */
public final class SvgPath {

    private SvgPath() {
    }

    public static String of(List<int[][]> rings) {
        var d = new StringBuilder();
        for (var ring : rings) {
            d.append('M').append(ring[0][0]);
            number(d, ring[0][1]);
            d.append('l');
            for (int i = 1; i < ring.length; i++) {
                if (i > 1) {
                    number(d, ring[i][0] - ring[i - 1][0]);
                } else {
                    d.append(ring[i][0] - ring[i - 1][0]);
                }
                number(d, ring[i][1] - ring[i - 1][1]);
            }
            d.append('z');
        }
        return d.toString();
    }

    // a minus sign separates numbers by itself; a positive one needs a space
    private static void number(StringBuilder d, int value) {
        if (value >= 0) {
            d.append(' ');
        }
        d.append(value);
    }
}
