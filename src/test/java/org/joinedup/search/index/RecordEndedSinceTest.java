package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.joinedup.Fixtures;
import org.joinedup.leader.MentoringOffer;
import org.junit.jupiter.api.Test;

/**
 * A leader written while one of its records was still to end carries that end ({@code experience.next_end}) and is scored
 * through its records; once the end has come, the nightly reconciliation writes it again at the same revision, so it is
 * scored on the leader. A leader whose record is still to end is left as it is.
 */
@QuarkusTest
class RecordEndedSinceTest {

    /** The end of the records {@link Fixtures#record} makes. */
    private static final String FIXTURE_END = "2017-03-31";

    @Inject
    LeaderDocuments documents;

    @Inject
    LeaderIndex index;

    @Inject
    ElasticsearchClient client;

    @Inject
    ObjectMapper json;

    @Inject
    IndexReconciliation reconciliation;

    @Test
    void aLeaderWrittenBeforeItsRecordEndedIsWrittenAgainOnceItHas() throws IOException {
        Fixtures.actAs("demo-admin");
        long ended = Fixtures.createLeader(Fixtures.leader("Ended Since Written"));
        Fixtures.createRecord(ended, Fixtures.record("Teams whose pilot ended"));
        long toCome = Fixtures.createLeader(Fixtures.leader("Still To End"));
        var later = Fixtures.record("Teams whose pilot ends next year");
        later.put("periodEnd", MentoringOffer.today().plusYears(1).toString());
        Fixtures.createRecord(toCome, later);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        assertEquals(1, count(toCome, toCome(true)), "a record ending after the day it is written is still to come");

        // the first leader as it was written in 2016, before its record ended
        var leader = documents.load(List.of(ended)).get(0);
        ObjectNode written2016 = json.valueToTree(leader);
        ((ObjectNode) written2016.get(DocumentFields.EXPERIENCE)).put("to_come", true).put("next_end", FIXTURE_END).put("ended", 0.0);
        HeldRevision.put(client, index.alias(), ended, leader.revision(), written2016);
        assertEquals(1, count(ended, toCome(true)), "written before the end, the leader has a record to come");
        long toComeWrite = hit(toCome).seqNo();

        reconciliation.run("test");
        client.indices().refresh(r -> r.index(index.alias()));

        assertEquals(0, count(ended, toCome(true)), "written again, the record has ended");
        assertEquals(1, count(ended, Query.of(q -> q.range(r -> r.number(n -> n.field(DocumentFields.EXPERIENCE_ENDED).gt(0.0))))),
                "and counts its freshness on the leader");
        assertEquals(leader.revision(), hit(ended).version(), "at the same revision");
        assertEquals(toComeWrite, hit(toCome).seqNo(), "a leader whose record is still to end is not written again");
    }

    private static Query toCome(boolean value) {
        return Query.of(q -> q.term(t -> t.field(DocumentFields.EXPERIENCE_TO_COME).value(value)));
    }

    private long count(long id, Query query) throws IOException {
        return client.count(c -> c.index(index.alias()).query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(DocumentFields.ID).value(id)))
                .filter(query)))).count();
    }

    private Hit<ObjectNode> hit(long id) throws IOException {
        return client.search(s -> s.index(index.alias()).version(true).seqNoPrimaryTerm(true).source(src -> src.fetch(false))
                .query(q -> q.term(t -> t.field(DocumentFields.ID).value(id))), ObjectNode.class).hits().hits().get(0);
    }
}
