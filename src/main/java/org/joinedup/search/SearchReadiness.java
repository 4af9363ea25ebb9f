package org.joinedup.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports Elasticsearch and the indexing backlog on their own line of /q/health/ready, beside the database's. */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

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
