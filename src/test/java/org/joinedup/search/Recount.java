package org.joinedup.search;

import java.util.HashSet;
import java.util.Set;
import org.joinedup.integration.CoLeader;
import org.joinedup.integration.IntegrationRecord;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/** What the facet tests recount from the database, written once: who a record counts for, and where it lies. */
final class Recount {

    private Recount() {
    }

    /** Its leader and every co-leader who confirmed it (docs/co-led-records.md). */
    static Set<Long> leadersOf(IntegrationRecord record) {
        var leaders = new HashSet<Long>();
        leaders.add(record.leaderId);
        CoLeader.ofRecord(record.id).stream().filter(CoLeader::confirmed).forEach(c -> leaders.add(c.leaderId));
        return leaders;
    }

    /** Whether one of its areas lies in the region; a national record (England) lies in none. */
    static boolean inRegion(Geography geography, IntegrationRecord record, String region) {
        return record.areas.stream().filter(a -> a.areaCode != null)
                .anyMatch(a -> geography.resolve(a.areaCode).map(Area::regionCode).filter(region::equals).isPresent());
    }
}
