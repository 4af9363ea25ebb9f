package org.joinedup.search;

import static org.joinedup.search.Json.arr;
import static org.joinedup.search.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds mentors in the leaders index: for one learner, the best candidates by shared services
 * and approaches, evidence and distance (matching re-ranks them with its own explained score);
 * for a cohort, the whole pool of available mentors. Exclusions (the learner, their organisation,
 * declared conflicts either way, no capacity) are applied here and again by matching's scorer.
 */
@ApplicationScoped
public class MentorCandidates {

    private static final int PAGE = 2_000;
    private static final int RECORDS_PER_CANDIDATE = 10;
    private static final List<String> LEADER_FIELDS = List.of("id", "name", "current_role", "organisation", "home_area.name",
            "mentoring", "illustrative");

    @Inject
    AliasSearch alias;

    /** The {@code size} best candidates for one need, with their records that share a service with it. */
    public List<MentorCandidate> find(MentorCandidate.Need need, int size, Audience audience) {
        var overlap = new ArrayList<ObjectNode>();
        need.services().forEach(s -> overlap.add(obj("constant_score", obj("filter", obj("term", obj("records.services", s)),
                "boost", 40.0 / need.services().size()))));
        need.approaches().forEach(a -> overlap.add(obj("constant_score", obj("filter", obj("term", obj("records.approaches", a)),
                "boost", 20.0 / need.approaches().size()))));
        var functions = new ArrayList<ObjectNode>();
        functions.add(obj("filter", obj("term", obj("records.verification", "verified")), "weight", 10.0));
        functions.add(obj("filter", obj("term", obj("records.verification", "endorsed")), "weight", 6.0));
        functions.add(obj("filter", obj("exists", obj("field", "records.outcome_metrics")), "weight", 5.0));
        if (need.location() != null) {
            functions.add(obj("gauss", obj("records.locations", obj("origin", obj("lat", need.location().lat(), "lon", need.location().lon()),
                    "scale", "50km", "decay", 0.5)), "weight", 15.0));
        }
        var records = obj("function_score", obj(
                "query", obj("bool", obj("filter", arr(obj("terms", obj("records.services", need.services()))), "should", arr(overlap))),
                "functions", arr(functions), "score_mode", "sum", "boost_mode", "sum"));
        var filters = new ArrayList<ObjectNode>(available());
        audience.filter().ifPresent(filters::add);
        var bool = obj("filter", arr(filters), "must_not", arr(excluded(need)),
                "must", arr(obj("nested", obj("path", LeaderQuery.RECORDS, "score_mode", "max", "query", records,
                        "inner_hits", obj("name", "experience", "size", RECORDS_PER_CANDIDATE,
                                "_source", obj("excludes", arr("records.summary", "records.partner_organisations")))))));
        var body = obj("size", size, "_source", obj("includes", LEADER_FIELDS), "query", obj("bool", bool),
                "sort", arr(obj("_score", obj("order", "desc")), obj("id", obj("order", "asc"))));
        var response = alias.search(body);
        return response.hits().hits().stream().map(hit -> {
            var experience = new ArrayList<MentorCandidate.Experience>();
            hit.innerHits().get("experience").hits().hits().forEach(r -> experience.add(experience(r.source().to(JsonNode.class))));
            return candidate(hit.source(), experience);
        }).toList();
    }

    /** Every mentor with capacity left whom the audience may see, or only those of {@code mentorIds}, with all their records. */
    public List<MentorCandidate> pool(Collection<Long> mentorIds, Audience audience) {
        var filters = new ArrayList<ObjectNode>(available());
        audience.filter().ifPresent(filters::add);
        if (mentorIds != null) {
            filters.add(obj("terms", obj("id", List.copyOf(mentorIds))));
        }
        var fields = new ArrayList<>(LEADER_FIELDS);
        fields.add("records");
        var candidates = new ArrayList<MentorCandidate>();
        JsonNode after = null;
        while (true) {
            var body = obj("size", PAGE, "_source", obj("includes", fields, "excludes", arr("records.summary", "records.partner_organisations")),
                    "query", obj("bool", obj("filter", arr(filters))), "sort", arr(obj("id", obj("order", "asc"))));
            if (after != null) {
                body.set("search_after", after);
            }
            var hits = alias.search(body).hits().hits();
            for (var hit : hits) {
                var experience = new ArrayList<MentorCandidate.Experience>();
                hit.source().path("records").forEach(r -> experience.add(experience(r)));
                candidates.add(candidate(hit.source(), experience));
            }
            if (hits.size() < PAGE) {
                return candidates;
            }
            after = arr(hits.get(hits.size() - 1).source().path("id").asLong());
        }
    }

    private static List<ObjectNode> available() {
        return List.of(obj("term", obj("mentoring.willing", true)), obj("range", obj("mentoring.capacity_left", obj("gte", 1))));
    }

    private static List<ObjectNode> excluded(MentorCandidate.Need need) {
        var out = new ArrayList<ObjectNode>();
        out.add(obj("ids", obj("values", arr(String.valueOf(need.learnerId())))));
        if (need.learnerOrganisation() != null && !need.learnerOrganisation().isBlank()) {
            var organisation = need.learnerOrganisation().strip().toLowerCase(Locale.ROOT);
            out.add(obj("term", obj("organisation.keyword", organisation)));
            out.add(obj("term", obj("mentoring.conflicts", organisation)));
        }
        if (!need.learnerConflicts().isEmpty()) {
            out.add(obj("terms", obj("organisation.keyword",
                    need.learnerConflicts().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList())));
        }
        return out;
    }

    private static MentorCandidate candidate(JsonNode s, List<MentorCandidate.Experience> records) {
        var m = s.path("mentoring");
        return new MentorCandidate(s.path("id").asLong(), s.path("name").asText(), Json.text(s, "current_role"), Json.text(s, "organisation"),
                Json.text(s.path("home_area"), "name"), m.path("willing").asBoolean(), m.path("capacity_left").asInt(), Json.strings(m.path("formats")),
                m.path("trained").asBoolean(), Json.strings(m.path("conflicts")), s.path("illustrative").asBoolean(), records);
    }

    private static MentorCandidate.Experience experience(JsonNode r) {
        var locations = new ArrayList<LeaderDocument.GeoPoint>();
        r.path("locations").forEach(l -> locations.add(new LeaderDocument.GeoPoint(l.path("lat").asDouble(), l.path("lon").asDouble())));
        return new MentorCandidate.Experience(r.path("id").asLong(), r.path("title").asText(), Json.strings(r.path("services")),
                Json.strings(r.path("approaches")), Json.text(r, "scope"), Json.text(r, "verification"), Json.strings(r.path("outcome_metrics")),
                r.path("evidence_count").asInt(), locations, Json.strings(r.path("area_names")));
    }
}
