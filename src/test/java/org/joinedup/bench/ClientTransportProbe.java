package org.joinedup.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.joinedup.search.index.LeaderDocument;

/**
 * What the client costs one search sent to Elasticsearch from one thread, as the service's worker
 * sends it: the low-level {@code RestClient} the typed client runs on (Apache's asynchronous client:
 * the request and the answer cross to its I/O thread and back), the JDK's {@code HttpClient} (a
 * selector thread too), {@code HttpURLConnection} (blocking, on the caller's own thread), the typed
 * client given the body with {@code withJson} (as the service does), and the body sent as written
 * with the answer read typed (tried in the service, and not kept: no gain there). The same body,
 * taking turns request by request; medians and p90 in ms (docs/benchmarks.md, "At the demo size").
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*
 * org.joinedup.bench.ClientTransportProbe --body FILE [--es URL] [--index leaders] [--rounds 300]}, the body from
 * {@code GET /api/admin/search/query?q=discharge} as an admin.
 */
public final class ClientTransportProbe {

    private interface Call {
        int send() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        var opt = Options.parse(args, Map.of("--es", "http://127.0.0.1:9200", "--index", "leaders", "--rounds", "300", "--body", ""));
        var body = Files.readString(Path.of(opt.value("--body")));
        var url = opt.value("--es") + "/" + opt.value("--index") + "/_search";
        int rounds = opt.integer("--rounds");

        try (var rest = RestClient.builder(HttpHost.create(opt.value("--es"))).build()) {
            var jdk = HttpClient.newHttpClient();
            var calls = new LinkedHashMap<String, Call>();
            calls.put("RestClient (Apache async, as the service)", () -> {
                var request = new Request("POST", "/" + opt.value("--index") + "/_search");
                request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
                var response = rest.performRequest(request);
                try (InputStream in = response.getEntity().getContent()) {
                    in.readAllBytes();
                }
                return response.getStatusLine().getStatusCode();
            });
            calls.put("JDK HttpClient", () -> jdk.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode());
            calls.put("HttpURLConnection (blocking, caller's thread)", () -> {
                var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
                try (InputStream in = connection.getInputStream()) {
                    in.readAllBytes();
                }
                return connection.getResponseCode();
            });

            // the typed client as the service builds it (search/index/ElasticsearchClients), reading hits as LeaderDocuments
            var mapper = new JacksonJsonpMapper(new ObjectMapper().findAndRegisterModules()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
            var typed = new ElasticsearchClient(new RestClientTransport(rest, mapper));
            calls.put("typed client, body read with withJson (as the service)", () -> {
                var response = typed.search(r -> r.withJson(new StringReader(body)).index(opt.value("--index")), LeaderDocument.class);
                return response.hits().hits().isEmpty() && response.hits().total().value() > 0 ? 500 : 200;
            });
            var deserializer = SearchResponse.createSearchResponseDeserializer(JsonpDeserializer.of(LeaderDocument.class));
            calls.put("RestClient, the body as is, the answer read typed", () -> {
                var request = new Request("POST", "/" + opt.value("--index") + "/_search");
                request.addParameter("typed_keys", "true");
                request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
                var response = rest.performRequest(request);
                try (InputStream in = response.getEntity().getContent(); var parser = mapper.jsonProvider().createParser(in)) {
                    var answer = deserializer.deserialize(parser, mapper);
                    return answer.hits().hits().isEmpty() && answer.hits().total().value() > 0 ? 500 : 200;
                }
            });

            var times = new LinkedHashMap<String, List<Double>>();
            calls.keySet().forEach(name -> times.put(name, new ArrayList<>()));
            for (int round = 0; round < 50 + rounds; round++) {
                for (var call : calls.entrySet()) {
                    long started = System.nanoTime();
                    int status = call.getValue().send();
                    double ms = (System.nanoTime() - started) / 1e6;
                    if (status != 200) {
                        throw new IOException(call.getKey() + ": status " + status);
                    }
                    if (round >= 50) {
                        times.get(call.getKey()).add(ms);
                    }
                }
            }
            System.out.printf("%-48s %8s %8s%n", "client (" + rounds + " rounds, taking turns)", "p50 ms", "p90 ms");
            times.forEach((name, ms) -> System.out.printf("%-48s %8.2f %8.2f%n", name, Measure.percentile(ms, 50), Measure.percentile(ms, 90)));
        }
    }
}
