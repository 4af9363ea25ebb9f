package org.joinedup.search;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joinedup.bench.Measure;

/**
 * What sending a search body costs before it leaves the service: parsed into the client's typed
 * {@code SearchRequest} and written out again (as {@link AliasSearch} sent bodies before), against
 * the body's own bytes (as it sends them now), in one JVM, taking turns a round at a time; the median
 * of each side's last rounds in ms (docs/benchmarks.md, "An answer in one piece"). The body is one the
 * service built:
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:8092/api/admin/search/query?q=discharge' > body.json
 * java -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*" \
 *   org.joinedup.search.RequestBodyProbe body.json 20
 * </pre>
 */
public final class RequestBodyProbe {

    private static final int WRITES_PER_ROUND = 2000;

    public static void main(String[] args) throws Exception {
        var json = new ObjectMapper();
        var mapper = new JacksonJsonpMapper(json);
        var body = (ObjectNode) json.readTree(Files.readAllBytes(Path.of(args[0])));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var ms = Measure.takingTurns(rounds, WRITES_PER_ROUND, () -> {
            var request = SearchRequest.of(s -> s.withJson(new StringReader(body.toString())).index("leaders").requestCache(true));
            try (var generator = mapper.jsonProvider().createGenerator(new ByteArrayOutputStream())) {
                mapper.serialize(request, generator);
            }
        }, () -> body.toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf("%d bytes; median of the last %d rounds of %d: typed request %.4f ms, its own bytes %.4f ms%n",
                body.toString().length(), rounds - rounds / 2, WRITES_PER_ROUND, ms[0], ms[1]);
    }
}
