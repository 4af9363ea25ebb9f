package org.joinedup.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpParser;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joinedup.search.index.DocumentFields;
import org.joinedup.search.index.LeaderDocument;

/**
 * Elasticsearch's answer to a leaders search, read in one pass: each hit's leader and its matched
 * records (the inner hits) straight into {@link LeaderDocument} and {@link LeaderDocument.Record}
 * (from the stored source, or from their stored {@link DocumentFields#HIT} when the body asks for it
 * instead), and the aggregations as the client types them. {@link #DESERIALIZER} plugs it into the client's
 * own search endpoint, so the request, the transport and Elasticsearch's errors stay the client's.
 *
 * <p>Why not the client's {@code SearchResponse}: it cannot know the inner hits' type, so it buffers
 * every matched record as {@code JsonData} and reads it a second time, and reads the rest through its
 * JSON-P layer. In a profile at 100,000 leaders reading the answer was nearly half of the service's
 * own Java CPU for a search; this reads the same answer in 15 to 25% less (docs/benchmarks.md, "The
 * answer read in one pass"), with the matched records typed as well.
 *
 * @param total the leaders found, when the body asks for {@code track_total_hits}, else 0
 * @param aggregations by name; empty when the body asks for none
 * @param pitId the point in time to ask with next, when the body searched one
 */
record LeaderHits(long total, List<Hit> hits, Map<String, Aggregate> aggregations, String pitId) {

    /** The name under which a body asks for a leader's matched records as inner hits (see {@link LeaderQuery}). */
    static final String MATCHED = "matched";

    /** One leader found; {@code sort}: its sort values as JSON gives them (numbers and strings). */
    record Hit(LeaderDocument leader, double score, List<Object> sort, List<String> matchedQueries, List<MatchedRecord> matched) {
    }

    /** A record that passed the filters, with the named queries it matched ({@code record:text}, ...). */
    record MatchedRecord(LeaderDocument.Record record, List<String> matchedQueries) {
    }

    /** Reads a search answer for the client's transport; the client's mapper must be Jackson's (ElasticsearchClients). */
    static final JsonpDeserializer<LeaderHits> DESERIALIZER = new JsonpDeserializer<>() {

        @Override
        public EnumSet<Event> nativeEvents() {
            return EnumSet.of(Event.START_OBJECT);
        }

        @Override
        public EnumSet<Event> acceptedEvents() {
            return nativeEvents();
        }

        @Override
        public LeaderHits deserialize(JsonParser parser, JsonpMapper mapper, Event event) {
            try {
                return read((JacksonJsonpParser) parser, (JacksonJsonpMapper) mapper);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Elasticsearch's search answer", e);
            }
        }
    };

    /** From just inside the answer's object to its end. */
    private static LeaderHits read(JacksonJsonpParser answer, JacksonJsonpMapper mapper) throws IOException {
        var json = mapper.objectMapper();
        var parser = answer.jacksonParser();
        Hits hits = null;
        Map<String, Aggregate> aggregations = Map.of();
        String pitId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            switch (parser.currentName()) {
                case "hits" -> {
                    parser.nextToken();
                    hits = json.readValue(parser, Hits.class);
                }
                // the client's own reading, from the field name on (it takes the object's first event itself)
                case "aggregations" -> aggregations = Aggregate._TYPED_KEYS_DESERIALIZER.deserialize(answer, mapper);
                case "pit_id" -> pitId = parser.nextTextValue();
                default -> {
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
        }
        if (hits == null) {
            throw new IOException("the answer has no hits");
        }
        var found = hits.hits == null ? List.<Hit>of() : hits.hits.stream().map(hit -> hit.hit(json)).toList();
        return new LeaderHits(hits.total == null ? 0 : hits.total.value, found, aggregations, pitId);
    }

    // ---- the answer as Elasticsearch writes it; the fields not named here are skipped ----

    private record Hits(Total total, List<RawHit> hits) {
    }

    private record Total(long value) {
    }

    /** {@code fields}: the stored fields asked for, each a list of values; the leader's from its {@link DocumentFields#HIT} when asked for. */
    private record RawHit(@JsonProperty("_source") LeaderDocument source, Map<String, List<String>> fields, @JsonProperty("_score") Double score,
            List<Object> sort, @JsonProperty("matched_queries") List<String> matchedQueries,
            @JsonProperty("inner_hits") Map<String, InnerHits> innerHits) {

        Hit hit(ObjectMapper json) {
            var inner = innerHits == null ? null : innerHits.get(MATCHED);
            var records = inner == null || inner.hits == null || inner.hits.hits == null ? List.<MatchedRecord>of()
                    : inner.hits.hits.stream().map(r -> r.record(json)).filter(Objects::nonNull).toList();
            var leader = source != null ? source : stored(json, fields, DocumentFields.HIT, LeaderDocument.class);
            return new Hit(leader, score == null ? 0 : score, listOf(sort), listOf(matchedQueries), records);
        }
    }

    private record InnerHits(InnerHitList hits) {
    }

    private record InnerHitList(List<RawRecord> hits) {
    }

    private record RawRecord(@JsonProperty("_source") LeaderDocument.Record source, Map<String, List<String>> fields,
            @JsonProperty("matched_queries") List<String> matchedQueries) {

        /** Null when the answer has none of it (an index of an older mapping has no stored card). */
        MatchedRecord record(ObjectMapper json) {
            var record = source != null ? source : stored(json, fields, DocumentFields.RECORDS_HIT, LeaderDocument.Record.class);
            return record == null ? null : new MatchedRecord(record, listOf(matchedQueries));
        }
    }

    /** A stored field that holds a document's JSON, read as {@code type}; null when the hit has no such field. */
    private static <T> T stored(ObjectMapper json, Map<String, List<String>> fields, String field, Class<T> type) {
        var values = fields == null ? null : fields.get(field);
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return json.readValue(values.get(0), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored " + field + " of a hit", e);
        }
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }
}
