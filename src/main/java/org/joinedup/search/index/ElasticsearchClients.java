package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/**
 * Builds the official Elasticsearch Java client from our own config rather than through a Quarkus
 * extension, so the client stays on 8.19.x whatever the Quarkus platform pins.
 */
class ElasticsearchClients {

    @Produces
    @Singleton
    RestClient restClient(ElasticsearchConfig config) {
        return restClient(config.hosts(), config.username(), config.password(), config.connectTimeout(), config.socketTimeout());
    }

    static RestClient restClient(List<String> hostUrls, Optional<String> username, Optional<String> password, Duration connectTimeout,
            Duration socketTimeout) {
        var hosts = hostUrls.stream().map(HttpHost::create).toArray(HttpHost[]::new);
        var builder = RestClient.builder(hosts).setRequestConfigCallback(request -> request
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setSocketTimeout((int) socketTimeout.toMillis()));
        // The client's own cache of authentication schemes hands out a copy of each, made by Java serialization, on every
        // request, credentials or not: 3% of a search's CPU in the service (docs/benchmarks.md, "The service's own CPU, a
        // second look"). Without it the credentials go with every request as a header, as the cache sent them before.
        builder.setHttpClientConfigCallback(http -> http.disableAuthCaching());
        username.ifPresent(user -> builder.setDefaultHeaders(new Header[] { basic(user, password.orElse("")) }));
        return builder.build();
    }

    /** Preemptive basic authentication, as Elasticsearch takes a user's credentials. */
    private static Header basic(String username, String password) {
        var credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
    }

    @Produces
    @Singleton
    ElasticsearchClient elasticsearchClient(RestClient restClient, ObjectMapper objectMapper) {
        // hits are read as typed LeaderDocuments: a field this copy does not know (a document written by a newer copy
        // during a rolling upgrade) is skipped, not a failed search
        var mapper = objectMapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
    }

    void close(@Disposes RestClient restClient) throws IOException {
        restClient.close();
    }
}
