package org.joinedup.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used by the service, Elasticsearch, PostgreSQL and this driver, read from /proc: where
 * the time goes on this machine, as cores used over an interval.
 */
final class CpuShares {

    private static final double TICKS_PER_SECOND = 100;

    static Map<String, Double> seconds() {
        var used = new TreeMap<String, Double>();
        try (var processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    var cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    var stat = Files.readString(p.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    var group = cmdline.contains("quarkus-run.jar") ? "service"
                            : cmdline.contains("org.elasticsearch") ? "elasticsearch"
                            : cmdline.startsWith("postgres") ? "postgresql"
                            : cmdline.contains("DrillDriver") ? "load driver" : null;
                    if (group != null) {
                        used.merge(group, cpu, Double::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return used;
    }

    /** Cores used per group between two readings taken {@code wallSeconds} apart. */
    static Map<String, Double> coresBetween(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        var cores = new TreeMap<String, Double>();
        after.forEach((group, cpu) -> cores.put(group, Math.round((cpu - before.getOrDefault(group, 0.0)) / wallSeconds * 100) / 100.0));
        return cores;
    }
}
