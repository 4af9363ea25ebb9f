package org.joinedup.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The leaders index as described by index-mappings/leaders.json: a physical index
 * {alias}-v{version} behind the alias that searches use. Created at start if missing; while
 * Elasticsearch is unreachable the service still starts and keeps trying.
 */
@ApplicationScoped
public class LeaderIndex {

    private static final Logger LOG = Logger.getLogger(LeaderIndex.class);
    static final String MAPPING_RESOURCE = "index-mappings/leaders.json";

    @Inject
    ElasticsearchClient client;

    @Inject
    ElasticsearchConfig config;

    @Inject
    ObjectMapper json;

    private final AtomicReference<String> liveIndex = new AtomicReference<>();

    void onStart(@Observes StartupEvent start) {
        tryEnsure();
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryUntilReady() {
        if (liveIndex.get() == null) {
            tryEnsure();
        }
    }

    public String alias() {
        return config.indexAlias();
    }

    /** The physical index behind the alias, once it is known to exist. */
    public Optional<String> liveIndex() {
        return Optional.ofNullable(liveIndex.get());
    }

    public int mappingVersion() {
        return mappingFile().path("mappings").path("_meta").path("version").asInt();
    }

    String indexName(int version) {
        return alias() + "-v" + version;
    }

    private void tryEnsure() {
        try {
            liveIndex.set(ensure());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Elasticsearch not ready (%s); writes are kept and the index will be set up when it answers", e.getMessage());
        }
    }

    private String ensure() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias())).value()) {
            var index = client.indices().getAlias(a -> a.name(alias())).result().keySet().iterator().next();
            LOG.infof("Search index %s is live behind alias %s", index, alias());
            return index;
        }
        var name = indexName(mappingVersion());
        if (!client.indices().exists(e -> e.index(name)).value()) {
            client.indices().create(createRequest(name));
            LOG.infof("Created search index %s from %s (mapping version %d)", name, MAPPING_RESOURCE, mappingVersion());
        }
        client.indices().putAlias(a -> a.index(name).name(alias()));
        return name;
    }

    CreateIndexRequest createRequest(String name) {
        var mapping = mappingFile().toString();
        return CreateIndexRequest.of(c -> c.index(name).withJson(new StringReader(mapping)));
    }

    private JsonNode mappingFile() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MAPPING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MAPPING_RESOURCE + " is missing from the build");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
