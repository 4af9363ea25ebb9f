package org.joinedup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the benchmarks and the drills measure with, in one place: request times and their
 * (nearest-rank) percentiles, and CPU time read from /proc, so every figure they print is
 * computed the same way.
 */
public final class Measure {

    /** The access token of a signing-in through {@code POST app/api/auth/token}; anything but a 200 stops the run. */
    public static String signIn(HttpClient http, String app, String user, String password) throws IOException, InterruptedException {
        var json = new ObjectMapper();
        var credentials = json.createObjectNode().put("username", user).put("password", password);
        var answer = http.send(HttpRequest.newBuilder(URI.create(app + "/api/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("cannot sign in as " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        return json.readTree(answer.body()).path("accessToken").asText();
    }

    /** Linux reports process and machine CPU time in clock ticks of 1/100 s. */
    private static final double TICKS_PER_SECOND = 100;

    private Measure() {
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    public static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Nearest-rank percentile of values in any order; NaN when there are none. */
    public static double percentile(Collection<Double> values, double p) {
        var sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** An answer and how long it took to get it. */
    public record Timed<T>(T answer, long nanos) {

        public double millis() {
            return nanos / 1e6;
        }
    }

    /** A request to time; it may throw what the caller's own calls throw. */
    @FunctionalInterface
    public interface Request<T, E extends Exception> {
        T send() throws E;
    }

    /** Sends one request (an HTTP call, say) and times it. */
    public static <T, E extends Exception> Timed<T> timed(Request<T, E> request) throws E {
        long started = System.nanoTime();
        var answer = request.send();
        return new Timed<>(answer, System.nanoTime() - started);
    }

    /** Work timed in a loop; it may throw what it likes (a probe stops on any failure). */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Two ways of doing the same work in one JVM, taking turns a round of {@code perRound} runs at a
     * time, so a change of the machine's speed falls on both: the median ms of one run of each, over
     * the second half of the rounds (the first half warms the JIT up).
     */
    public static double[] takingTurns(int rounds, int perRound, Work one, Work other) throws Exception {
        var ms = new ArrayList<List<Double>>(List.of(new ArrayList<>(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            var sides = List.of(one, other);
            for (int side = 0; side < 2; side++) {
                long started = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    sides.get(side).run();
                }
                if (round >= rounds / 2) {
                    ms.get(side).add((System.nanoTime() - started) / 1e6 / perRound);
                }
            }
        }
        return new double[] {percentile(ms.get(0), 50), percentile(ms.get(1), 50)};
    }

    /** Request times in milliseconds, added from any thread, for medians and tails. */
    public static final class Latencies {

        private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

        public void add(long nanos) {
            millis.add(nanos / 1e6);
        }

        public int count() {
            return millis.size();
        }

        public double percentile(double p) {
            List<Double> copy;
            synchronized (millis) {
                copy = new ArrayList<>(millis);
            }
            return Measure.percentile(copy, p);
        }
    }

    /** A process's CPU time, utime + stime (fields 14 and 15 of its stat file); NaN when it is gone. */
    public static double cpuSeconds(Path stat) {
        var text = readQuietly(stat);
        if (text.isEmpty()) {
            return Double.NaN;
        }
        var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The CPU time of process {@code pid}; NaN when it is gone. */
    public static double cpuSeconds(String pid) {
        return cpuSeconds(Path.of("/proc", pid, "stat"));
    }

    /** Busy time of all cores together: user, nice, system, irq, softirq and steal from the first line of /proc/stat. */
    public static double machineBusySeconds() {
        var fields = readQuietly(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
        if (fields.length < 9) {
            return Double.NaN;
        }
        long busy = 0;
        for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
            busy += Long.parseLong(fields[i]);
        }
        return busy / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of the running processes, summed per the name {@code group} gives a process's
     * /proc directory (null: not counted). Processes that end meanwhile are left out.
     */
    public static Map<String, Double> cpuSecondsBy(Function<Path, String> group) {
        var used = new TreeMap<String, Double>();
        try (var processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    var name = group.apply(p);
                    double cpu = name == null ? Double.NaN : cpuSeconds(p.resolve("stat"));
                    if (!Double.isNaN(cpu)) {
                        used.merge(name, cpu, Double::sum);
                    }
                } catch (RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            // no process figures then
        }
        return used;
    }

    /** A /proc file's text, or "" when it cannot be read (the process ended, say). */
    public static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
