package org.joinedup.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.transport.endpoints.SimpleEndpoint;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.search.index.LeaderIndex;

/**
 * Sends a search body to the leaders alias. Elasticsearch being unreachable, failing or not set up
 * yet becomes a 503 problem with a retry hint, never a 500.
 */
@ApplicationScoped
class AliasSearch {

    private static final Logger LOG = Logger.getLogger(AliasSearch.class);
    private static final ObjectMapper BODIES = new ObjectMapper();

    @Inject
    ElasticsearchClient client;

    @Inject
    LeaderIndex index;

    /**
     * Whether Elasticsearch may answer a search body it answered before, with the index unchanged
     * since, from its shard request cache (the bodies name no {@code now}, so they are cacheable).
     * Off only to measure the cold cost (bench/search-scale).
     */
    @ConfigProperty(name = "joinedup.search.request-cache", defaultValue = "true")
    boolean requestCache;

    /**
     * A body as the service built it, to send as it is: the client's typed {@link SearchRequest} would
     * parse it and write it out again, which cost a search about 0.05 ms (docs/benchmarks.md). No
     * {@code index} for a body that names a point in time; {@code requestCache} null leaves
     * Elasticsearch's default.
     */
    private record Body(byte[] json, String index, Boolean requestCache) {
    }

    /** The search endpoint, its answer read as {@link LeaderHits}; Elasticsearch's errors are the client's as for any endpoint. */
    private static final SimpleEndpoint<Body, LeaderHits> LEADERS = new SimpleEndpoint<>("es/search",
            body -> "POST",
            AliasSearch::searchUrl,
            body -> Map.of(),
            body -> body.requestCache == null ? Map.of("typed_keys", "true")
                    : Map.of("typed_keys", "true", "request_cache", body.requestCache.toString()),
            body -> Map.of(),
            body -> BinaryData.of(body.json, ContentType.APPLICATION_JSON),
            LeaderHits.DESERIALIZER);

    private static String searchUrl(Body body) {
        var url = new StringBuilder("/");
        if (body.index != null) {
            SimpleEndpoint.pathEncode(body.index, url);
            url.append('/');
        }
        return url.append("_search").toString();
    }

    /** The leaders found, as typed leader documents and records (as much of each as the body's {@code _source} asks for). */
    LeaderHits search(ObjectNode body) {
        LOG.debugf("Search request: %s", body);
        return answered(() -> leaders(body));
    }

    /** As {@link #search}, Elasticsearch's failures left to the caller (an export already streaming). */
    LeaderHits leaders(ObjectNode body) throws IOException {
        return leaders(new Body(bytes(body), index.alias(), requestCache));
    }

    /** The same for a body that searches a point in time, which names its indices itself. */
    LeaderHits leadersInPointInTime(ObjectNode body) throws IOException {
        return leaders(new Body(bytes(body), null, null));
    }

    /** Written straight to UTF-8 bytes: {@code body.toString()} built a string first, and encoding it was a second pass. */
    private static byte[] bytes(ObjectNode body) {
        try {
            return BODIES.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a search body", e);
        }
    }

    private LeaderHits leaders(Body body) throws IOException {
        return client._transport().performRequest(body, LEADERS, client._transportOptions());
    }

    /**
     * The answers to several bodies in one round trip ({@code _msearch}), in order; null for a body
     * that failed (logged). The bodies ask for no hits ({@link LeaderQuery#countsBody}).
     */
    List<MultiSearchItem<Void>> all(List<ObjectNode> bodies) {
        LOG.debugf("Count requests: %s", bodies);
        var response = answered(() -> client.msearch(m -> {
            m.index(index.alias());
            for (var body : bodies) {
                m.searches(item -> item.header(h -> h).body(b -> b.withJson(new StringReader(body.toString()))));
            }
            return m;
        }, Void.class));
        var answers = new ArrayList<MultiSearchItem<Void>>();
        for (var item : response.responses()) {
            if (item.isFailure()) {
                LOG.warnf("A count failed: %s", item.failure().error().reason());
                answers.add(null);
            } else {
                answers.add(item.result());
            }
        }
        return answers;
    }

    /** The suggestions of a body that asks only for them ({@link LeaderQuery#spellingBody()}), by suggester name. */
    Map<String, List<Suggestion<Void>>> suggest(ObjectNode body) {
        LOG.debugf("Spelling request: %s", body);
        return answered(() -> client.search(request(body), Void.class).suggest());
    }

    private SearchRequest request(ObjectNode body) {
        return SearchRequest.of(s -> s.withJson(new StringReader(body.toString())).index(index.alias()).requestCache(requestCache));
    }

    private interface Call<T> {
        T send() throws IOException;
    }

    /** Elasticsearch unreachable or failing is a 503 (see {@link #translated}). */
    private static <T> T answered(Call<T> call) {
        try {
            return call.send();
        } catch (IOException e) {
            throw unavailable(e);
        } catch (ElasticsearchException e) {
            throw translated(e);
        }
    }

    /** Elasticsearch failing, or no index behind the alias, is a 503; anything else is the request's own error. */
    static RuntimeException translated(ElasticsearchException e) {
        return e.status() >= 500 || "index_not_found_exception".equals(e.error().type()) ? unavailable(e) : e;
    }

    static ProblemException unavailable(Exception e) {
        LOG.warnf("Search unavailable: %s", e.getMessage());
        return new ProblemException(Problem.of("search-unavailable", "Search unavailable", 503,
                "search is unavailable for the moment; records are still saved and become searchable when it returns. Retry in "
                        + Problem.RETRY_AFTER_SECONDS + " seconds"));
    }
}
