package org.joinedup.shortlist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.shortlist.ShortlistFixtures.ORG_A;
import static org.joinedup.shortlist.ShortlistFixtures.ORG_B;
import static org.joinedup.shortlist.ShortlistFixtures.account;
import static org.joinedup.shortlist.ShortlistFixtures.admin;
import static org.joinedup.shortlist.ShortlistFixtures.as;
import static org.joinedup.shortlist.ShortlistFixtures.leader;
import static org.joinedup.shortlist.ShortlistFixtures.put;
import static org.joinedup.shortlist.ShortlistFixtures.shortlist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shortlists through the API: who sees and changes what, hidden and erased leaders, races, bad input. */
@QuarkusTest
class ShortlistTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aShortlistRoundTripsAndRenamesUnderItsETag() {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        var created = as(owner).body(Map.of("name", "  Frailty leads  ")).when().post("/api/shortlists").then().statusCode(201)
                .header("Location", containsString("/api/shortlists/")).header("ETag", "\"0\"")
                .body("name", equalTo("Frailty leads")).body("mine", equalTo(true)).body("organisationCode", equalTo(ORG_A))
                .body("entries.size()", equalTo(0)).extract().jsonPath();
        long id = created.getLong("id");

        // what a GET gives, PUT back as it is, changes nothing
        Map<String, Object> read = as(owner).when().get("/api/shortlists/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .extract().jsonPath().getMap("");
        as(owner).body(read).when().put("/api/shortlists/" + id).then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));

        as(owner).header("If-Match", "\"0\"").body(Map.of("name", "Frailty and discharge leads")).when().put("/api/shortlists/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Frailty and discharge leads"));
        as(owner).header("If-Match", "\"0\"").body(Map.of("name", "Stale")).when().put("/api/shortlists/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("violations[0].field", equalTo("If-Match"));
        as(owner).body(Map.of("name", "Stale", "version", 0)).when().put("/api/shortlists/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("violations[0].field", equalTo("version"));
        as(owner).body(Map.of("name", "No version")).when().put("/api/shortlists/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("version"));
        as(owner).when().get("/api/shortlists").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.name", equalTo("Frailty and discharge leads"))
                .body("items.find { it.id == " + id + " }.leaders", equalTo(0));

        as(owner).header("If-Match", "\"0\"").when().delete("/api/shortlists/" + id).then().statusCode(412);
        as(owner).header("If-Match", "\"1\"").when().delete("/api/shortlists/" + id).then().statusCode(204);
        as(owner).when().get("/api/shortlists/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aColleagueOfTheSameOrganisationSeesAndEditsButOnlyTheOwnerRenamesOrDeletes() {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        var colleague = account("sl-colleague", Roles.PROGRAMME, ORG_A);
        long id = shortlist(owner, "Shared with the trust");
        long leader = leader("Colleague Seen " + System.nanoTime(), "public");

        as(colleague).when().get("/api/shortlists").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.mine", equalTo(false));
        as(colleague).body(Map.of("note", "Met at the ICS conference")).when().put("/api/shortlists/" + id + "/leaders/" + leader)
                .then().statusCode(201).body("leader.id", equalTo((int) leader)).body("note", equalTo("Met at the ICS conference"))
                .body("addedBy", containsString("sl-colleague")).body("leader.homeArea.code", equalTo("E10000024"));
        as(owner).when().get("/api/shortlists/" + id).then().statusCode(200)
                .body("entries[0].note", equalTo("Met at the ICS conference")).body("entries[0].leader.name", containsString("Colleague Seen"))
                .body("entries[0].leader.currentRole", equalTo("Head of integrated care"))
                .body("entries[0].leader.organisation.code", equalTo("E10000024")).body("entries[0].leader.contact", nullValue());
        as(owner).body(Map.of("note", "Asked for an introduction")).when().put("/api/shortlists/" + id + "/leaders/" + leader)
                .then().statusCode(200).body("note", equalTo("Asked for an introduction"));
        as(colleague).when().get("/api/shortlists/" + id).then().body("entries[0].note", equalTo("Asked for an introduction"));

        as(colleague).body(Map.of("name", "Mine now", "version", 0)).when().put("/api/shortlists/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        as(colleague).when().delete("/api/shortlists/" + id).then().statusCode(403);
        as(colleague).when().delete("/api/shortlists/" + id + "/leaders/" + leader).then().statusCode(204);
        as(owner).when().get("/api/shortlists/" + id).then().body("entries.size()", equalTo(0)).body("name", equalTo("Shared with the trust"));
        as(owner).when().delete("/api/shortlists/" + id + "/leaders/" + leader).then().statusCode(404);
    }

    @Test
    void someoneOfAnotherOrganisationGetsNotFoundOnEveryOperation() {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        var stranger = account("sl-stranger", Roles.COMMISSIONER, ORG_B);
        var strangerProgramme = account("sl-stranger-pr", Roles.PROGRAMME, ORG_B);
        long id = shortlist(owner, "Not for the ICB");
        long leader = leader("Stranger Target " + System.nanoTime(), "public");
        put(owner, id, leader, "Private to the trust");

        for (var who : List.of(stranger, strangerProgramme)) {
            var missing = as(who).when().get("/api/shortlists/987654321").then().statusCode(404).extract().jsonPath().getString("detail");
            var answer = as(who).when().get("/api/shortlists/" + id).then().statusCode(404).contentType("application/problem+json")
                    .extract().jsonPath().getString("detail");
            assertEquals(missing.replace("987654321", "{id}"), answer.replace(String.valueOf(id), "{id}"));
            as(who).body(Map.of("name", "Taken", "version", 0)).when().put("/api/shortlists/" + id).then().statusCode(404);
            as(who).header("If-Match", "\"0\"").body(Map.of("name", "Taken")).when().put("/api/shortlists/" + id).then().statusCode(404);
            as(who).when().delete("/api/shortlists/" + id).then().statusCode(404);
            as(who).body(Map.of("note", "Mine")).when().put("/api/shortlists/" + id + "/leaders/" + leader).then().statusCode(404);
            as(who).when().delete("/api/shortlists/" + id + "/leaders/" + leader).then().statusCode(404);
            as(who).when().get("/api/shortlists").then().statusCode(200).body("items.id", not(hasItem((int) id)));
        }
        as(owner).when().get("/api/shortlists/" + id).then().statusCode(200).body("name", equalTo("Not for the ICB"))
                .body("entries[0].note", equalTo("Private to the trust"));
    }

    @Test
    void anAccountOfNoOrganisationSeesOnlyItsOwn() {
        var loner = account("sl-loner", Roles.COMMISSIONER, null);
        var otherLoner = account("sl-loner2", Roles.COMMISSIONER, null);
        var organised = account("sl-organised", Roles.COMMISSIONER, ORG_A);
        long mine = shortlist(loner, "My own");
        long theirs = shortlist(otherLoner, "Theirs");
        long trusts = shortlist(organised, "The trust's");

        as(loner).when().get("/api/shortlists/" + mine).then().statusCode(200).body("organisationCode", nullValue());
        as(loner).when().get("/api/shortlists/" + theirs).then().statusCode(404);
        as(loner).when().get("/api/shortlists/" + trusts).then().statusCode(404);
        as(otherLoner).when().get("/api/shortlists/" + mine).then().statusCode(404);
        as(organised).when().get("/api/shortlists/" + mine).then().statusCode(404);
        as(loner).when().get("/api/shortlists").then().statusCode(200).body("items.id", equalTo(List.of((int) mine))).body("total", equalTo(1));
    }

    @Test
    void leadersAndAdminsAreRefused() {
        long leaderId = leader("Shortlist Refused " + System.nanoTime(), "public");
        var leaderToken = ShortlistFixtures.leaderAccount(leaderId);
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        long id = shortlist(owner, "Refused");
        for (var token : List.of(leaderToken, admin())) {
            as(token).body(Map.of("name", "x")).when().post("/api/shortlists").then().statusCode(403).contentType("application/problem+json");
            as(token).when().get("/api/shortlists").then().statusCode(403);
            as(token).when().get("/api/shortlists/" + id).then().statusCode(403);
            as(token).body(Map.of("name", "x", "version", 0)).when().put("/api/shortlists/" + id).then().statusCode(403);
            as(token).when().delete("/api/shortlists/" + id).then().statusCode(403);
            as(token).body(Map.of()).when().put("/api/shortlists/" + id + "/leaders/" + leaderId).then().statusCode(403);
            as(token).when().delete("/api/shortlists/" + id + "/leaders/" + leaderId).then().statusCode(403);
        }
        given().when().get("/api/shortlists").then().statusCode(401);
        as(owner).when().get("/api/shortlists/" + id).then().statusCode(200).body("entries.size()", equalTo(0));
    }

    @Test
    void aHiddenLeaderCannotBeAddedAndLeavesTheListWhenHidden() {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        long id = shortlist(owner, "Hidden ones");
        long hidden = leader("Programme Only " + System.nanoTime(), "programme");
        var forHidden = as(owner).when().put("/api/shortlists/" + id + "/leaders/" + hidden).then().statusCode(404).extract().jsonPath();
        var forMissing = as(owner).when().put("/api/shortlists/" + id + "/leaders/987654321").then().statusCode(404).extract().jsonPath();
        assertEquals(forMissing.getString("detail").replace("987654321", "{id}"), forHidden.getString("detail").replace(String.valueOf(hidden), "{id}"));

        var name = "Hidden Later " + System.nanoTime();
        long later = leader(name, "public");
        long stays = leader("Stays Visible " + System.nanoTime(), "registered");
        put(owner, id, later, "Note on someone hidden later");
        put(owner, id, stays, null);
        ShortlistFixtures.setVisibility(later, name, "programme");
        as(owner).when().get("/api/shortlists/" + id).then().statusCode(200).body("entries.leader.id", equalTo(List.of((int) stays)))
                .body(not(containsString("Note on someone hidden later")));
        as(owner).when().get("/api/shortlists").then().body("items.find { it.id == " + id + " }.leaders", equalTo(1));
        // programme staff of the same organisation may see programme-only leaders: for them it is on the list
        var programme = account("sl-programme", Roles.PROGRAMME, ORG_A);
        as(programme).when().get("/api/shortlists/" + id).then().body("entries.leader.id", equalTo(List.of((int) later, (int) stays)))
                .body("entries[0].note", equalTo("Note on someone hidden later"));
    }

    @Test
    void erasingALeaderDeletesTheirEntriesAndRedactsTheNotesInTheTrail() {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        long id = shortlist(owner, "Erasure");
        long leader = leader("Erased Soon " + System.nanoTime(), "public");
        put(owner, id, leader, "A note about someone who will be erased");
        as(owner).when().delete("/api/shortlists/" + id + "/leaders/" + leader).then().statusCode(204);
        put(owner, id, leader, "Added again after leaving");
        as(admin()).when().delete("/api/leaders/" + leader).then().statusCode(204);

        as(owner).when().get("/api/shortlists/" + id).then().statusCode(200).body("entries.size()", equalTo(0));
        long rows = QuarkusTransaction.requiringNew().call(() -> ShortlistEntry.count("leaderId", leader));
        assertEquals(0, rows);
        var trail = as(admin()).queryParam("entityType", "shortlisted-leader").queryParam("entityId", String.valueOf(leader))
                .when().get("/api/admin/audit").then().statusCode(200).extract();
        assertEquals(3, trail.jsonPath().getList("items").size());
        assertFalse(trail.asString().contains("erased"), trail.asString());
        assertFalse(trail.asString().contains("after leaving"), trail.asString());
    }

    @Test
    void eightIdenticalPutsAtOnceLeaveOneEntry() throws Exception {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        long id = shortlist(owner, "Racing");
        long leader = leader("Raced For " + System.nanoTime(), "public");
        int n = 8;
        var barrier = new CyclicBarrier(n);
        var pool = Executors.newFixedThreadPool(n);
        var statuses = Collections.synchronizedList(new ArrayList<Integer>());
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    statuses.add(as(owner).body(Map.of("note", "Same note")).when().put("/api/shortlists/" + id + "/leaders/" + leader)
                            .then().extract().statusCode());
                    return null;
                }));
            }
            for (var f : futures) {
                f.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(statuses);
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 201), statuses);
        as(owner).when().get("/api/shortlists/" + id).then().body("entries.size()", equalTo(1)).body("entries[0].note", equalTo("Same note"));
        var trail = as(admin()).queryParam("entityType", "shortlisted-leader").queryParam("entityId", String.valueOf(leader))
                .when().get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("add"), trail.getList("items.action"));
    }

    @Test
    void badIdsNamesAndNotesAreProblemsAndLeaveNothingBehind() {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        long id = shortlist(owner, "Bad input");
        long leader = leader("Bad Input Target " + System.nanoTime(), "public");

        for (var path : List.of("/api/shortlists/99999999999999999999", "/api/shortlists/abc", "/api/shortlists/-1", "/api/shortlists/987654321")) {
            int status = as(owner).when().get(path).then().contentType("application/problem+json").extract().statusCode();
            assertEquals(true, status == 400 || status == 404, path + " answered " + status);
        }
        as(owner).when().put("/api/shortlists/" + id + "/leaders/99999999999999999999").then().statusCode(Matchers.oneOf(400, 404))
                .contentType("application/problem+json");
        as(owner).when().delete("/api/shortlists/99999999999999999999").then().statusCode(Matchers.oneOf(400, 404))
                .contentType("application/problem+json");

        as(owner).body(Map.of("name", "n".repeat(101))).when().post("/api/shortlists").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("name"));
        as(owner).body(Map.of("name", "   ")).when().post("/api/shortlists").then().statusCode(400).body("violations.field", hasItem("name"));
        as(owner).body("{}").when().post("/api/shortlists").then().statusCode(400).body("violations.field", hasItem("name"));
        as(owner).body(Map.of("name", "Fine", "owner", "someone-else")).when().post("/api/shortlists").then().statusCode(201)
                .body("owner", containsString("sl-owner"));
        as(owner).body(Map.of("name", "x", "admin", true)).when().post("/api/shortlists").then().statusCode(400);
        as(owner).body(Map.of("name", "n".repeat(101), "version", 0)).when().put("/api/shortlists/" + id).then().statusCode(400)
                .body("violations.field", hasItem("name"));

        as(owner).body(Map.of("note", "n".repeat(2001))).when().put("/api/shortlists/" + id + "/leaders/" + leader).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("note"));
        as(owner).when().get("/api/shortlists/" + id).then().body("entries.size()", equalTo(0)).body("name", equalTo("Bad input"));
        as(owner).body(Map.of("note", "n".repeat(2000))).when().put("/api/shortlists/" + id + "/leaders/" + leader).then().statusCode(201);

        as(owner).queryParam("size", 1000).when().get("/api/shortlists").then().statusCode(400).body("violations.field", hasItem("size"));
        as(owner).queryParam("page", 30_000_000).queryParam("size", 100).when().get("/api/shortlists").then().statusCode(400)
                .body("violations.field", hasItem("page"));
    }

    @Test
    void anAccountKeepsAtMostFiftyShortlists() {
        var owner = account("sl-many", Roles.COMMISSIONER, null);
        for (int i = 0; i < ShortlistService.MAX_SHORTLISTS; i++) {
            shortlist(owner, "List " + i);
        }
        as(owner).body(Map.of("name", "One too many")).when().post("/api/shortlists").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("50"));
        as(owner).queryParam("size", 100).when().get("/api/shortlists").then().body("total", equalTo(50))
                .body("items.name", not(hasItem("One too many")));
    }

    @Test
    void theNoteNeverShowsOnTheProfileOrInSearch() {
        var owner = account("sl-owner", Roles.COMMISSIONER, ORG_A);
        long id = shortlist(owner, "Private notes");
        var name = "Noted Leader " + System.nanoTime();
        long leader = leader(name, "public");
        var secret = "quokkasecret" + System.nanoTime();
        put(owner, id, leader, "Private: " + secret);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        for (var caller : List.of(as(owner), given(), as(admin()))) {
            caller.when().get("/api/leaders/" + leader).then().statusCode(200).body(not(containsString(secret)));
        }
        as(owner).queryParam("q", secret).when().get("/api/search/leaders").then().statusCode(200).body("total", equalTo(0));
        as(owner).queryParam("q", name).when().get("/api/search/leaders").then().statusCode(200)
                .body("hits.leader.id", hasItem((int) leader)).body(not(containsString(secret)));
        given().accept(ContentType.HTML).when().get("/leaders/" + leader).then().statusCode(200).body(not(containsString(secret)));
        var leaderToken = ShortlistFixtures.leaderAccount(leader);
        as(leaderToken).when().get("/api/leaders/" + leader).then().body(not(containsString(secret)));
        as(owner).when().get("/api/shortlists/" + id).then().body("entries[0].note", containsString(secret))
                .body("entries.leader", everyItem(notNullValue()));
    }

    @Test
    void aShortlistExportsAsCsvOneRowPerRecordWithoutNotesOrHiddenLeaders() throws Exception {
        var owner = account("sl-export", Roles.COMMISSIONER, ORG_A);
        var stranger = account("sl-export-stranger", Roles.COMMISSIONER, ORG_B);
        long id = shortlist(owner, "To take away");
        long withRecords = leader("Two Records " + System.nanoTime(), "public");
        var first = Fixtures.record("Exported frailty hub " + System.nanoTime());
        var second = Fixtures.record("=HYPERLINK(\"x\") exported discharge team");
        long firstRecord = as(admin()).body(first).when().post("/api/leaders/" + withRecords + "/records").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long secondRecord = as(admin()).body(second).when().post("/api/leaders/" + withRecords + "/records").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long noRecords = leader("No Records " + System.nanoTime(), "registered");
        var hiddenName = "Hidden Export " + System.nanoTime();
        long hidden = leader(hiddenName, "public");
        put(owner, id, noRecords, "Private export note");
        put(owner, id, withRecords, null);
        put(owner, id, hidden, null);
        ShortlistFixtures.setVisibility(hidden, hiddenName, "programme");

        var csv = as(owner).when().get("/api/shortlists/" + id + "/export.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> read = new CsvMapper()
                .readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows = read.readAll();
        }
        // the order they were added; one row per record, one for a leader without any; the hidden one left out
        assertEquals(List.of(String.valueOf(noRecords), String.valueOf(withRecords), String.valueOf(withRecords)),
                rows.stream().map(r -> r.get("id")).toList());
        assertEquals("", rows.get(0).get("record id"));
        assertEquals(List.of(String.valueOf(firstRecord), String.valueOf(secondRecord)),
                rows.subList(1, 3).stream().map(r -> r.get("record id")).sorted().toList());
        assertFalse(csv.contains("Private export note"), "notes stay on the list");
        assertFalse(csv.contains(hiddenName));
        assertFalse(csv.contains("\"=HYPERLINK"), "the formula guard holds: " + csv);

        as(stranger).when().get("/api/shortlists/" + id + "/export.csv").then().statusCode(404).contentType("application/problem+json");
        for (var refused : List.of(ShortlistFixtures.leaderAccount(withRecords), admin())) {
            as(refused).when().get("/api/shortlists/" + id + "/export.csv").then().statusCode(403);
        }
        as(owner).when().get("/api/shortlists/987654321/export.csv").then().statusCode(404);
    }
}
