package org.joinedup.savedsearch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailFixtures.TestAccount;
import org.joinedup.mail.MailFixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.mail.Mailbox;
import org.joinedup.mail.QueuedMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Saved searches through the API, and their weekly alert pass called directly. */
@QuarkusTest
class SavedSearchTest {

    @Inject
    SavedSearchAlerts alerts;

    @Inject
    MailOutbox outbox;

    @Inject
    SavedSearchConfig config;

    @Inject
    EntityManager em;

    @BeforeAll
    static void asAdminForFixtures() {
        Fixtures.actAs("demo-admin");
    }

    // ---- the API

    @Test
    void savesReadsChangesAndDeletesASearch() {
        var me = MailFixtures.account("saved-crud");
        var created = as(me).body(Map.of("name", "Discharge nearby", "query",
                Map.of("q", "discharge", "region", List.of("E40000011"), "service", List.of("acute", "social-care")), "alerts", "weekly"))
                .when().post("/api/saved-searches").then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", startsWith("http")).body("name", equalTo("Discharge nearby"))
                .body("query.q", equalTo("discharge")).body("query.region", equalTo(List.of("E40000011")))
                .body("alerts", equalTo("weekly")).extract().jsonPath();
        long id = created.getLong("id");
        assertTrue(created.getString("findLink").startsWith("/find?"), created.getString("findLink"));
        assertTrue(created.getString("findLink").contains("service=acute&service=social-care"), created.getString("findLink"));

        // GET, then PUT back what GET gave with a change, under its ETag
        var read = as(me).when().get("/api/saved-searches/" + id).then().statusCode(200).header("ETag", "\"0\"").extract().jsonPath();
        Map<String, Object> body = new HashMap<>(read.getMap(""));
        body.put("alerts", "never");
        as(me).header("If-Match", "\"0\"").body(body).when().put("/api/saved-searches/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("alerts", equalTo("never")).body("query.q", equalTo("discharge"));
        // the ETag read before the change is stale now
        body.put("alerts", "weekly");
        as(me).header("If-Match", "\"0\"").body(body).when().put("/api/saved-searches/" + id)
                .then().statusCode(412).body("violations[0].field", equalTo("If-Match"));
        as(me).when().get("/api/saved-searches").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) id))
                .body("items[0].alerts", equalTo("never"));

        as(me).header("If-Match", "\"1\"").when().delete("/api/saved-searches/" + id).then().statusCode(204);
        as(me).when().get("/api/saved-searches/" + id).then().statusCode(404);
        as(me).when().get("/api/saved-searches").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anotherAccountsSavedSearchIsNotFound() {
        var owner = MailFixtures.account("saved-owner");
        var other = MailFixtures.account("saved-other");
        long id = save(owner, "Mine alone", Map.of("q", "discharge"), "weekly");
        as(other).when().get("/api/saved-searches/" + id).then().statusCode(404);
        as(other).body(Map.of("name", "Taken over", "query", Map.of(), "alerts", "never", "version", 0))
                .when().put("/api/saved-searches/" + id).then().statusCode(404);
        as(other).when().delete("/api/saved-searches/" + id).then().statusCode(404);
        as(other).when().get("/api/saved-searches").then().statusCode(200).body("total", equalTo(0));
        as(owner).when().get("/api/saved-searches/" + id).then().statusCode(200).body("name", equalTo("Mine alone"));
    }

    @Test
    void leadersMayNotSaveSearches() {
        var leader = Fixtures.token("demo-leader");
        given().header("Authorization", Fixtures.bearer(leader)).contentType(ContentType.JSON)
                .body(Map.of("name", "A leader's", "query", Map.of(), "alerts", "never"))
                .when().post("/api/saved-searches").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Fixtures.bearer(leader)).when().get("/api/saved-searches").then().statusCode(403);
    }

    @Test
    void aBadSearchParameterIsA400NamingItAndSavesNothing() {
        var me = MailFixtures.account("saved-bad");
        as(me).body(Map.of("name", "Nowhere", "query", Map.of("region", List.of("E99999999"), "verification", "gold", "colour", "red"), "alerts", "weekly"))
                .when().post("/api/saved-searches").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("query.region")).body("violations.field", hasItem("query.verification"))
                .body("violations.field", hasItem("query.colour"));
        as(me).body(Map.of("name", "Paged", "query", Map.of("page", "2"), "alerts", "sometimes"))
                .when().post("/api/saved-searches").then().statusCode(400)
                .body("violations.field", hasItem("query.page")).body("violations.field", hasItem("alerts"));
        as(me).body(Map.of("name", "Two texts", "query", Map.of("q", List.of("a", "b")), "alerts", "never"))
                .when().post("/api/saved-searches").then().statusCode(400).body("violations[0].field", equalTo("query.q"));
        as(me).when().get("/api/saved-searches").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eightIdenticalSavesMakeOneAndEightAtTheCapMakeOnlyWhatFits() throws Exception {
        var me = MailFixtures.account("saved-race");
        var statuses = Race.sortedStatuses(8, i -> () -> as(me).body(Map.of("name", "Same name", "query", Map.of("q", "discharge"), "alerts", "weekly"))
                .when().post("/api/saved-searches").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 400).count(), statuses.toString());

        int cap = config.maxPerAccount();
        for (int i = 1; i < cap - 3; i++) {
            save(me, "Search " + i, Map.of("q", "discharge " + i), "never");
        }
        var atCap = Race.sortedStatuses(8, i -> () -> as(me).body(Map.of("name", "Racing " + i, "query", Map.of(), "alerts", "never"))
                .when().post("/api/saved-searches").then().extract().statusCode());
        assertEquals(3, atCap.stream().filter(s -> s == 201).count(), atCap.toString());
        assertEquals(5, atCap.stream().filter(s -> s == 409).count(), atCap.toString());
        as(me).when().get("/api/saved-searches?size=100").then().statusCode(200).body("total", equalTo(cap));
    }

    /**
     * Each save snapshots every leader here (a search and a read of each); a burst from one account must
     * wait its turn off the connection pool: none of its requests sits in a transaction waiting for the
     * account's lock (twenty such waiters had held the pool's connections and every other caller waited).
     */
    @Test
    void aBurstOfSavesFromOneAccountWaitsWithoutHoldingConnections() throws Exception {
        var me = MailFixtures.account("saved-burst");
        int cap = config.maxPerAccount();
        var mostWaiting = new AtomicInteger();
        var burstOver = new AtomicBoolean();
        var watcher = new Thread(() -> {
            while (!burstOver.get()) {
                int waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'").getSingleResult()).intValue());
                mostWaiting.accumulateAndGet(waiting, Math::max);
            }
        });
        watcher.start();
        var statuses = Race.sortedStatuses(cap + 4, i -> () -> as(me).body(Map.of("name", "Burst " + i, "query", Map.of(), "alerts", "never"))
                .when().post("/api/saved-searches").then().extract().statusCode());
        burstOver.set(true);
        watcher.join();

        assertEquals(cap, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(4, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(0, mostWaiting.get(), "saves waiting for the account's lock inside a transaction, at most");
    }

    // ---- the weekly alerts

    @Test
    void theWeeklyPassMailsOnceNamingTheNewAndTheChangedLeader() {
        var me = MailFixtures.account("saved-alert");
        var word = uniqueWord();
        long changed = leader("Alba " + word, "public");
        long same = leader("Bryn " + word, "public");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        long id = save(me, "Leaders called " + word, Map.of("q", word), "weekly");

        Fixtures.createRecord(changed, Fixtures.record("Second piece of work " + word));
        long added = leader("Cara " + word, "public");
        long hidden = leader("Hidda " + word, "programme");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        var now = Instant.now();
        alerts.run(now);
        var mails = QueuedMail.to(me.email(), MailKind.SAVED_SEARCH);
        assertEquals(1, mails.size(), mails.toString());
        var mail = mails.get(0);
        var url = ConfigProvider.getConfig().getValue("joinedup.public-url", String.class);
        assertTrue(mail.eventKey().startsWith("saved-search-" + id + "-"), mail.eventKey());
        assertTrue(mail.subject().contains("1 new leader") && mail.subject().contains("1 leader with new work"), mail.subject());
        var text = mail.text();
        var newly = text.substring(text.indexOf("Newly matching"), text.indexOf("Matching records changed"));
        assertTrue(newly.contains("Cara " + word + ": " + url + "/leaders/" + added), text);
        var changes = text.substring(text.indexOf("Matching records changed"));
        assertTrue(changes.contains("Alba " + word + " (1 new record): " + url + "/leaders/" + changed), text);
        assertFalse(text.contains("Bryn"), "a leader whose records did not change is no news: " + text);
        assertFalse(text.contains("Hidda") || text.contains("/leaders/" + hidden), "a leader hidden from a commissioner: " + text);
        assertTrue(text.contains(url + "/find?q=" + word), text);
        assertTrue(text.contains(url + "/saved-searches"), text);
        as(me).when().get("/api/saved-searches/" + id).then().statusCode(200).body("lastAlertedAt", notNullValue());

        // the same week again: nothing new, and the event key would refuse a second mail anyway
        leader("Dara " + word, "public");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        alerts.run(now.plusSeconds(60));
        assertEquals(1, QueuedMail.to(me.email(), MailKind.SAVED_SEARCH).size());

        // next week Dara is told; the week after, with nothing changed, nothing is
        alerts.run(now.plus(Duration.ofDays(7)));
        var next = QueuedMail.to(me.email(), MailKind.SAVED_SEARCH);
        assertEquals(2, next.size(), next.toString());
        assertTrue(next.get(1).text().contains("Dara " + word), next.get(1).text());
        assertFalse(next.get(1).text().contains("Cara " + word), next.get(1).text());
        alerts.run(now.plus(Duration.ofDays(14)));
        assertEquals(2, QueuedMail.to(me.email(), MailKind.SAVED_SEARCH).size());
    }

    @Test
    void anEditedAndANewlyVerifiedRecordAreNewsSaidAsSuch() {
        var me = MailFixtures.account("saved-edits");
        var word = uniqueWord();
        long verified = leader("Iolo " + word, "public");
        long edited = leader("Jac " + word, "public");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        save(me, "Edits of " + word, Map.of("q", word), "weekly");

        long toVerify = given().when().get("/api/leaders/" + verified + "/records").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-programme"))).contentType(ContentType.JSON)
                .body(Map.of("programme", "pioneer-2013", "decision", "confirmed", "comment", "Checked the evaluation"))
                .when().post("/api/records/" + toVerify + "/verifications").then().statusCode(201).body("verification", equalTo("verified"));
        var record = given().when().get("/api/leaders/" + edited + "/records").then().statusCode(200).extract().jsonPath();
        var edit = Fixtures.record("Joined-up work of Jac " + word + ", retitled");
        edit.put("version", record.getInt("items[0].version"));
        given().contentType(ContentType.JSON).body(edit).when().put("/api/records/" + record.getLong("items[0].id")).then().statusCode(200);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        alerts.run(Instant.now());
        var mails = QueuedMail.to(me.email(), MailKind.SAVED_SEARCH);
        assertEquals(1, mails.size(), mails.toString());
        var text = mails.get(0).text();
        assertTrue(mails.get(0).subject().contains("2 leaders with new work"), mails.get(0).subject());
        assertTrue(text.contains("Iolo " + word + " (1 record newly verified)"), text);
        assertTrue(text.contains("Jac " + word + " (1 record changed)"), text);
        assertFalse(text.contains("Newly matching"), text);
    }

    @Test
    void aChangeToWorkLedTogetherIsNewsUnderEachLeaderWhoLedIt() {
        var me = MailFixtures.account("saved-colead");
        var word = uniqueWord();
        long owner = leader("Kit " + word, "public");
        var other = Fixtures.leader("Lyn Partner");
        other.put("visibility", "public");
        long coLeader = Fixtures.createLeader(other);
        long shared = Fixtures.createRecord(owner, Fixtures.record("Hub led together by " + word));
        Fixtures.confirmCoLead(shared, coLeader, "co-led");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        save(me, "Work together " + word, Map.of("q", word), "weekly");

        var edit = Fixtures.record("Hub led together by " + word + ", retitled");
        edit.put("version", given().when().get("/api/records/" + shared).then().statusCode(200).extract().jsonPath().getInt("version"));
        given().contentType(ContentType.JSON).body(edit).when().put("/api/records/" + shared).then().statusCode(200);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        alerts.run(Instant.now());
        var mails = QueuedMail.to(me.email(), MailKind.SAVED_SEARCH);
        assertEquals(1, mails.size(), mails.toString());
        var text = mails.get(0).text();
        assertTrue(text.contains("Kit " + word + " (1 record changed)"), text);
        assertTrue(text.contains("Lyn Partner (1 record changed)"), "the co-leader matches by the shared record: " + text);
    }

    @Test
    void aSearchVerifiedRecordIsNewsAndAStaffAccountSeesProgrammeLeaders() {
        var staff = MailFixtures.account("saved-staff");
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("programme"))).when().put("/api/admin/accounts/" + staff.id() + "/roles").then().statusCode(200);
        var word = uniqueWord();
        long hiddenFromPublic = leader("Eira " + word, "programme");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        save(staff, "Programme view " + word, Map.of("q", word), "weekly");
        leader("Ffion " + word, "programme");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        alerts.run(Instant.now());
        var mails = QueuedMail.to(staff.email(), MailKind.SAVED_SEARCH);
        assertEquals(1, mails.size(), mails.toString());
        assertTrue(mails.get(0).text().contains("Ffion " + word), mails.get(0).text());
        assertFalse(mails.get(0).text().contains("Eira " + word), "Eira matched when it was saved: " + mails.get(0).text());
        assertTrue(hiddenFromPublic > 0);
    }

    @Test
    void noMailWhenAlertsAreNeverOrTheAccountIsDisabled() {
        var never = MailFixtures.account("saved-never");
        var disabled = MailFixtures.account("saved-disabled");
        var word = uniqueWord();
        save(never, "Quiet " + word, Map.of("q", word), "never");
        save(disabled, "Gone " + word, Map.of("q", word), "weekly");
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON)
                .when().post("/api/admin/accounts/" + disabled.id() + "/disable").then().statusCode(200);
        leader("Gwen " + word, "public");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        alerts.run(Instant.now());
        assertEquals(List.of(), QueuedMail.to(never.email(), MailKind.SAVED_SEARCH));
        assertEquals(List.of(), QueuedMail.to(disabled.email(), MailKind.SAVED_SEARCH));
    }

    @Test
    void aPersonWhoChoseNeverForSavedSearchMailGetsNone() {
        var me = MailFixtures.account("saved-pref");
        as(me).body(Map.of("preferences", Map.of("saved-search", "never"))).when().put("/api/me/mail-preferences").then().statusCode(200);
        var word = uniqueWord();
        save(me, "Unwanted " + word, Map.of("q", word), "weekly");
        leader("Hafren " + word, "public");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        alerts.run(Instant.now());
        assertEquals(1, QueuedMail.to(me.email(), MailKind.SAVED_SEARCH).size(), "queued; the sender decides");
        // a security mail queued after it always goes: once it has arrived, the saved-search mail has had its turn
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new Mail(me.id(), me.email(), MailKind.SECURITY, "marker-" + System.nanoTime(),
                "Marker", "A marker.", "You are in a test.")));
        Mailbox.awaitOne(me.email());
        var received = Mailbox.to(me.email());
        assertEquals(List.of("Marker"), received.stream().map(Mailbox.Received::subject).toList());
    }

    // ---- helpers

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static RequestSpecification as(TestAccount account) {
        var token = TOKENS.computeIfAbsent(account.username(), u -> account.token());
        return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
    }

    private static long save(TestAccount account, String name, Map<String, Object> query, String alerts) {
        return as(account).body(Map.of("name", name, "query", query, "alerts", alerts)).when().post("/api/saved-searches")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long leader(String name, String visibility) {
        var leader = Fixtures.leader(name);
        leader.put("visibility", visibility);
        long id = Fixtures.createLeader(leader);
        Fixtures.createRecord(id, Fixtures.record("Joined-up work of " + name));
        return id;
    }

    /** A word no other leader's name holds: letters only, so the text analyser keeps it whole. */
    private static String uniqueWord() {
        var digits = Long.toString(System.nanoTime());
        var word = new StringBuilder("Zyq");
        for (var c : digits.substring(digits.length() - 9).toCharArray()) {
            word.append((char) ('a' + (c - '0')));
        }
        return word.toString();
    }
}
