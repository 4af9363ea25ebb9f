package org.joinedup.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.joinedup.places.NearestNeighbours;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/**
 * The councils like a request's area, for the scorer's place part ({@link MatchScorer.Need#places()}): for a council, its
 * {@value MatchScorer#NEIGHBOURS} nearest statistical neighbours; for an ICB, those of each of its councils, a council
 * neighbouring several taking its best rank, and the ICB's own councils left out (being there is the distance part's);
 * for a region, or an area with no council figures, none (a region's councils' neighbours cover most of England, so
 * "like yours" would say nothing). The neighbours are fixed from start, so each area is worked out once.
 */
@ApplicationScoped
public class LikePlaces {

    @Inject
    NearestNeighbours neighbours;

    @Inject
    Geography geography;

    private final Map<String, Map<String, MatchScorer.Like>> cache = new ConcurrentHashMap<>();

    /** Council code to its likeness; empty when the area has none. */
    public Map<String, MatchScorer.Like> of(String areaCode) {
        if (areaCode == null) {
            return Map.of();
        }
        return cache.computeIfAbsent(areaCode, this::workedOut);
    }

    private Map<String, MatchScorer.Like> workedOut(String areaCode) {
        var area = geography.resolve(areaCode).orElse(null);
        if (area == null) {
            return Map.of();
        }
        List<String> councils;
        if (area.isLocalAuthority()) {
            councils = neighbours.isCouncil(area.code()) ? List.of(area.code()) : List.of();
        } else if (Area.ICB.equals(area.type())) {
            councils = geography.all().stream().filter(Area::isLocalAuthority).filter(c -> area.code().equals(c.icbCode()))
                    .map(Area::code).filter(neighbours::isCouncil).sorted().toList();
        } else {
            return Map.of();
        }
        var best = new LinkedHashMap<String, MatchScorer.Like>();
        for (var council : councils) {
            var list = neighbours.of(council, MatchScorer.NEIGHBOURS);
            for (int i = 0; i < list.size(); i++) {
                var code = list.get(i).code();
                int rank = i + 1;
                var known = best.get(code);
                if (!councils.contains(code) && (known == null || rank < known.rank())) {
                    var name = geography.find(code).map(Area::name).orElse(code);
                    best.put(code, new MatchScorer.Like(rank, name, neighbours.likeness(code, council)));
                }
            }
        }
        return Map.copyOf(best);
    }
}
