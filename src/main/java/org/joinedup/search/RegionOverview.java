package org.joinedup.search;

import java.util.List;

/**
 * Where the matching experience is: leaders and records per NHS region, per current ICB and per
 * council a record covered (a council's count is what the {@code area} filter finds), with centroids for a map.
 */
public record RegionOverview(long leaders, List<AreaCount> regions, List<AreaCount> icbs, List<AreaCount> councils) {

    /** {@code records} counts each record once per area it covered. */
    public record AreaCount(String code, String name, String regionCode, Double latitude, Double longitude, long leaders, long records) {
    }
}
