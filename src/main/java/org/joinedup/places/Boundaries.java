package org.joinedup.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/**
 * The ONS boundaries of the current ICBs and of the councils, read once from
 * seed-data/geography/boundaries/ (sources and licence in that folder's README), and drawn on
 * demand for a set of areas: projected to fit {@link #WIDTH} units, rounded to whole units and
 * simplified to {@link #TOLERANCE} of a unit along shared borders (see {@link Simplifier}), so the
 * page carries a few kilobytes instead of the files' hundreds. Every current ICB and every council
 * of {@link Geography} must have a boundary, or the service does not start.
 */
@Startup
@ApplicationScoped
public class Boundaries {

    private static final Logger LOG = Logger.getLogger(Boundaries.class);

    /** Drawing units across; the page scales the SVG to its column, so this is about one unit a pixel. */
    public static final int WIDTH = 400;
    /** How far (in units) a simplified border may stray from the ONS line: about a pixel at the usual size (measured in docs/map.md). */
    public static final double TOLERANCE = 1.5;
    private static final int MARGIN = 2;
    private static final int CACHED_DRAWINGS = 200;

    /** The two sets of areas a map draws. */
    public enum Layer {
        ICBS("geography/boundaries/icbs-2026.geojson"),
        COUNCILS("geography/boundaries/councils-2023.geojson");

        final String file;

        Layer(String file) {
            this.file = file;
        }
    }

    /** Areas drawn: each code's SVG path data in a {@code width} x {@code height} box, and how much simplifying saved. */
    public record Drawing(int width, int height, Map<String, String> paths, int verticesBefore, int verticesAfter, String groupBorders) {

        public Drawing(int width, int height, Map<String, String> paths, int verticesBefore, int verticesAfter) {
            this(width, height, paths, verticesBefore, verticesAfter, "");
        }
    }

    @Inject
    Geography geography;

    /** Per layer, per code: rings of [longitude, latitude]. */
    private final Map<Layer, Map<String, List<double[][]>>> shapes = new EnumMap<>(Layer.class);
    private final Map<String, Drawing> drawings = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        loadShapes();
        for (var area : geography.all()) {
            boolean icb = Area.ICB.equals(area.type()) && Boolean.TRUE.equals(area.current());
            if (icb && !shapes.get(Layer.ICBS).containsKey(area.code())
                    || area.isLocalAuthority() && !shapes.get(Layer.COUNCILS).containsKey(area.code())) {
                throw new IllegalStateException("seed-data/geography/boundaries has no boundary for " + area.code() + " " + area.name());
            }
        }
        var england = draw(Layer.ICBS, shapes.get(Layer.ICBS).keySet());
        LOG.infof("Loaded boundaries of %d ICBs and %d councils; England by ICB drawn with %d of %d vertices",
                shapes.get(Layer.ICBS).size(), shapes.get(Layer.COUNCILS).size(), england.verticesAfter(), england.verticesBefore());
    }

    void loadShapes() {
        for (var layer : Layer.values()) {
            shapes.put(layer, read(layer.file));
        }
    }

    /** The areas of the layer among {@code codes} (others are left out), fitted together into one map. */
    public Drawing draw(Layer layer, Collection<String> codes) {
        var chosen = new TreeSet<String>(codes);
        chosen.retainAll(shapes.get(layer).keySet());
        var key = layer + ":" + String.join(",", chosen);
        var cached = drawings.get(key);
        if (cached != null) {
            return cached;
        }
        var drawing = project(layer, chosen);
        // any combination of ICBs can be asked for; keep the common ones, compute the rest
        if (drawings.size() < CACHED_DRAWINGS) {
            drawings.put(key, drawing);
        }
        return drawing;
    }

    private Drawing project(Layer layer, TreeSet<String> chosen) {
        var source = shapes.get(layer);
        double west = 180, east = -180, south = 90, north = -90;
        for (var code : chosen) {
            for (var ring : source.get(code)) {
                for (var p : ring) {
                    west = Math.min(west, p[0]);
                    east = Math.max(east, p[0]);
                    south = Math.min(south, p[1]);
                    north = Math.max(north, p[1]);
                }
            }
        }
        if (chosen.isEmpty()) {
            return new Drawing(WIDTH, WIDTH, Map.of(), 0, 0);
        }
        var projection = Projection.fit(west, south, east, north, WIDTH - 2 * MARGIN);
        var projected = new LinkedHashMap<String, List<int[][]>>();
        int before = 0;
        for (var code : chosen) {
            var rings = new ArrayList<int[][]>();
            for (var ring : source.get(code)) {
                before += ring.length;
                var points = new ArrayList<int[]>(ring.length);
                for (var p : ring) {
                    points.add(new int[] {(int) Math.round(projection.x(p[0])) + MARGIN, (int) Math.round(projection.y(p[1])) + MARGIN});
                }
                var deduped = Simplifier.dedupe(points);
                if (deduped.length >= 3) {
                    rings.add(deduped);
                }
            }
            projected.put(code, rings);
        }
        var simplified = Simplifier.simplify(projected, TOLERANCE);
        var paths = new LinkedHashMap<String, String>();
        int after = 0;
        for (var e : simplified.entrySet()) {
            for (var ring : e.getValue()) {
                after += ring.length;
            }
            paths.put(e.getKey(), SvgPath.of(e.getValue()));
        }
        return new Drawing(WIDTH, projection.height() + 2 * MARGIN, paths, before, after, GroupBorders.of(simplified, code -> group(layer, code)));
    }

    /** What a map outlines over its areas: ICBs by their NHS England region, councils by their ICB. */
    private String group(Layer layer, String code) {
        return geography.find(code).map(a -> layer == Layer.ICBS ? a.regionCode() : a.icbCode()).orElse(code);
    }

    /** The rings of each feature (outer rings and holes alike: the page fills them even-odd). */
    static Map<String, List<double[][]>> read(String file) {
        try (InputStream in = Boundaries.class.getClassLoader().getResourceAsStream("seed-data/" + file)) {
            if (in == null) {
                throw new IllegalStateException("seed-data/" + file + " is missing from the build");
            }
            var root = new ObjectMapper().readTree(in);
            var byCode = new HashMap<String, List<double[][]>>();
            for (var feature : root.get("features")) {
                var geometry = feature.get("geometry");
                var rings = new ArrayList<double[][]>();
                if ("Polygon".equals(geometry.get("type").asText())) {
                    addRings(geometry.get("coordinates"), rings);
                } else {
                    for (var polygon : geometry.get("coordinates")) {
                        addRings(polygon, rings);
                    }
                }
                byCode.put(feature.get("properties").get("code").asText(), rings);
            }
            return byCode;
        } catch (IOException e) {
            throw new UncheckedIOException("seed-data/" + file, e);
        }
    }

    private static void addRings(JsonNode polygon, List<double[][]> rings) {
        for (var ring : polygon) {
            var points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            rings.add(points);
        }
    }
}
