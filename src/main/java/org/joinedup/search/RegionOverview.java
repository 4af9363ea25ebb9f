package org.joinedup.search;

import java.util.List;

/** Where the matching experience is: leaders and records per NHS region and per current ICB, with centroids for a map. */
public record RegionOverview(long leaders, List<AreaCount> regions, List<AreaCount> icbs) {

    /** {@code records} counts each record once per area it covered. */
    public record AreaCount(String code, String name, String regionCode, Double latitude, Double longitude, long leaders, long records) {
    }
}
