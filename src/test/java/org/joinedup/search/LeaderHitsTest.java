package org.joinedup.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Elasticsearch's answer in one pass: the shapes it writes, including the ones a search rarely meets. */
class LeaderHitsTest {

    private final JacksonJsonpMapper mapper = new JacksonJsonpMapper(
            new ObjectMapper().registerModule(new JavaTimeModule()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));

    private LeaderHits read(String json) {
        var parser = mapper.jsonProvider().createParser(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return LeaderHits.DESERIALIZER.deserialize(parser, mapper);
    }

    @Test
    void aHitWithItsMatchedRecordsAndTheAggregationsAsTheClientTypesThem() {
        var answer = read("""
                {"took": 3, "timed_out": false, "_shards": {"total": 1},
                 "hits": {"total": {"value": 42, "relation": "eq"}, "max_score": 7.5, "hits": [
                   {"_index": "leaders-v1", "_id": "7", "_score": 7.5, "_source": {"id": 7, "name": "Ash", "record_count": 2, "not_known_here": 1},
                    "sort": [7.5, 7], "matched_queries": ["text:profile"],
                    "inner_hits": {"matched": {"hits": {"total": {"value": 2}, "hits": [
                      {"_id": "7", "_nested": {"field": "records", "offset": 1}, "_score": 3.0,
                       "_source": {"id": 71, "title": "Discharge to assess", "period_start": "2024-01-01", "services": ["gp"]},
                       "matched_queries": ["record:text"]},
                      {"_id": "7", "_nested": {"field": "records", "offset": 0}, "_score": 1.0, "_source": {"id": 70}}]}}}}]},
                 "aggregations": {"sterms#region": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                   "buckets": [{"key": "E40000011", "doc_count": 5}]}}}
                """);
        assertEquals(42, answer.total());
        var hit = answer.hits().get(0);
        assertEquals(7, hit.leader().id());
        assertEquals("Ash", hit.leader().name());
        assertEquals(7.5, hit.score());
        assertEquals(List.of(7.5, 7), hit.sort());
        assertEquals(List.of("text:profile"), hit.matchedQueries());
        assertEquals(List.of(71L, 70L), hit.matched().stream().map(m -> m.record().id()).toList());
        assertEquals(LocalDate.of(2024, 1, 1), hit.matched().get(0).record().periodStart());
        assertEquals(List.of("record:text"), hit.matched().get(0).matchedQueries());
        assertEquals(List.of(), hit.matched().get(1).matchedQueries());
        var region = answer.aggregations().get("region").sterms().buckets().array().get(0);
        assertEquals("E40000011", region.key().stringValue());
        assertEquals(5, region.docCount());
    }

    @Test
    void noInnerHitsNoAggregationsAndAPointInTime() {
        // a leader with no place sorts at Infinity by distance, which Elasticsearch writes as a string
        var answer = read("""
                {"pit_id": "abc==", "hits": {"hits": [{"_source": {"id": 3}, "_score": null, "sort": ["Infinity", 3]}]}}
                """);
        assertEquals("abc==", answer.pitId());
        assertEquals(0, answer.total(), "no total asked for");
        assertTrue(answer.aggregations().isEmpty());
        var hit = answer.hits().get(0);
        assertEquals(0, hit.score());
        assertEquals(List.of("Infinity", 3), hit.sort());
        assertEquals(List.of(), hit.matched());
    }

    @Test
    void anAnswerWithoutHitsIsAnErrorNotAnEmptyPage() {
        var e = assertThrows(UncheckedIOException.class, () -> read("""
                {"took": 1, "aggregations": {}}
                """));
        assertTrue(e.getCause().getMessage().contains("no hits"), e.getCause().getMessage());
    }
}
