package org.joinedup.savedsearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.joinedup.integration.VerificationLevel;

/**
 * What a saved search matched at one look: each leader (best first) with its matching records'
 * versions and verification levels. Stored per leader as a fingerprint, "12:3:verified,15:0:self-reported",
 * so the next look can tell a leader newly matching from one whose matching records were added,
 * edited or verified, and say which.
 */
record Snapshot(Map<Long, Leader> leaders, long total) {

    /** A leader found and their matching records by id. */
    record Leader(long id, String name, Map<Long, RecordState> records) {

        String fingerprint() {
            return records.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().version() + ":" + e.getValue().verification())
                    .collect(Collectors.joining(","));
        }
    }

    record RecordState(int version, String verification) {
    }

    /** What is new about one leader since the last look. */
    record Change(Leader leader, boolean newlyMatching, int recordsAdded, int recordsEdited, int recordsVerified) {

        boolean any() {
            return newlyMatching || recordsAdded + recordsEdited + recordsVerified > 0;
        }
    }

    /** Whether the cap on matches left some leaders out. */
    boolean capped() {
        return total > leaders.size();
    }

    /**
     * Every leader new since {@code before} (fingerprints by leader id), best first: newly matching,
     * or with a matching record added, edited or newly verified. A record that stopped matching, and
     * a leader who did, is no news.
     */
    List<Change> changesSince(Map<Long, String> before) {
        return leaders.values().stream().map(leader -> change(leader, before.get(leader.id()))).filter(Change::any).toList();
    }

    private static Change change(Leader leader, String before) {
        if (before == null) {
            return new Change(leader, true, 0, 0, 0);
        }
        var was = parse(before);
        int added = 0, edited = 0, verified = 0;
        for (var entry : leader.records().entrySet()) {
            var old = was.get(entry.getKey());
            var now = entry.getValue();
            if (old == null) {
                added++;
            } else if (!old.verification().equals(now.verification()) && VerificationLevel.VERIFIED.code.equals(now.verification())) {
                verified++;
            } else if (old.version() != now.version() || !old.verification().equals(now.verification())) {
                edited++;
            }
        }
        return new Change(leader, false, added, edited, verified);
    }

    static Map<Long, RecordState> parse(String fingerprint) {
        var records = new TreeMap<Long, RecordState>();
        if (fingerprint.isEmpty()) {
            return records;
        }
        for (var part : fingerprint.split(",")) {
            var fields = part.split(":", 3);
            records.put(Long.parseLong(fields[0]), new RecordState(Integer.parseInt(fields[1]), fields[2]));
        }
        return records;
    }

    static Snapshot empty() {
        return new Snapshot(new LinkedHashMap<>(), 0);
    }
}
