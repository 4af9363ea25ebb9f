package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The low-level client as {@link ElasticsearchClients} builds it, against a small HTTP server that records what reaches it
 * and, like Elasticsearch with security on, refuses a request without credentials: the credentials go with every request,
 * the first one too, so no request is refused and sent again.
 */
class ElasticsearchClientsTest {

    private HttpServer server;
    /** The Authorization header of each request received, "none" when it had none. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(authorization == null ? "none" : authorization);
            if (authorization == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            }
            var body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorization == null ? 401 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void credentialsGoWithEveryRequestFromTheFirst() throws IOException {
        try (var client = client(Optional.of("joinedup"), Optional.of("s3cret:pa55"))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.performRequest(new Request("GET", "/_cluster/health")).getStatusLine().getStatusCode());
            }
        }
        // "joinedup:s3cret:pa55" in base64: the password may hold a colon, only the first one splits
        assertEquals(List.of("Basic am9pbmVkdXA6czNjcmV0OnBhNTU=", "Basic am9pbmVkdXA6czNjcmV0OnBhNTU=", "Basic am9pbmVkdXA6czNjcmV0OnBhNTU="),
                received);
    }

    @Test
    void noCredentialsConfiguredSendsNone() throws IOException {
        try (var client = client(Optional.empty(), Optional.empty())) {
            var refused = assertThrows(ResponseException.class,
                    () -> client.performRequest(new Request("GET", "/_cluster/health")));
            assertEquals(401, refused.getResponse().getStatusLine().getStatusCode());
        }
        assertEquals(List.of("none"), received);
    }

    private RestClient client(Optional<String> username, Optional<String> password) {
        return ElasticsearchClients.restClient(List.of("http://127.0.0.1:" + server.getAddress().getPort()), username, password,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
