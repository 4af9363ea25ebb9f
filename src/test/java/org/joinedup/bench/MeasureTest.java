package org.joinedup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures the benchmarks and the drills print rest on these. */
class MeasureTest {

    @Test
    void percentilesAreNearestRankAndNaNWhenThereIsNothing() {
        long[] sorted = { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
        assertEquals(50, Measure.percentile(sorted, 50));
        assertEquals(100, Measure.percentile(sorted, 99));
        assertEquals(10, Measure.percentile(sorted, 0));
        assertEquals(30.0, Measure.percentile(List.of(50.0, 10.0, 30.0, 20.0, 40.0), 50));
        assertTrue(Double.isNaN(Measure.percentile(new long[0], 50)));
        assertTrue(Double.isNaN(Measure.percentile(List.of(), 50)));
    }

    @Test
    void latenciesAreKeptInMillisecondsFromAnyThread() throws Exception {
        var latencies = new Measure.Latencies();
        var threads = List.of(new Thread(() -> latencies.add(2_000_000)), new Thread(() -> latencies.add(4_000_000)));
        threads.forEach(Thread::start);
        for (var t : threads) {
            t.join();
        }
        latencies.add(6_000_000);
        assertEquals(3, latencies.count());
        assertEquals(4.0, latencies.percentile(50));
        assertEquals(6.0, latencies.percentile(99));
    }

    @Test
    void aRequestIsTimedAndItsAnswerKept() throws InterruptedException {
        var timed = Measure.timed(() -> {
            Thread.sleep(20);
            return "answer";
        });
        assertEquals("answer", timed.answer());
        assertTrue(timed.millis() >= 19, "took " + timed.millis() + " ms");
    }

    @Test
    void cpuTimeIsReadFromProc() {
        long end = System.nanoTime() + 300_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        assertTrue(x > 0);
        assertTrue(Measure.cpuSeconds(Path.of("/proc/self/stat")) > 0.1);
        assertTrue(Measure.machineBusySeconds() > 0);
        var self = String.valueOf(ProcessHandle.current().pid());
        var mine = Measure.cpuSecondsBy(p -> p.getFileName().toString().equals(self) ? "me" : null);
        assertTrue(mine.get("me") > 0.1, mine.toString());
        assertTrue(Double.isNaN(Measure.cpuSeconds("999999999")));
    }
}
