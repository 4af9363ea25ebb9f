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
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;

/**
 * Builds the official Elasticsearch Java client from our own config rather than through a Quarkus
 * extension, so the client stays on 8.19.x whatever the Quarkus platform pins.
 */
class ElasticsearchClients {

    @Produces
    @Singleton
    RestClient restClient(ElasticsearchConfig config) {
        var hosts = config.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        var builder = RestClient.builder(hosts).setRequestConfigCallback(request -> request
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setSocketTimeout((int) config.socketTimeout().toMillis()));
        if (config.username().isPresent()) {
            var credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(config.username().get(), config.password().orElse("")));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
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
