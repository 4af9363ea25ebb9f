package org.joinedup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.joinedup.integration.IntegrationRecord;
import org.joinedup.leader.Leader;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

/** The demo set is loaded into the empty test database at start, through the services. */
@QuarkusTest
class DemoDataTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Inject
    Geography geography;

    @Inject
    Vocabularies vocabularies;

    private List<Leader> demoLeaders() {
        return Leader.list("illustrative", true);
    }

    private String regionOf(String areaCode) {
        return geography.resolve(areaCode).orElseThrow().regionCode();
    }

    @Test
    @Transactional
    void everyDemoPersonIsMarkedIllustrativeAndThereAreAFewHundred() {
        var leaders = demoLeaders();
        assertTrue(leaders.size() >= 300, "demo leaders: " + leaders.size());
        assertTrue(leaders.stream().allMatch(l -> l.illustrative));
    }

    @Test
    @Transactional
    void everyNhsRegionHasDemoLeadersAndRecords() {
        Map<String, Long> leadersPerRegion = demoLeaders().stream()
                .collect(Collectors.groupingBy(l -> regionOf(l.homeAreaCode), TreeMap::new, Collectors.counting()));
        var regions = geography.ofType(Area.REGION).stream().map(Area::code).sorted().toList();
        assertEquals(regions, List.copyOf(leadersPerRegion.keySet()), "regions with demo leaders");
        leadersPerRegion.forEach((region, count) -> assertTrue(count >= 10, region + " has only " + count + " demo leaders"));

        var demoIds = demoLeaders().stream().map(l -> l.id).collect(Collectors.toSet());
        Map<String, Long> recordsPerRegion = IntegrationRecord.<IntegrationRecord>listAll().stream()
                .filter(r -> demoIds.contains(r.leaderId))
                // national work (England as a whole) is in no region
                .flatMap(r -> r.areas.stream().filter(a -> a.areaCode != null && !Geography.isNational(a.areaCode))
                        .map(a -> regionOf(a.areaCode)).distinct())
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        assertEquals(regions, List.copyOf(recordsPerRegion.keySet()), "regions with demo records");
    }

    @Test
    @Transactional
    void everyVocabularyCodeInTheDemoRecordsIsValid() {
        List<IntegrationRecord> records = IntegrationRecord.listAll();
        assertTrue(records.size() >= 500, "demo records: " + records.size());
        for (var record : records) {
            assertTrue(record.services.stream().distinct().count() >= 2, "record " + record.id);
            record.services.forEach(code -> assertValid(VocabularyKind.SERVICES, code, record));
            record.approaches.forEach(code -> assertValid(VocabularyKind.APPROACHES, code, record));
            assertValid(VocabularyKind.SCOPES, record.scope, record);
            assertValid(VocabularyKind.ROLES, record.role, record);
            if (record.programme != null) {
                assertValid(VocabularyKind.PROGRAMMES, record.programme, record);
            }
            record.outcomes.stream().filter(o -> o.metric != null).forEach(o -> assertValid(VocabularyKind.OUTCOME_METRICS, o.metric, record));
            record.areas.stream().filter(a -> a.areaCode != null)
                    .forEach(a -> assertTrue(Geography.isNational(a.areaCode) || geography.find(a.areaCode).isPresent(),
                            a.areaCode + " in record " + record.id));
        }
    }

    @Test
    @Transactional
    void theSourceArticlesCasesArePresent() {
        List<IntegrationRecord> records = IntegrationRecord.listAll();
        assertTrue(records.stream().anyMatch(r -> r.title.toLowerCase().matches(".*mid[- ]nottinghamshire.*")),
                "a Mid-Nottinghamshire record");
        assertTrue(records.stream().anyMatch(r -> r.areas.stream().anyMatch(a -> "NZ".equals(a.country))), "a Canterbury, New Zealand record");
        long pioneerAreas = records.stream().filter(r -> "pioneer-2013".equals(r.programme))
                .flatMap(r -> r.areas.stream()).filter(a -> a.areaCode != null).map(a -> a.areaCode).distinct().count();
        assertTrue(pioneerAreas >= 10, "areas with 2013 pioneer records: " + pioneerAreas);
    }

    private void assertValid(VocabularyKind kind, String code, IntegrationRecord record) {
        assertTrue(vocabularies.get(kind).contains(code), code + " is not in " + kind.fileName + " (record " + record.id + ")");
    }
}
