package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Reports Elasticsearch and the indexing backlog in the health group "search"
 * (/q/health/group/search on the management interface). It is deliberately not part of readiness:
 * a copy serves writes and pages while search is down (the outbox keeps the changes), so an
 * Elasticsearch outage must not take every copy out of a balancer's rotation. Operators alert on
 * this group and on the outbox metrics instead (docs/operations.md).
 */
@HealthGroup(SearchHealth.GROUP)
@ApplicationScoped
public class SearchHealth implements HealthCheck {

    public static final String GROUP = "search";

    @Inject
    ElasticsearchClient client;

    @Inject
    LeaderIndex index;

    @Inject
    Indexer indexer;

    @Override
    public HealthCheckResponse call() {
        var stats = indexer.refreshStats();
        var response = HealthCheckResponse.named("elasticsearch").withData("alias", index.alias())
                .withData("outboxPending", stats.pending())
                .withData("outboxParked", stats.parked())
                .withData("outboxOldestSeconds", stats.oldestPendingAge().toSeconds());
        try {
            var health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
            response.withData("cluster", health.clusterName()).withData("status", health.status().jsonValue());
            index.liveIndex().ifPresent(name -> response.withData("index", name));
            return response.status(health.status() != HealthStatus.Red && index.liveIndex().isPresent()).build();
        } catch (Exception e) {
            return response.down().withData("error", "Elasticsearch is not answering").build();
        }
    }
}
