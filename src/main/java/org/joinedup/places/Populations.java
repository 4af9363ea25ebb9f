package org.joinedup.places;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.joinedup.vocabulary.AreaStatistics;
import org.joinedup.vocabulary.Geography;

/**
 * Population of every council, current ICB and NHS region: the councils' ONS mid-2022 estimates
 * ({@link AreaStatistics}), and for an ICB or a region the sum over its councils. Each council is
 * counted whole in its one ICB (the geography's simplification: a few councils straddle two), so
 * an ICB's figure is approximate where a neighbour's council reaches into it.
 */
@ApplicationScoped
public class Populations {

    @Inject
    Geography geography;

    @Inject
    AreaStatistics statistics;

    private final Map<String, Long> byCode = new HashMap<>();

    @PostConstruct
    void sum() {
        for (var figures : statistics.all()) {
            var council = geography.find(figures.code()).orElseThrow();
            byCode.put(council.code(), figures.population());
            byCode.merge(council.icbCode(), figures.population(), Long::sum);
            byCode.merge(council.regionCode(), figures.population(), Long::sum);
        }
    }

    /** The population of a council, current ICB or region; 0 for anything else (a place abroad, a superseded ICB). */
    public long of(String code) {
        return code == null ? 0 : byCode.getOrDefault(code, 0L);
    }

    /** Leaders per 100,000 people of the area, or 0 where the population is unknown. */
    public static double per100k(long leaders, long population) {
        return population <= 0 ? 0 : leaders * 100_000.0 / population;
    }
}
