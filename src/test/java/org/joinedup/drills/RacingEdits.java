package org.joinedup.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two clients edit the same record from the same version at the same moment, each through a
 * different service copy: one must win (200) and the other be told (409), never both 200.
 */
final class RacingEdits {

    private final Api admin;
    private final List<String> bases;
    private final int rounds;

    RacingEdits(Api admin, List<String> bases, Map<String, String> options) {
        this.admin = admin;
        this.bases = bases;
        this.rounds = DrillDriver.intOption(options, "rounds", 50);
    }

    boolean run() throws Exception {
        var leader = admin.send("POST", "/api/leaders", Payloads.leader("Racing Editor")).json().path("id").asLong();
        var recordId = admin.send("POST", "/api/leaders/" + leader + "/records", Payloads.record("Raced record")).json().path("id").asLong();
        var outcomes = new TreeMap<String, Integer>();
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                int version = admin.get("/api/records/" + recordId).json().path("version").asInt();
                var barrier = new CyclicBarrier(2);
                var answers = new ArrayList<Future<Integer>>();
                for (int side = 0; side < 2; side++) {
                    var api = admin.at(bases.get(side % bases.size()));
                    var edit = Payloads.record("Edit " + round + " from copy " + side);
                    edit.put("version", version);
                    answers.add(pool.submit(() -> {
                        barrier.await();
                        return api.send("PUT", "/api/records/" + recordId, edit).status();
                    }));
                }
                var statuses = new ArrayList<Integer>();
                for (var answer : answers) {
                    statuses.add(answer.get());
                }
                statuses.sort(Integer::compare);
                outcomes.merge(statuses.toString(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("racing edits through %d copies, %d rounds: %s%n", bases.size(), rounds, outcomes);
        return outcomes.keySet().stream().allMatch(k -> k.equals("[200, 409]"));
    }
}
