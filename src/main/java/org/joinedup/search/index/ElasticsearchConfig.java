package org.joinedup.search.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where Elasticsearch is and how the leaders index is laid out there: one node locally, any cluster in production. */
@ConfigMapping(prefix = "joinedup.elasticsearch")
public interface ElasticsearchConfig {

    /** Node URLs, e.g. http://es1:9200,http://es2:9200. */
    List<String> hosts();

    /** The alias searches go through; the physical indices behind it are {alias}-v1, -v2, ... */
    @WithDefault("leaders")
    String indexAlias();

    Optional<String> username();

    Optional<String> password();

    @WithDefault("2S")
    Duration connectTimeout();

    @WithDefault("30S")
    Duration socketTimeout();

    /** Replicas per shard, overriding index-mappings/leaders.json (e.g. 1 on a three-node cluster). */
    Optional<Integer> replicas();

    /**
     * Primary shards, overriding index-mappings/leaders.json's one: 2 at a hundred thousand leaders lets a search use two
     * cores at once (docs/operations.md, "Shards and replicas"); applies when an index is built. Checked at start (a value
     * Elasticsearch refuses would otherwise fail only when a rebuild creates the index, mid-way through a job).
     */
    Optional<@Min(1) @Max(1024) Integer> shards();

    /** Drop and recreate the index at start; for tests, whose database is also emptied at start. */
    @WithDefault("false")
    boolean recreateAtStart();
}
