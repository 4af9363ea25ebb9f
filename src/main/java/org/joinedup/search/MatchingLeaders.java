package org.joinedup.search;

import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.search.index.LeaderDocument;

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
            total = response.hits().total() == null ? 0 : response.hits().total().value();
            var hits = response.hits().hits();
            for (var hit : hits) {
                found.add(match(hit.source(), hit.innerHits().get("matched")));
            }
            if (hits.isEmpty() || found.size() >= total) {
                break;
            }
        }
        return new Matches(found, Math.max(total, found.size()));
    }

    private static Match match(LeaderDocument source, InnerHitsResult inner) {
        var records = new ArrayList<Long>();
        if (inner != null) {
            for (var record : inner.hits().hits()) {
                if (record.source() != null) {
                    records.add(record.source().to(LeaderDocument.Record.class).id());
                }
            }
        }
        records.sort(Long::compare);
        return new Match(source.id(), source.name(), List.copyOf(records));
    }
}
