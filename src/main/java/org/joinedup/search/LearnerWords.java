package org.joinedup.search;

import static org.joinedup.search.Json.arr;
import static org.joinedup.search.Json.obj;
import static org.joinedup.search.index.DocumentFields.FACETS_SERVICES;
import static org.joinedup.search.index.DocumentFields.RECORDS;
import static org.joinedup.search.index.DocumentFields.RECORDS_SERVICES;
import static org.joinedup.search.index.DocumentFields.RECORDS_SUMMARY_STEMMED;
import static org.joinedup.search.index.DocumentFields.RECORDS_TITLE_STEMMED;

import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.leader.MentoringOffer;

/**
 * How well mentors' records answer a learner's own words: Elasticsearch's relevance of the
 * request's text against the titles and summaries of each available mentor's records on a wanted
 * service (stemmed, with the vocabulary synonyms), the best record counting, divided by the best
 * mentor's, so from 0 to 1. Only the {@value #BEST} mentors whose records answer the words best
 * get a figure; everyone else counts 0, which keeps a cohort's thousands of requests to one search
 * each, sent {@value #BATCH} at a time.
 */
@ApplicationScoped
public class LearnerWords {

    static final int BEST = 200;
    static final int BATCH = 50;

    @Inject
    AliasSearch alias;

    /** The words of a learning request and the services it wants. */
    public record Ask(String text, List<String> services) {
    }

    /** For each ask, in order: mentor id to relevance (1 for the best); empty for an ask without words. */
    public List<Map<Long, Double>> relevance(List<Ask> asks, Audience audience) {
        var answers = new ArrayList<Map<Long, Double>>();
        for (int from = 0; from < asks.size(); from += BATCH) {
            var batch = asks.subList(from, Math.min(asks.size(), from + BATCH));
            var bodies = new ArrayList<ObjectNode>();
            for (var ask : batch) {
                if (hasWords(ask)) {
                    bodies.add(body(ask, audience));
                }
            }
            var results = bodies.isEmpty() ? List.<MultiSearchItem<Void>>of() : alias.all(bodies);
            int next = 0;
            for (var ask : batch) {
                answers.add(hasWords(ask) ? normalised(results.get(next++)) : Map.of());
            }
        }
        return answers;
    }

    private static boolean hasWords(Ask ask) {
        return ask.text() != null && !ask.text().isBlank() && !ask.services().isEmpty();
    }

    /** The search of one ask; pure, so a test can pin it. */
    static ObjectNode body(Ask ask, Audience audience) {
        var filters = new ArrayList<ObjectNode>(MentorCandidates.available(MentoringOffer.today().toString()));
        filters.add(obj("terms", obj(FACETS_SERVICES, ask.services())));
        audience.filter().ifPresent(filters::add);
        var words = obj("bool", obj("filter", arr(obj("terms", obj(RECORDS_SERVICES, ask.services()))),
                "must", arr(obj("multi_match", obj("query", ask.text(), "fields", arr(RECORDS_TITLE_STEMMED + "^2", RECORDS_SUMMARY_STEMMED))))));
        return obj("size", BEST, "_source", false, "track_total_hits", false,
                "query", obj("bool", obj("filter", arr(filters), "must", arr(obj("nested", obj("path", RECORDS, "score_mode", "max", "query", words))))));
    }

    private static Map<Long, Double> normalised(MultiSearchItem<Void> result) {
        if (result == null) {
            // logged by AliasSearch; a score quietly without its words part would mislead
            throw AliasSearch.unavailable(new IllegalStateException("a learner's words search failed"));
        }
        var hits = result.hits().hits();
        var relevance = new HashMap<Long, Double>();
        if (hits.isEmpty() || hits.get(0).score() == null || hits.get(0).score() <= 0) {
            return relevance;
        }
        double best = hits.get(0).score();
        for (var hit : hits) {
            relevance.put(Long.valueOf(hit.id()), hit.score() / best);
        }
        return relevance;
    }
}
