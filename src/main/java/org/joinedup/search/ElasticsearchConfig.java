package org.joinedup.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where Elasticsearch is: one node locally, any number of cluster nodes in production. */
@ConfigMapping(prefix = "joinedup.elasticsearch")
public interface ElasticsearchConfig {

    /** Node URLs, e.g. http://es1:9200,http://es2:9200. */
    List<String> hosts();

    /** The alias searches go through; the physical index behind it is {alias}-v{mapping version}. */
    @WithDefault("leaders")
    String indexAlias();

    Optional<String> username();

    Optional<String> password();

    @WithDefault("2S")
    Duration connectTimeout();

    @WithDefault("30S")
    Duration socketTimeout();
}
