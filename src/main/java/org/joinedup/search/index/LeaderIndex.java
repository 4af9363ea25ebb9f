package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The leaders index as index-mappings/leaders.json describes it: numbered physical indices
 * {alias}-v1, -v2, ... behind the alias that searches use, so a rebuild can happen beside the
 * live index and be swapped in atomically. While a rebuild runs, the new index also carries the
 * alias {alias}-building, and every service copy's indexer writes to both.
 */
@ApplicationScoped
public class LeaderIndex {

    private static final Logger LOG = Logger.getLogger(LeaderIndex.class);
    static final String MAPPING_RESOURCE = "index-mappings/leaders.json";

    @Inject
    ElasticsearchClient client;

    @Inject
    ElasticsearchConfig config;

    @Inject
    VocabularySynonyms synonyms;

    private final AtomicReference<String> liveIndex = new AtomicReference<>();
    private volatile List<String> writeTargets = List.of();
    private volatile long writeTargetsCheckedAt;

    public String alias() {
        return config.indexAlias();
    }

    String buildingAlias() {
        return alias() + "-building";
    }

    /** The physical index behind the alias, once it is known to exist. */
    public Optional<String> liveIndex() {
        return Optional.ofNullable(liveIndex.get());
    }

    /**
     * The physical index behind the alias as Elasticsearch has it now: another copy may have swapped
     * in a rebuilt index since this copy last looked.
     */
    Optional<String> currentLiveIndex() throws IOException {
        var current = indexBehind(alias());
        current.ifPresent(liveIndex::set);
        return current;
    }

    /** The version of index-mappings/leaders.json in this build ({@code mappings._meta.version}). */
    public static int mappingVersion() {
        return MappingFile.VERSION;
    }

    /**
     * Makes sure the alias points at an index, creating {alias}-v1 if there is none. Returns the
     * live index's mapping version, which may be older than the file's.
     */
    int ensure() throws IOException {
        if (config.recreateAtStart() && liveIndex.get() == null) {
            dropAll();
        }
        if (client.indices().existsAlias(a -> a.name(alias())).value()) {
            var index = indexBehind(alias()).orElseThrow();
            liveIndex.set(index);
            int version = liveMappingVersion(index);
            LOG.infof("Search index %s (mapping version %d) is live behind alias %s", index, version, alias());
            if (version < mappingVersion()) {
                acceptNewerDocuments(index, version);
            }
            return version;
        }
        var name = nextIndexName();
        create(name, false);
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(name).alias(alias()))));
        liveIndex.set(name);
        LOG.infof("Created search index %s from %s (mapping version %d) behind alias %s", name, MAPPING_RESOURCE, mappingVersion(), alias());
        return mappingVersion();
    }

    /**
     * Lets the live index of an older mapping take the documents this build writes until a rebuild replaces it. They may
     * carry fields its mapping lacks, which its {@code "dynamic": "strict"} refuses: every change made before the swap
     * would then wait in the outbox (parked, in a long rebuild) and be missing from search meanwhile. With
     * {@code "dynamic": false} such a field is left unindexed, and the searches of this build read an older index without
     * it (docs/operations.md, "Upgrading, and changing the mapping"). A field whose type changed is still refused.
     * Idempotent, so every new copy that starts may do it.
     */
    private void acceptNewerDocuments(String index, int version) throws IOException {
        client.indices().putMapping(m -> m.index(index).dynamic(DynamicMapping.False));
        LOG.infof("Search index %s (mapping version %d) takes documents of version %d, leaving unindexed the fields it lacks,"
                + " until it is replaced", index, version, mappingVersion());
    }

    /** Creates an index from the mapping file; {@code forBulkLoad} turns refresh off until {@link #finishBulkLoad}. */
    void create(String name, boolean forBulkLoad) throws IOException {
        var file = indexBody(mapping(), config, synonyms.rules(), forBulkLoad);
        client.indices().create(CreateIndexRequest.of(c -> c.index(name).withJson(new StringReader(file.toString()))));
    }

    /**
     * What an index is created from: the mapping file, with the shards and replicas {@code config} overrides, the synonym
     * rules filled in by filter name, and refresh off for a bulk load.
     */
    static ObjectNode indexBody(JsonNode mappingFile, ElasticsearchConfig config, Map<String, List<String>> synonymRules,
            boolean forBulkLoad) {
        var file = (ObjectNode) mappingFile.deepCopy();
        var settings = (ObjectNode) file.path("settings");
        config.replicas().ifPresent(replicas -> settings.put("number_of_replicas", replicas));
        config.shards().ifPresent(shards -> settings.put("number_of_shards", shards));
        synonymRules.forEach((filter, rules) -> {
            var list = ((ObjectNode) settings.path("analysis").path("filter").path(filter)).putArray("synonyms");
            rules.forEach(list::add);
        });
        if (forBulkLoad) {
            settings.put("refresh_interval", "-1");
        }
        return file;
    }

    void finishBulkLoad(String name) throws IOException {
        var refresh = mapping().path("settings").path("refresh_interval").asText("1s");
        client.indices().putSettings(s -> s.index(name).settings(i -> i.refreshInterval(t -> t.time(refresh))));
        client.indices().refresh(r -> r.index(name));
    }

    /** The next free {alias}-vN. */
    String nextIndexName() throws IOException {
        int highest = versionedIndices().stream()
                .mapToInt(name -> Integer.parseInt(name.substring(name.lastIndexOf("-v") + 2))).max().orElse(0);
        return alias() + "-v" + (highest + 1);
    }

    /** The {alias}-vN indices other than {@code live}: ones that earlier rebuilds replaced but could not delete. */
    List<String> replacedIndices(String live) throws IOException {
        return versionedIndices().stream().filter(name -> !name.equals(live)).toList();
    }

    private List<String> versionedIndices() throws IOException {
        var pattern = Pattern.compile(Pattern.quote(alias()) + "-v(\\d+)");
        return client.indices().get(g -> g.index(alias() + "-v*").allowNoIndices(true).ignoreUnavailable(true))
                .result().keySet().stream()
                .filter(name -> pattern.matcher(name).matches())
                .toList();
    }

    void markBuilding(String name) throws IOException {
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(name).alias(buildingAlias()))));
        writeTargetsCheckedAt = 0;
    }

    /** Points the alias at {@code next} instead of {@code previous} and drops the building alias, in one atomic step. */
    void pointAliasAt(String previous, String next) throws IOException {
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(previous).alias(alias())))
                .actions(a -> a.add(add -> add.index(next).alias(alias())))
                .actions(a -> a.remove(r -> r.index(next).alias(buildingAlias()))));
        liveIndex.set(next);
        writeTargetsCheckedAt = 0;
    }

    /**
     * Deletes the index a rebuild replaced. A failure here is logged, not thrown: the new index is
     * live and complete, and the old one is only disk space (the next rebuild deletes it).
     */
    void deleteReplaced(String previous) {
        try {
            client.indices().delete(d -> d.index(previous).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "Could not delete the replaced index %s; the next rebuild deletes it", previous);
        }
    }

    /** Abandons a failed rebuild. */
    void dropBuilding(String name) throws IOException {
        client.indices().delete(d -> d.index(name).ignoreUnavailable(true));
        writeTargetsCheckedAt = 0;
    }

    /**
     * Where the indexer writes: the alias, and the building index while a rebuild runs (looked up
     * at most once a second, so every copy notices a rebuild within a second).
     */
    List<String> writeTargets() throws IOException {
        long now = System.nanoTime();
        if (now - writeTargetsCheckedAt > 1_000_000_000L) {
            var targets = new ArrayList<String>();
            targets.add(alias());
            indexBehind(buildingAlias()).ifPresent(targets::add);
            writeTargets = List.copyOf(targets);
            writeTargetsCheckedAt = now;
        }
        return writeTargets;
    }

    Optional<String> indexBehind(String aliasName) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(aliasName)).value()) {
            return Optional.empty();
        }
        return client.indices().getAlias(a -> a.name(aliasName)).result().keySet().stream().findFirst();
    }

    /** Whether the index live now is of this build's mapping: not an older one that a rebuild is replacing, nor a newer one. */
    boolean liveIsOfThisMapping() throws IOException {
        var live = currentLiveIndex();
        return live.isPresent() && liveMappingVersion(live.get()) == mappingVersion();
    }

    private int liveMappingVersion(String index) throws IOException {
        var meta = client.indices().getMapping(m -> m.index(index)).result().get(index).mappings().meta();
        return meta.containsKey("version") ? meta.get("version").to(Integer.class) : 0;
    }

    private void dropAll() throws IOException {
        client.indices().delete(d -> d.index(alias() + "-v*").allowNoIndices(true).ignoreUnavailable(true));
        LOG.infof("Dropped indices %s-v* (joinedup.elasticsearch.recreate-at-start)", alias());
    }

    /** index-mappings/leaders.json as the build holds it. */
    static JsonNode mapping() {
        return MappingFile.JSON;
    }

    /** Read once, when first asked for. */
    private static final class MappingFile {

        static final JsonNode JSON = read();
        /** Read once: every document written carries it ({@link LeaderDocument#mappingVersion}). */
        static final int VERSION = JSON.path("mappings").path("_meta").path("version").asInt();

        private static JsonNode read() {
            try (InputStream in = LeaderIndex.class.getClassLoader().getResourceAsStream(MAPPING_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(MAPPING_RESOURCE + " is missing from the build");
                }
                return new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
