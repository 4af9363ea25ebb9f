package org.joinedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** The same request from several clients at once: each prepared first, then all released together. */
public final class Race {

    private Race() {
    }

    /** A request ready to go: sending it gives the answer's status. */
    public interface Prepared {
        int send() throws Exception;
    }

    /**
     * {@code count} requests, the i-th made by {@code prepare} on its own thread before the start, all
     * sent at the same moment (a barrier); their statuses, sorted.
     */
    public static List<Integer> sortedStatuses(int count, IntFunction<Prepared> prepare) throws Exception {
        var barrier = new CyclicBarrier(count);
        var pool = Executors.newFixedThreadPool(count);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    Prepared request;
                    try {
                        request = prepare.apply(n);
                    } catch (RuntimeException | Error e) {
                        barrier.reset(); // the others stop waiting for this one (BrokenBarrierException) instead of hanging
                        throw e;
                    }
                    barrier.await();
                    return request.send();
                }));
            }
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            Collections.sort(statuses);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
