package org.joinedup.drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * After a fault: waits until the index equals PostgreSQL (every leader at its current revision,
 * nothing else), reports how long that took, and checks every acknowledged write is there.
 */
final class IndexAgreement {

    private final Api admin;
    private final int timeoutSeconds;
    private final Path acked;

    IndexAgreement(Api admin, Map<String, String> options) {
        this.admin = admin;
        this.timeoutSeconds = DrillDriver.intOption(options, "timeout", 120);
        this.acked = options.containsKey("acked") ? Path.of(options.get("acked")) : null;
    }

    boolean run() throws Exception {
        long start = System.nanoTime();
        Api.Answer check = null;
        while (System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
            check = admin.get("/api/admin/search/check");
            if (check.status() == 200 && check.json().path("inStep").asBoolean()) {
                break;
            }
            Thread.sleep(250);
        }
        double converged = (System.nanoTime() - start) / 1e9;
        boolean inStep = check != null && check.status() == 200 && check.json().path("inStep").asBoolean();
        System.out.printf("index vs database: %s after %.1f s: %s%n", inStep ? "in step" : "NOT in step", converged,
                check == null ? "no answer" : check.body());
        var lost = new ArrayList<String>();
        if (acked != null) {
            for (var line : Files.readAllLines(acked)) {
                var parts = line.split(" ");
                var records = admin.get("/api/leaders/" + parts[0] + "/records");
                if (records.status() != 200 || records.json().path("total").asInt() < Integer.parseInt(parts[1])) {
                    lost.add(parts[0]);
                }
            }
            System.out.printf("acknowledged leaders checked: %d, lost: %d %s%n", Files.readAllLines(acked).size(), lost.size(),
                    lost.isEmpty() ? "" : lost.subList(0, Math.min(10, lost.size())));
        }
        return inStep && lost.isEmpty();
    }
}
