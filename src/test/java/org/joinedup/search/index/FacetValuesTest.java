package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The facet values that one terms aggregation counts (DocumentFields.FACET_VALUES): written for the
 * leader and for each record from the faceted fields, found by Elasticsearch, and kept out of the
 * stored source, which every hit loads.
 */
@QuarkusTest
class FacetValuesTest {

    @Inject
    LeaderDocuments documents;

    @Inject
    LeaderIndex index;

    @Inject
    ElasticsearchClient client;

    @Inject
    ObjectMapper json;

    @Test
    void aRecordsFacetValuesAreItsFacetedFieldsPrefixed() {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Facet Values"));
        Fixtures.createRecord(id, Fixtures.record("Neighbourhood teams in Mansfield"));
        var leader = documents.load(List.of(id)).get(0);
        var record = leader.records().get(0);

        assertEquals(List.of("approaches:care-coordinators", "approaches:integrated-teams", "icbs:E54000060",
                "outcome_metrics:non-elective-admissions", "programme:pioneer-2013", "regions:E40000011", "scope:place",
                "services:community-health", "services:gp", "services:social-care", "verification:self-reported"),
                record.facetValues().stream().filter(v -> !v.startsWith("improved_outcomes:")).toList());
        assertEquals(record.improvedOutcomes().stream().map(code -> "improved_outcomes:" + code).toList(),
                record.facetValues().stream().filter(v -> v.startsWith("improved_outcomes:")).toList());
        var own = List.of("recognised:no", "track_record.mentored:no");
        assertEquals(own, leader.facetValues().stream().filter(v -> !record.facetValues().contains(v)).toList(),
                "beside its one record's values, the leader's own (no sector given)");
        assertTrue(leader.facetValues().containsAll(record.facetValues()), "one record: the leader's values are its own");
    }

    @Test
    void theValuesByRegionAndByServiceComeOnlyFromRecordsWithThatRegionOrService() {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Facet Values Paired"));
        Fixtures.createRecord(id, Fixtures.record("Neighbourhood teams in Mansfield"));
        var other = Fixtures.record("Care at home in Brighton");
        other.put("services", List.of("acute", "mental-health"));
        other.put("areas", List.of(Map.of("code", "E06000043")));
        Fixtures.createRecord(id, other);
        var leader = documents.load(List.of(id)).get(0);
        var mansfield = leader.records().stream().filter(r -> r.regions().contains("E40000011")).findFirst().orElseThrow();
        var brighton = leader.records().stream().filter(r -> r.services().contains("acute")).findFirst().orElseThrow();

        var byField = leader.facetValuesByField();
        var byRegion = byField.get(DocumentFields.FACET_VALUES_BY.get(DocumentFields.RECORDS_REGIONS));
        var byService = byField.get(DocumentFields.FACET_VALUES_BY.get(DocumentFields.RECORDS_SERVICES));
        var byLevel = byField.get(DocumentFields.FACET_VALUES_BY_VERIFICATION);
        var byPair = byField.get(DocumentFields.FACET_VALUES_BY_SERVICE_PAIR);
        var own = List.of("recognised:no", "track_record.mentored:no");
        assertEquals(withOwn(mansfield, own), byRegion.get("E40000011"), "the Midlands hold the Mansfield record's values and the leader's");
        assertEquals(withOwn(brighton, own), byRegion.get("E40000005"), "the South East the Brighton record's");
        assertEquals(withOwn(brighton, own), byService.get("acute"));
        assertTrue(byService.get("gp").contains("services:social-care"), "a record's services pair with each other");
        assertFalse(byService.get("gp").contains("services:acute"), "but not with another record's");
        assertEquals(Set.of("E40000011", "E40000005"), byRegion.keySet(), "a field for each region of a record");
        assertEquals(Set.of("self-reported"), byLevel.keySet(), "both records are at the lowest level only");
        assertEquals(leader.facetValues(), byLevel.get("self-reported"));
        assertEquals(Set.of("community-health+gp", "community-health+social-care", "gp+social-care", "acute+mental-health"),
                byPair.keySet(), "each pair of one record's services, none across records");
        assertEquals(withOwn(mansfield, own), byPair.get("gp+social-care"));
        JsonNode written = json.valueToTree(leader);
        assertEquals(Set.of("E40000011", "E40000005"), Set.copyOf(json.convertValue(written.path("facet_values_by_region"), Map.class).keySet()),
                "the document holds a field per region");
        assertEquals(withOwn(brighton, own), json.convertValue(written.path("facet_values_by_service").path("acute"), List.class), "per service");
        assertTrue(written.path("facet_values_by_outcome").path("non-elective-admissions").isArray(), "and per outcome");
        assertEquals(leader.records().stream().flatMap(r -> r.locations().stream()).collect(Collectors.toSet()),
                Set.copyOf(leader.recordLocations()), "the leader's copy of the locations holds both records' places");
        assertTrue(mansfield.locations().size() + brighton.locations().size() >= 2, "each record has a place");
    }

    private static List<String> withOwn(LeaderDocument.Record record, List<String> own) {
        return Stream.concat(record.facetValues().stream(), own.stream()).sorted().toList();
    }

    @Test
    void theValuesFindTheLeaderButAreNotInItsStoredSource() throws IOException {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Facet Values Stored"));
        Fixtures.createRecord(id, Fixtures.record("Joined-up discharge in Newark"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));

        var byValue = client.search(s -> s.index(index.alias()).query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field(DocumentFields.ID).value(id)))
                .filter(f -> f.term(t -> t.field(DocumentFields.FACET_VALUES).value("services:social-care")))
                .filter(f -> f.nested(n -> n.path(DocumentFields.RECORDS)
                        .query(r -> r.term(t -> t.field(DocumentFields.RECORDS_FACET_VALUES).value("scope:place"))))))), ObjectNode.class);
        assertEquals(1, byValue.hits().total().value(), "found by its own and by its record's values");

        var source = byValue.hits().hits().get(0).source();
        assertFalse(source.has(DocumentFields.FACET_VALUES), "the leader's values are not stored");
        DocumentFields.FACET_VALUES_BY.values().forEach(byField -> assertFalse(source.has(byField), "nor those in " + byField));
        assertFalse(source.has(DocumentFields.FACET_VALUES_BY_VERIFICATION), "nor by level");
        assertFalse(source.has(DocumentFields.FACET_VALUES_BY_SERVICE_PAIR), "nor by pair of services");
        assertFalse(source.has(DocumentFields.RECORD_LOCATIONS), "nor the leader's copy of its records' places");
        assertTrue(source.path(DocumentFields.RECORDS).path(0).has("services"), "the record is stored");
        assertFalse(source.path(DocumentFields.RECORDS).path(0).has(DocumentFields.FACET_VALUES), "the record's values are not stored");
        assertFalse(source.path(DocumentFields.RECORDS).path(0).has(DocumentFields.EXPERIENCE_POINTS), "nor are its experience points");
    }
}
