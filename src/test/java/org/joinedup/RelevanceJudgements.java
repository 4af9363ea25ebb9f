package org.joinedup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The hand-made relevance judgements of src/test/resources/relevance/queries.json: queries a
 * commissioner would type, each with the demo leaders that must be in its top 10 (docs/relevance.md).
 */
record RelevanceJudgements(String about, List<Query> queries) {

    /** One query: its words, filters as search parameters, and the demo leaders judged relevant. */
    record Query(String id, String kind, String q, Map<String, List<String>> filters, List<Expected> expected, String why) {
    }

    /** A demo leader by the external id the demo loader gives it (demo-N) and its name, as a check. */
    record Expected(String externalId, String name) {
    }

    static RelevanceJudgements load() {
        try (var in = RelevanceJudgements.class.getResourceAsStream("/relevance/queries.json")) {
            if (in == null) {
                throw new IllegalStateException("relevance/queries.json is not on the test classpath");
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, RelevanceJudgements.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
