package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.leader.LeaderRevision;
import org.joinedup.leader.LeaderService;

/**
 * Compares an index with PostgreSQL, the source of truth: every leader must be there at its
 * current revision, and nothing else. Used after a rebuild, by the admin check and by the drills.
 */
@ApplicationScoped
public class IndexReconciler {

    private static final int PAGE = 5_000;
    private static final int SAMPLE = 20;

    @Inject
    ElasticsearchClient client;

    @Inject
    LeaderService leaders;

    /** {@code revisionsToFix}: leader id to the revision to index or delete at; a sample of ids per kind of difference. */
    @Schema(name = "IndexCheck")
    public record Report(String index, long inDatabase, long inIndex, long missing, long stale, long extra,
            List<Long> missingSample, List<Long> staleSample, List<Long> extraSample,
            @JsonIgnore Map<Long, Long> revisionsToFix) {

        @JsonProperty("inStep")
        public boolean inStep() {
            return missing == 0 && stale == 0 && extra == 0;
        }
    }

    public Report compare(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        var database = databaseRevisions();
        var indexed = indexedVersions(index);
        var toFix = new HashMap<Long, Long>();
        var missing = new ArrayList<Long>();
        var stale = new ArrayList<Long>();
        var extra = new ArrayList<Long>();
        database.forEach((id, revision) -> {
            var version = indexed.get(id);
            if (version == null) {
                missing.add(id);
                toFix.put(id, revision);
            } else if (version != revision.longValue()) {
                stale.add(id);
                toFix.put(id, revision);
            }
        });
        indexed.forEach((id, version) -> {
            if (!database.containsKey(id)) {
                extra.add(id);
                toFix.put(id, version + 1);
            }
        });
        return new Report(index, database.size(), indexed.size(), missing.size(), stale.size(), extra.size(),
                sample(missing), sample(stale), sample(extra), toFix);
    }

    private Map<Long, Long> databaseRevisions() {
        var revisions = new HashMap<Long, Long>();
        long after = 0;
        List<LeaderRevision> batch;
        do {
            batch = leaders.revisionsAfter(after, PAGE);
            batch.forEach(r -> revisions.put(r.id(), r.revision()));
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
        } while (batch.size() == PAGE);
        return revisions;
    }

    /**
     * The leaders {@code index} holds with a record that was still to end when they were written and has ended by {@code day}
     * (their {@link LeaderDocument.Experience#nextEnd}), by id, with the revision they were written at.
     */
    public Map<Long, Long> endedBy(String index, LocalDate day) throws IOException {
        var ended = Query.of(q -> q.range(r -> r.date(d -> d.field(DocumentFields.EXPERIENCE_NEXT_END).lte(day.toString()))));
        return indexedVersions(index, ended);
    }

    /**
     * The id and version of every document a build of an older mapping than {@code version} wrote: one written before
     * mapping 21 has no {@link DocumentFields#MAPPING_VERSION}. Only for an index of mapping {@code version}: in an older one
     * the field is not indexed, and every document would look older.
     */
    public Map<Long, Long> writtenBefore(String index, int version) throws IOException {
        var older = Query.of(q -> q.bool(b -> b
                .should(s -> s.range(r -> r.number(n -> n.field(DocumentFields.MAPPING_VERSION).lt((double) version))))
                .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field(DocumentFields.MAPPING_VERSION)))))
                .minimumShouldMatch("1")));
        return indexedVersions(index, older);
    }

    /** Every document's id and version. */
    private Map<Long, Long> indexedVersions(String index) throws IOException {
        return indexedVersions(index, Query.of(q -> q.matchAll(m -> m)));
    }

    /** The id and version of every document {@code query} matches, paged with search_after on the id (no scroll context to clean up). */
    private Map<Long, Long> indexedVersions(String index, Query query) throws IOException {
        var versions = new HashMap<Long, Long>();
        List<FieldValue> after = null;
        while (true) {
            var searchAfter = after;
            SearchResponse<ObjectNode> page = client.search(s -> {
                s.index(index).query(query).size(PAGE).version(true).source(src -> src.fetch(false))
                        .sort(o -> o.field(f -> f.field(DocumentFields.ID).order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, ObjectNode.class);
            var hits = page.hits().hits();
            for (Hit<ObjectNode> hit : hits) {
                versions.put(Long.valueOf(hit.id()), hit.version());
            }
            if (hits.size() < PAGE) {
                return versions;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private static List<Long> sample(List<Long> ids) {
        return ids.stream().sorted().limit(SAMPLE).toList();
    }
}
