package org.joinedup.search;

import java.util.List;

/**
 * Where the matching experience is: leaders and records per NHS region, per current ICB and per
 * council a record covered (a council's count is what the {@code area} filter finds), with centroids for a map;
 * and {@code national}, the leaders and records of work covering England as a whole, which no region, ICB or
 * council count includes (what {@code area=E92000001} finds).
 */
public record RegionOverview(long leaders, List<AreaCount> regions, List<AreaCount> icbs, List<AreaCount> councils, National national) {

    /** Leaders with a record covering England as a whole (passing the filters), and those records. */
    public record National(long leaders, long records) {
    }

    /** {@code records} counts each record once per area it covered, however many leaders led it together (docs/co-led-records.md). */
    public record AreaCount(String code, String name, String regionCode, Double latitude, Double longitude, long leaders, long records) {
    }
}
