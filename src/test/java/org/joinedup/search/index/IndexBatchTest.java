package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are a batch's own fault (split it, park the culprit) and which are the infrastructure's (wait). */
class IndexBatchTest {

    private static ElasticsearchException answered(int status) {
        return new ElasticsearchException("bulk", ErrorResponse.of(r -> r.status(status).error(e -> e.type("t").reason("r"))));
    }

    @Test
    void aWholeRequestRejectedAsTooLargeOrMalformedIsTheBatchsFault() {
        assertTrue(IndexBatch.batchAtFault(answered(413)));
        assertTrue(IndexBatch.batchAtFault(answered(400)));
    }

    @Test
    void elasticsearchDownBusyOrUnreachableIsNotTheBatchsFault() {
        assertFalse(IndexBatch.batchAtFault(new ConnectException("Connection refused")));
        assertFalse(IndexBatch.batchAtFault(answered(503)));
        assertFalse(IndexBatch.batchAtFault(answered(429)));
    }

    @Test
    void aDocumentThatCannotBeBuiltIsTheBatchsFaultUnlessTheDatabaseFailed() {
        assertTrue(IndexBatch.batchAtFault(new NullPointerException("home is null")));
        assertFalse(IndexBatch.batchAtFault(new PersistenceException(new SQLException("connection lost"))));
    }
}
