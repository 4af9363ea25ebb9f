package org.joinedup.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.joinedup.integration.CoLeader;
import org.joinedup.integration.IntegrationRecord;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/** What the facet tests recount from the database, written once: who a record counts for, and where it lies. */
final class Recount {

    private Recount() {
    }

    /**
     * Who a record counts for: its leader and every co-leader who confirmed it (docs/co-led-records.md). The co-leaders
     * are read once: a query per record, each flushing a persistence context holding every record, took a recount over
     * a minute on a slow machine (the test's transaction timed out).
     */
    static Function<IntegrationRecord, Set<Long>> leaders() {
        var coLeaders = new HashMap<Long, Set<Long>>();
        CoLeader.<CoLeader>listAll().stream().filter(CoLeader::confirmed)
                .forEach(c -> coLeaders.computeIfAbsent(c.recordId, k -> new HashSet<>()).add(c.leaderId));
        return record -> {
            var leaders = new HashSet<>(coLeaders.getOrDefault(record.id, Set.of()));
            leaders.add(record.leaderId);
            return leaders;
        };
    }

    /** Whether one of its areas lies in the region; a national record (England) lies in none. */
    static boolean inRegion(Geography geography, IntegrationRecord record, String region) {
        return record.areas.stream().filter(a -> a.areaCode != null)
                .anyMatch(a -> geography.resolve(a.areaCode).map(Area::regionCode).filter(region::equals).isPresent());
    }
}
