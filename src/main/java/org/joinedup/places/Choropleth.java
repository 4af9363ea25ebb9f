package org.joinedup.places;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A map of areas shaded by leaders found per 100,000 people, ready to draw: each area's outline,
 * figures and link, and the legend's bands. Pure: the caller brings the outlines ({@link
 * Boundaries.Drawing}) and the figures. In the gap view an area where nobody was found is a gap,
 * drawn in its own colour and listed, rather than the lightest shade. {@code borders}: path data of the
 * borders between groups of the areas (regions over ICBs, ICBs over councils; {@link GroupBorders}).
 */
public record Choropleth(int width, int height, List<Shade> areas, List<Band> legend, boolean gaps, String borders) {

    /** Bands above none: equal steps up to the highest rate on the map. */
    static final int BANDS = 4;

    /** One area as given: its counts, where choosing it goes, and whether it is chosen. */
    public record Figures(String code, String name, long leaders, long population, String href, boolean selected) {
    }

    /** One area as drawn: its path, its band (0 for none found, 1 to {@link #BANDS}) and its figures in words. */
    public record Shade(String code, String name, long leaders, long population, double rate, int band, String path, String href,
            boolean selected, boolean gap) {

        /** The class that colours it: b0 to b4, or gap. */
        public String shade() {
            return gap ? "gap" : "b" + band;
        }

        public String rateText() {
            return figure(rate);
        }

        public String populationText() {
            return NumberFormat.getIntegerInstance(Locale.UK).format(population);
        }

        /** What the area says on hover, focus and to a screen reader. */
        public String label() {
            return name + ": " + leaders + (leaders == 1 ? " leader" : " leaders") + " found, " + rateText() + " per 100,000 people";
        }
    }

    /** A band of the legend: its class (its colour) and the rates it holds, in words. */
    public record Band(String shade, String label) {
    }

    public static Choropleth of(Boundaries.Drawing drawing, List<Figures> figures) {
        return of(drawing, figures, false);
    }

    /** With {@code gaps}, the areas where nobody was found are gaps, not the lightest shade. */
    public static Choropleth of(Boundaries.Drawing drawing, List<Figures> figures, boolean gaps) {
        return of(drawing, figures, gaps, Set.of());
    }

    /**
     * With {@code gaps}, an area where nobody was found is a gap unless it is in {@code coveredNearby}
     * (the gap view by distance: somebody did it within the distance chosen).
     */
    public static Choropleth of(Boundaries.Drawing drawing, List<Figures> figures, boolean gaps, Set<String> coveredNearby) {
        double highest = figures.stream().filter(f -> drawing.paths().containsKey(f.code()))
                .mapToDouble(f -> Populations.per100k(f.leaders(), f.population())).max().orElse(0);
        var areas = new ArrayList<Shade>();
        for (var f : figures) {
            var path = drawing.paths().get(f.code());
            if (path == null) {
                continue;
            }
            double rate = Populations.per100k(f.leaders(), f.population());
            int band = band(rate, highest);
            boolean gap = gaps && band == 0 && !coveredNearby.contains(f.code());
            areas.add(new Shade(f.code(), f.name(), f.leaders(), f.population(), rate, band, path, f.href(), f.selected(), gap));
        }
        // the chosen area last, so its outline is drawn over its neighbours'
        areas.sort(Comparator.comparing(Shade::selected).thenComparing(Shade::code));
        return new Choropleth(drawing.width(), drawing.height(), areas, legend(highest, gaps), gaps, drawing.groupBorders());
    }

    /** 0 for no leader found; otherwise the step of the highest rate it falls in, 1 to {@link #BANDS}. */
    static int band(double rate, double highest) {
        if (rate <= 0 || highest <= 0) {
            return 0;
        }
        return Math.max(1, Math.min(BANDS, (int) Math.ceil(rate / highest * BANDS)));
    }

    private static List<Band> legend(double highest, boolean gaps) {
        var bands = new ArrayList<Band>();
        bands.add(gaps ? new Band("gap", "gap: nobody found") : new Band("b0", "none found"));
        if (highest <= 0) {
            return bands;
        }
        for (int b = 1; b <= BANDS; b++) {
            bands.add(new Band("b" + b, "over " + figure(highest * (b - 1) / BANDS) + " to " + figure(highest * b / BANDS)));
        }
        return bands;
    }

    /**
     * A rate in words: one decimal, but a rate under 0.1 keeps two significant figures, since "0.0" reads as
     * nobody (a narrow search over England's ICBs has every rate under 0.1, and its legend said "over 0.0 to 0.0").
     */
    static String figure(double rate) {
        if (rate == 0 || rate >= 0.1) {
            return String.format(Locale.ROOT, "%.1f", rate);
        }
        return new BigDecimal(rate).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** The gaps by name, for the list under the map; none outside the gap view. */
    public List<Shade> gapsByName() {
        return byName().stream().filter(Shade::gap).toList();
    }

    /** The same areas by name, for the table under the map. */
    public List<Shade> byName() {
        return areas.stream().sorted(Comparator.comparing(Shade::name)).toList();
    }
}
