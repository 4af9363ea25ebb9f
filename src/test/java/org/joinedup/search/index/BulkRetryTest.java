package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures of a bulk request are worth sending it again for, how often, and after which pauses. */
class BulkRetryTest {

    private static final List<Duration> PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));

    private final List<Duration> paused = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void aTimedOutRequestIsSentAgainAfterEachPauseUntilItIsTaken() throws IOException {
        var answer = BulkRetry.send("a bulk", PAUSES, paused::add, () -> {
            if (sent.incrementAndGet() < 3) {
                throw new SocketTimeoutException("30,000 milliseconds timeout on connection http-outgoing-0 [ACTIVE]");
            }
            return "written";
        });
        assertEquals("written", answer);
        assertEquals(3, sent.get());
        assertEquals(PAUSES.subList(0, 2), paused);
    }

    @Test
    void tooBusyAndUnavailableAreSentAgainButARefusedRequestIsNot() throws IOException {
        for (int status : List.of(429, 502, 503, 504)) {
            sent.set(0);
            assertEquals("written", BulkRetry.send("a bulk", PAUSES, paused::add, () -> {
                if (sent.incrementAndGet() == 1) {
                    throw refused(status);
                }
                return "written";
            }), "status " + status);
            assertEquals(2, sent.get(), "status " + status);
        }
        sent.set(0);
        paused.clear();
        var badRequest = refused(400);
        var thrown = assertThrows(ElasticsearchException.class, () -> BulkRetry.send("a bulk", PAUSES, paused::add, () -> {
            sent.incrementAndGet();
            throw badRequest;
        }));
        assertSame(badRequest, thrown);
        assertEquals(1, sent.get());
        assertEquals(List.of(), paused);
    }

    @Test
    void aMissingIndexIsNotWaitedFor() {
        assertThrows(IndexWriter.NoIndexException.class, () -> BulkRetry.send("a bulk", PAUSES, paused::add, () -> {
            sent.incrementAndGet();
            throw new IndexWriter.NoIndexException("no index behind leaders-v3");
        }));
        assertEquals(1, sent.get());
        assertEquals(List.of(), paused);
    }

    @Test
    void afterTheLastPauseTheLastFailureIsThrown() {
        var thrown = assertThrows(IOException.class, () -> BulkRetry.send("a bulk", PAUSES, paused::add, () -> {
            throw new IOException("connection refused, attempt " + sent.incrementAndGet());
        }));
        assertEquals("connection refused, attempt 4", thrown.getMessage());
        assertEquals(PAUSES, paused);
    }

    private static ElasticsearchException refused(int status) {
        return new ElasticsearchException("es/bulk", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type(status == 429 ? "circuit_breaking_exception" : "illegal_argument_exception").reason("refused"))));
    }
}
