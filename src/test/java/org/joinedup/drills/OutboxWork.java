package org.joinedup.drills;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

/** Reads each copy's outbox counters from /q/metrics: rows claimed and rows done, per copy and in all. */
final class OutboxWork {

    private static final Pattern CLAIMED = Pattern.compile("(?m)^joinedup_outbox_rows_claimed_total(?:\\{[^}]*\\})? ([0-9.E+]+)");
    private static final Pattern DONE = Pattern.compile("(?m)^joinedup_outbox_rows_done_total(?:\\{[^}]*\\})? ([0-9.E+]+)");

    private OutboxWork() {
    }

    static boolean report(List<String> bases) throws Exception {
        var http = HttpClient.newHttpClient();
        long claimed = 0;
        long done = 0;
        for (var base : bases) {
            var metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            long c = value(CLAIMED, metrics);
            long d = value(DONE, metrics);
            System.out.printf("copy %s: outbox rows claimed %d, done %d%n", base, c, d);
            claimed += c;
            done += d;
        }
        System.out.printf("all copies: claimed %d, done %d%n", claimed, done);
        System.out.println("CLAIMED=" + claimed + " DONE=" + done);
        return true;
    }

    private static long value(Pattern pattern, String metrics) {
        var m = pattern.matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
