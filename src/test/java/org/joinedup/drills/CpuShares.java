package org.joinedup.drills;

import java.util.Map;
import java.util.TreeMap;
import org.joinedup.bench.Measure;

/**
 * CPU time used by the service, Elasticsearch, PostgreSQL and this driver, read from /proc: where
 * the time goes on this machine, as cores used over an interval.
 */
final class CpuShares {

    static Map<String, Double> seconds() {
        return Measure.cpuSecondsBy(process -> group(Measure.readQuietly(process.resolve("cmdline")).replace('\0', ' ')));
    }

    private static String group(String cmdline) {
        return cmdline.contains("quarkus-run.jar") ? "service"
                : cmdline.contains("org.elasticsearch") ? "elasticsearch"
                : cmdline.startsWith("postgres") ? "postgresql"
                : cmdline.contains("DrillDriver") ? "load driver" : null;
    }

    /** Cores used per group between two readings taken {@code wallSeconds} apart. */
    static Map<String, Double> coresBetween(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        var cores = new TreeMap<String, Double>();
        after.forEach((group, cpu) -> cores.put(group, Math.round((cpu - before.getOrDefault(group, 0.0)) / wallSeconds * 100) / 100.0));
        return cores;
    }
}
