package org.joinedup.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.joinedup.search.RegionOverview;

/**
 * A bubble map of England drawn from ICB centroids: an equirectangular projection fitted to
 * England's bounding box (longitudes shrunk by the cosine of 53°N so the shape is not stretched),
 * one circle per ICB with its area proportional to the number of leaders. No tiles, no script.
 */
public record EnglandMap(int width, int height, List<Bubble> bubbles, long leaders) {

    static final double NORTH = 55.85, SOUTH = 49.95, WEST = -5.8, EAST = 1.85;
    static final int WIDTH = 400;
    private static final double SHRINK = Math.cos(Math.toRadians(53));
    private static final double MIN_RADIUS = 4, MAX_RADIUS = 26;

    /** One ICB: where it is drawn, how big, where clicking it goes, and what it says. */
    public record Bubble(String code, String name, long leaders, double cx, double cy, double r, String href, boolean selected) {

        public String cxText() {
            return String.format(Locale.ROOT, "%.1f", cx);
        }

        public String cyText() {
            return String.format(Locale.ROOT, "%.1f", cy);
        }

        public String rText() {
            return String.format(Locale.ROOT, "%.1f", r);
        }
    }

    static EnglandMap of(RegionOverview overview, SearchLinks links, List<String> selectedIcbs) {
        int height = (int) Math.round(WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * SHRINK));
        long most = overview.icbs().stream().mapToLong(RegionOverview.AreaCount::leaders).max().orElse(1);
        var bubbles = overview.icbs().stream()
                .filter(icb -> icb.latitude() != null && icb.leaders() > 0)
                // big bubbles first, so small ones are drawn on top and stay clickable
                .sorted(Comparator.comparingLong(RegionOverview.AreaCount::leaders).reversed().thenComparing(RegionOverview.AreaCount::code))
                .map(icb -> new Bubble(icb.code(), icb.name(), icb.leaders(),
                        (icb.longitude() - WEST) / (EAST - WEST) * WIDTH,
                        (NORTH - icb.latitude()) / (NORTH - SOUTH) * height,
                        MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt((double) icb.leaders() / most),
                        links.icb(icb.code()), selectedIcbs.contains(icb.code())))
                .toList();
        return new EnglandMap(WIDTH, height, bubbles, overview.leaders());
    }

    /** The same ICBs by name, for the list beside the map (and for screen readers). */
    public List<Bubble> byName() {
        return bubbles.stream().sorted(Comparator.comparing(Bubble::name)).toList();
    }
}
