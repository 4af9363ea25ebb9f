package org.joinedup.search;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joinedup.bench.Measure;
import org.joinedup.search.index.LeaderDocument;

/**
 * What reading one search answer costs: the client's {@code SearchResponse} with each matched record
 * read from its {@code JsonData} (as the service read answers before) against {@link LeaderHits}, in one
 * JVM, taking turns a round at a time; the median of each side's rounds in ms (docs/benchmarks.md, "The
 * answer read in one pass, and taking turns"). The answer is one Elasticsearch wrote for a service body:
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:8092/api/admin/search/query?q=discharge' > body.json
 * curl -s -H 'Content-Type: application/json' 'http://127.0.0.1:9200/bench-leaders/_search?typed_keys=true' -d @body.json > answer.json
 * java -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*" \
 *   org.joinedup.search.AnswerReadProbe answer.json 20
 * </pre>
 */
public final class AnswerReadProbe {

    private static final int READS_PER_ROUND = 2000;

    public static void main(String[] args) throws Exception {
        var mapper = new JacksonJsonpMapper(
                new ObjectMapper().registerModule(new JavaTimeModule()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
        var answer = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var typed = SearchResponse.createSearchResponseDeserializer(JsonpDeserializer.of(LeaderDocument.class));
        var ms = Measure.takingTurns(rounds, READS_PER_ROUND, () -> {
            var response = typed.deserialize(mapper.jsonProvider().createParser(new ByteArrayInputStream(answer)), mapper);
            for (var hit : response.hits().hits()) {
                for (var record : hit.innerHits().get(LeaderHits.MATCHED).hits().hits()) {
                    record.source().to(LeaderDocument.Record.class, mapper);
                }
            }
        }, () -> LeaderHits.DESERIALIZER.deserialize(mapper.jsonProvider().createParser(new ByteArrayInputStream(answer)), mapper));
        System.out.printf("%d bytes; median of the last %d rounds of %d reads: SearchResponse and JsonData %.3f ms, LeaderHits %.3f ms (%.2fx)%n",
                answer.length, rounds - rounds / 2, READS_PER_ROUND, ms[0], ms[1], ms[1] / ms[0]);
    }
}
