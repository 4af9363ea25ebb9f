package org.joinedup.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.joinedup.search.index.LeaderIndex;

/**
 * Every leader a search finds, not one page of them, with the records that matched: for exports.
 * A {@link Cursor} walks the hits in the search's own order through a point in time with
 * search_after, a batch at a time, so the set does not shift under it while it is read and no
 * result window limits it.
 */
@ApplicationScoped
public class SearchMatches {

    private static final Logger LOG = Logger.getLogger(SearchMatches.class);
    /** Long enough for the caller to write one batch between two requests. */
    private static final String KEEP_ALIVE = "2m";

    @Inject
    ElasticsearchClient client;

    @Inject
    AliasSearch alias;

    @Inject
    LeaderIndex index;

    @Inject
    SearchCriteriaParser parser;

    /**
     * A leader found and which of their records match: {@code allRecords} when the search has no
     * record criteria (every published record they have matches), else {@code recordIds}.
     */
    public record Match(long leaderId, boolean allRecords, List<Long> recordIds) {
    }

    /**
     * Opens the walk for the parameters as sent: bad parameters are a 400 and Elasticsearch being
     * unavailable a 503 here, before the caller has written anything. The parameters' page and size
     * do not narrow it.
     */
    public Cursor open(SearchParams params) {
        return open(parser.parse(params));
    }

    Cursor open(SearchCriteria criteria) {
        var query = new LeaderQuery(criteria);
        try {
            var pit = client.openPointInTime(o -> o.index(index.alias()).keepAlive(t -> t.time(KEEP_ALIVE))).id();
            return new Cursor(query, pit, criteria.audience());
        } catch (IOException e) {
            throw AliasSearch.unavailable(e);
        } catch (ElasticsearchException e) {
            throw AliasSearch.translated(e);
        }
    }

    /** The hits of one search, batch by batch; close it to free the point in time. */
    public final class Cursor implements AutoCloseable {

        private final LeaderQuery query;
        private final Audience audience;
        private String pit;
        private List<Object> after;
        private boolean done;

        private Cursor(LeaderQuery query, String pit, Audience audience) {
            this.query = query;
            this.pit = pit;
            this.audience = audience;
        }

        /** Whose eyes the search is for: what the caller may show of each leader found. */
        public Audience audience() {
            return audience;
        }

        /** The next at most {@code size} leaders found; empty once all have been read. */
        public List<Match> next(int size) throws IOException {
            if (done) {
                return List.of();
            }
            var response = search(query.exportBody(pit, KEEP_ALIVE, size, after));
            if (response.pitId() != null) {
                pit = response.pitId();
            }
            var hits = response.hits();
            done = hits.size() < size;
            if (!hits.isEmpty()) {
                // as Elasticsearch wrote them: a leader with no place sorts at "Infinity" by distance, a string it takes back
                after = hits.get(hits.size() - 1).sort();
            }
            var matches = new ArrayList<Match>(hits.size());
            boolean all = !query.hasRecordFilters();
            for (var hit : hits) {
                long leaderId = hit.leader().id();
                matches.add(new Match(leaderId, all, all ? List.of() : recordIds(leaderId, hit)));
            }
            return matches;
        }

        private List<Long> recordIds(long leaderId, LeaderHits.Hit hit) throws IOException {
            var ids = matched(hit);
            var page = ids;
            // a leader with more matching records than one inner-hits window: fetch the rest by record id
            while (page.size() == LeaderQuery.ALL_INNER_HITS) {
                var more = alias.leaders(query.moreRecordsBody(leaderId, page.get(page.size() - 1))).hits();
                page = more.isEmpty() ? List.of() : matched(more.get(0));
                ids.addAll(page);
            }
            return ids;
        }

        private LeaderHits search(ObjectNode body) throws IOException {
            LOG.debugf("Export request: %s", body);
            return alias.leadersInPointInTime(body);
        }

        @Override
        public void close() {
            try {
                client.closePointInTime(c -> c.id(pit));
            } catch (IOException | RuntimeException e) {
                // it expires by itself after the keep-alive
                LOG.debugf("Could not close point in time: %s", e.getMessage());
            }
        }
    }

    private static List<Long> matched(LeaderHits.Hit hit) {
        var ids = new ArrayList<Long>();
        hit.matched().forEach(matched -> ids.add(matched.record().id()));
        return ids;
    }
}
