package org.joinedup.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Steady writes at a fixed rate, spread over the service copies: each write adds a leader and one
 * record. Every acknowledged leader (201 for both) goes to the acked file, "id records" per line.
 */
final class SteadyWrites {

    private final Api admin;
    private final List<String> bases;
    private final int perMinute;
    private final int seconds;
    private final Path acked;
    /** Statuses a refusal may have (e.g. 503 while the database restarts); none by default: every write must be 201. */
    private final Set<Integer> allowed;

    SteadyWrites(Api admin, List<String> bases, Map<String, String> options) {
        this.admin = admin;
        this.bases = bases;
        this.perMinute = DrillDriver.intOption(options, "per-minute", 300);
        this.seconds = DrillDriver.intOption(options, "seconds", 60);
        this.acked = Path.of(options.getOrDefault("acked", "target/drills/acked.txt"));
        this.allowed = options.containsKey("allow")
                ? Arrays.stream(options.get("allow").split(",")).map(Integer::valueOf).collect(Collectors.toSet())
                : Set.of();
    }

    boolean run() throws IOException, InterruptedException {
        var statuses = new TreeMap<Integer, Integer>();
        var problems = new AtomicInteger();
        var lines = new ArrayList<String>();
        long interval = 60_000_000_000L / perMinute;
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            var api = admin.at(bases.get(n % bases.size()));
            var leader = api.send("POST", "/api/leaders", Payloads.leader("Drill Leader " + n));
            count(statuses, problems, leader);
            if (leader.status() == 201) {
                long id = leader.json().path("id").asLong();
                var record = api.send("POST", "/api/leaders/" + id + "/records", Payloads.record("Drill record " + n));
                count(statuses, problems, record);
                lines.add(id + " " + (record.status() == 201 ? 1 : 0));
            }
            n++;
            long next = start + n * interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        Files.createDirectories(acked.toAbsolutePath().getParent());
        Files.write(acked, lines);
        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        int created = statuses.getOrDefault(201, 0);
        System.out.printf("writes: %d requests in %d s across %d copies; answers %s; %d leaders acknowledged; failures as problem+json: %d%n",
                total, seconds, bases.size(), statuses, lines.size(), problems.get());
        // a refusal must be one the drill allows, and clean: problem+json, never a silent or unexplained failure
        boolean onlyAllowed = statuses.keySet().stream().allMatch(status -> status == 201 || allowed.contains(status));
        return onlyAllowed && total - created == problems.get();
    }

    private static void count(Map<Integer, Integer> statuses, AtomicInteger problems, Api.Answer answer) {
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() != 201 && answer.isProblem()) {
            problems.incrementAndGet();
        }
    }
}
