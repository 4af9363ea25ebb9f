package org.joinedup.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Every leader a search matches, best first, with the ids of all of its records that pass the
 * filters (not only the three a result shows): what a saved search compares from week to week.
 * Walks the result pages itself, up to a cap.
 */
@ApplicationScoped
public class MatchingLeaders {

    private static final int PAGE = 100;

    @Inject
    AliasSearch alias;

    /** A leader found, with its matching records' ids in ascending order. */
    public record Match(long leaderId, String name, List<Long> recordIds) {
    }

    /** The leaders found (at most the cap asked for) and how many matched in all. */
    public record Matches(List<Match> leaders, long total) {

        public boolean capped() {
            return total > leaders.size();
        }
    }

    /** The first {@code max} leaders {@code criteria} find for {@code audience}; the criteria's own page and size are ignored. */
    public Matches find(SearchCriteria criteria, Audience audience, int max) {
        var forThem = criteria.forAudience(audience);
        var query = new LeaderQuery(forThem);
        int limit = Math.min(max, SearchCriteriaParser.MAX_RESULT_WINDOW);
        var found = new ArrayList<Match>();
        long total = 0;
        while (found.size() < limit) {
            var response = alias.search(query.matchesBody(found.size(), Math.min(PAGE, limit - found.size())));
            total = response.total();
            var hits = response.hits();
            for (var hit : hits) {
                found.add(match(hit));
            }
            if (hits.isEmpty() || found.size() >= total) {
                break;
            }
        }
        return new Matches(found, Math.max(total, found.size()));
    }

    private static Match match(LeaderHits.Hit hit) {
        var records = new ArrayList<Long>();
        hit.matched().forEach(matched -> records.add(matched.record().id()));
        records.sort(Long::compare);
        return new Match(hit.leader().id(), hit.leader().name(), List.copyOf(records));
    }
}
