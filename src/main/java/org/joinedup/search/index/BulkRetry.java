package org.joinedup.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.elasticsearch.client.ResponseException;
import org.jboss.logging.Logger;

/**
 * Sends a bulk request of a rebuild again, after a pause, when Elasticsearch did not take it: the request timed out or
 * its connection failed, or Elasticsearch answered that it is too busy (429: its write queue or a circuit breaker is
 * full) or that a node is unavailable (502 to 504). A rebuild loads every leader in a few hundred such requests, and
 * one of them failing on a busy node failed the whole rebuild. Sending a request again is safe: every document is
 * written at its leader's revision, so one that the first request did write is refused the second time as a conflict,
 * which counts as written ({@link IndexWriter}).
 */
final class BulkRetry {

    private static final Logger LOG = Logger.getLogger(BulkRetry.class);

    /** The pauses before each new attempt: 22 s in all, for a busy node to empty its queue; a node that refuses connections fails the rebuild within half a minute. */
    static final List<Duration> PAUSES = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15));

    interface Request<T> {
        T send() throws IOException;
    }

    interface Pause {
        void sleep(Duration pause) throws InterruptedException;
    }

    static <T> T send(String what, Request<T> request) throws IOException {
        return send(what, PAUSES, d -> Thread.sleep(d.toMillis()), request);
    }

    /** Sends {@code request}, again after each of {@code pauses} while it fails in passing; the last failure is thrown. */
    static <T> T send(String what, List<Duration> pauses, Pause pause, Request<T> request) throws IOException {
        for (int attempt = 0;; attempt++) {
            try {
                return request.send();
            } catch (IOException | ElasticsearchException e) {
                if (attempt == pauses.size() || !inPassing(e)) {
                    throw e;
                }
                LOG.warnf("%s was not taken (%s); sending it again in %d s (attempt %d of %d)", what, e.getMessage(),
                        pauses.get(attempt).toSeconds(), attempt + 2, pauses.size() + 1);
                try {
                    pause.sleep(pauses.get(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting to send " + what + " again", interrupted);
                }
            }
        }
    }

    /** Whether the same request may succeed later: not when Elasticsearch refused it as wrong, nor when the index is gone. */
    static boolean inPassing(Exception e) {
        if (e instanceof ElasticsearchException refused) {
            return inPassing(refused.status());
        }
        if (e instanceof TransportException refused) {
            // an answer the typed client could not read as Elasticsearch's error (a proxy's page); judged as IndexBatch does
            return inPassing(refused.statusCode());
        }
        if (e instanceof ResponseException refused) {
            // the low-level client's, for a status the typed client does not read as an error of Elasticsearch's (429 among them)
            return inPassing(refused.getResponse().getStatusLine().getStatusCode());
        }
        return e instanceof IOException && !(e instanceof IndexWriter.NoIndexException);
    }

    private static boolean inPassing(int status) {
        return status == 429 || status >= 502 && status <= 504;
    }

    private BulkRetry() {
    }
}
