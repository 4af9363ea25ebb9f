package org.joinedup.savedsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a saved search's alert counts as news, without a database: pure comparison of two looks. */
class SnapshotTest {

    @Test
    void tellsNewLeadersAddedEditedAndVerifiedRecordsAndNothingElse() {
        var now = snapshot(
                leader(1, Map.of(10L, state(0, "self-reported"))),                          // unchanged
                leader(2, Map.of(20L, state(0, "self-reported"), 21L, state(0, "self-reported"))), // 21 added
                leader(3, Map.of(30L, state(2, "endorsed"))),                               // edited
                leader(4, Map.of(40L, state(3, "verified"))),                               // verified
                leader(5, Map.of()),                                                        // one of its records stopped matching
                leader(6, Map.of(60L, state(0, "self-reported"))));                         // newly matching
        var before = Map.of(1L, "10:0:self-reported", 2L, "20:0:self-reported", 3L, "30:1:endorsed", 4L, "40:2:endorsed",
                5L, "50:0:self-reported", 7L, "70:0:verified");
        var changes = now.changesSince(before);
        assertEquals(List.of(2L, 3L, 4L, 6L), changes.stream().map(c -> c.leader().id()).toList());
        assertEquals(new Snapshot.Change(now.leaders().get(2L), false, 1, 0, 0), changes.get(0));
        assertEquals(new Snapshot.Change(now.leaders().get(3L), false, 0, 1, 0), changes.get(1));
        assertEquals(new Snapshot.Change(now.leaders().get(4L), false, 0, 0, 1), changes.get(2));
        assertEquals(new Snapshot.Change(now.leaders().get(6L), true, 0, 0, 0), changes.get(3));
    }

    @Test
    void aFingerprintReadsBackAsWritten() {
        var leader = leader(1, Map.of(12L, state(3, "verified"), 15L, state(0, "self-reported")));
        assertEquals("12:3:verified,15:0:self-reported", leader.fingerprint());
        assertEquals(leader.records(), Snapshot.parse(leader.fingerprint()));
        assertEquals(Map.of(), Snapshot.parse(""));
    }

    private static Snapshot snapshot(Snapshot.Leader... leaders) {
        var all = new LinkedHashMap<Long, Snapshot.Leader>();
        for (var l : leaders) {
            all.put(l.id(), l);
        }
        return new Snapshot(all, all.size());
    }

    private static Snapshot.Leader leader(long id, Map<Long, Snapshot.RecordState> records) {
        return new Snapshot.Leader(id, "Leader " + id, new TreeMap<>(records));
    }

    private static Snapshot.RecordState state(int version, String verification) {
        return new Snapshot.RecordState(version, verification);
    }
}
