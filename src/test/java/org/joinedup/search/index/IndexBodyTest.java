package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an index is created from: the mapping file, with the shards and replicas the configuration overrides. */
class IndexBodyTest {

    private static final Map<String, List<String>> RULES = Map.of(
            VocabularySynonyms.INDEX_FILTER, List.of("family doctor => concept_gp, family doctor"),
            VocabularySynonyms.SEARCH_FILTER, List.of("family doctor, gp => concept_gp"));

    @Test
    void theFilesShardsAndReplicasUnlessConfigured() throws IOException {
        var file = mappingFile();
        var settings = LeaderIndex.indexBody(file, config(Map.of()), RULES, false).path("settings");

        assertEquals(file.path("settings").path("number_of_shards").asInt(), settings.path("number_of_shards").asInt());
        assertEquals(file.path("settings").path("number_of_replicas").asInt(), settings.path("number_of_replicas").asInt());
        assertEquals("1s", settings.path("refresh_interval").asText());
    }

    @Test
    void shardsAndReplicasFromTheConfiguration() throws IOException {
        var file = mappingFile();
        var read = file.deepCopy();
        var settings = LeaderIndex.indexBody(file, config(Map.of("joinedup.elasticsearch.shards", "2",
                "joinedup.elasticsearch.replicas", "1")), RULES, false).path("settings");

        assertEquals(2, settings.path("number_of_shards").asInt());
        assertEquals(1, settings.path("number_of_replicas").asInt());
        assertEquals(read, file, "the file as read stays as it was, for the next index");
    }

    @Test
    void shardsOutsideWhatElasticsearchTakesAreRefusedAtStartNamingTheSetting() {
        for (var shards : List.of("0", "-2", "1025")) {
            var refused = assertThrows(ConfigValidationException.class, () -> config(Map.of("joinedup.elasticsearch.shards", shards)));
            assertTrue(refused.getMessage().contains("joinedup.elasticsearch.shards"), refused.getMessage());
        }
        assertEquals(Optional.of(1024), config(Map.of("joinedup.elasticsearch.shards", "1024")).shards());
    }

    @Test
    void synonymRulesFilledInAndRefreshOffForABulkLoad() throws IOException {
        var body = LeaderIndex.indexBody(mappingFile(), config(Map.of()), RULES, true);
        var filters = body.path("settings").path("analysis").path("filter");

        assertEquals(RULES.get(VocabularySynonyms.INDEX_FILTER).get(0), filters.path(VocabularySynonyms.INDEX_FILTER).path("synonyms").get(0).asText());
        assertEquals(RULES.get(VocabularySynonyms.SEARCH_FILTER).get(0), filters.path(VocabularySynonyms.SEARCH_FILTER).path("synonyms").get(0).asText());
        assertEquals("-1", body.path("settings").path("refresh_interval").asText());
        assertFalse(body.path("mappings").isMissingNode());
    }

    /** The mapping file as the service reads it, from the class path. */
    private static JsonNode mappingFile() throws IOException {
        try (InputStream in = IndexBodyTest.class.getClassLoader().getResourceAsStream(LeaderIndex.MAPPING_RESOURCE)) {
            assertNotNull(in, LeaderIndex.MAPPING_RESOURCE + " is not on the class path");
            return new ObjectMapper().readTree(in);
        }
    }

    /** Checks the mapping's constraints, as Quarkus does at start. */
    private static final BeanValidationConfigValidator VALIDATOR = () -> Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** The configuration as the service reads it (its mapping, converters and constraints), from these properties alone. */
    private static ElasticsearchConfig config(Map<String, String> properties) {
        var all = new HashMap<>(properties);
        all.put("joinedup.elasticsearch.hosts", "http://127.0.0.1:9200");
        // durations written as Quarkus reads them ("2S"), which plain SmallRye Config does not
        return new SmallRyeConfigBuilder().withMapping(ElasticsearchConfig.class).withConverter(Duration.class, 200, new DurationConverter())
                .withValidator(VALIDATOR).withSources(new PropertiesConfigSource(all, "test", 100)).build()
                .getConfigMapping(ElasticsearchConfig.class);
    }
}
