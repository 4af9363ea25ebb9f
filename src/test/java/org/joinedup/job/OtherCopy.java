package org.joinedup.job;

import io.quarkus.arc.Arc;
import java.util.List;

/** Writes job rows as another service copy's runner would, for tests of what this copy shows and allows meanwhile. */
public final class OtherCopy {

    public static final String NAME = "other-host:4242:0badc0de";

    private OtherCopy() {
    }

    /** A job of this kind, running in the other copy; fails the test if one of its kind is unfinished. */
    public static long startsJob(String kind, String unit) {
        long id = table().insertUnlessUnfinished(kind, unit, "demo-admin", NAME).orElseThrow(() -> new AssertionError("a " + kind + " job is unfinished"));
        table().markRunning(id, NAME);
        return id;
    }

    public static void reports(long id, String phase, long done, long total, double rate, List<String> errors) {
        table().saveProgress(id, NAME, new Progress.Snapshot(phase, done, total, rate, errors, errors.size()));
    }

    public static void finishes(long id, long total) {
        table().finish(id, NAME, new Progress.Snapshot("done", total, total, 100.0, List.of(), 0), JobState.SUCCEEDED, null, null);
    }

    private static JobTable table() {
        return Arc.container().instance(JobTable.class).get();
    }
}
