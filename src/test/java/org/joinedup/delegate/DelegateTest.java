package org.joinedup.delegate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.delegate.DelegateFixtures.account;
import static org.joinedup.delegate.DelegateFixtures.accountId;
import static org.joinedup.delegate.DelegateFixtures.address;
import static org.joinedup.delegate.DelegateFixtures.admin;
import static org.joinedup.delegate.DelegateFixtures.as;
import static org.joinedup.delegate.DelegateFixtures.leader;
import static org.joinedup.delegate.DelegateFixtures.profile;
import static org.joinedup.delegate.DelegateFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A leader's delegate edits their profile and records, and nothing a leader alone decides. */
@QuarkusTest
class DelegateTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aDelegateEditsProfileAndRecordsAuditedAsActingForTheLeader() {
        long leaderId = leader("Della Grant", "registered");
        var leaderName = account("della", Roles.LEADER, leaderId, false);
        var leader = token(leaderName);
        var pa = account("pa", Roles.COMMISSIONER, null, true);
        var delegate = token(pa);

        as(leader).body(Map.of("username", pa.toUpperCase())).when().post("/api/leaders/" + leaderId + "/delegates")
                .then().statusCode(201).body("username", equalTo(pa)).body("name", equalTo("Sam pa"));
        var granted = QueuedMail.to(address(pa), MailKind.SECURITY);
        assertEquals(1, granted.size(), "one mail to the delegate");
        assertTrue(granted.get(0).subject().contains("Della Grant"), granted.get(0).subject());
        assertTrue(granted.get(0).eventKey().endsWith("-granted"), granted.get(0).eventKey());
        assertEquals(accountId(pa), granted.get(0).accountId());
        as(leader).when().get("/api/leaders/" + leaderId + "/delegates").then().statusCode(200).body("username", equalTo(List.of(pa)));
        as(delegate).when().get("/api/me/delegations").then().statusCode(200)
                .body("leaderId", equalTo(List.of((int) leaderId))).body("leaderName", equalTo(List.of("Della Grant")));

        // the delegate sees the profile, but never its contact details
        as(delegate).when().get("/api/leaders/" + leaderId).then().statusCode(200).body("contact", nullValue());
        var body = profile("Della Grant", "registered", 0);
        body.put("doingNow", "Written by the PA");
        as(delegate).body(body).when().put("/api/leaders/" + leaderId).then().statusCode(200).body("doingNow", equalTo("Written by the PA"))
                .body("contact", nullValue());
        as(admin()).when().get("/api/leaders/" + leaderId).then().body("contact.email", equalTo("test.leader@example.org"))
                .body("version", equalTo(1));
        assertEquals(pa + " for leader " + leaderId, lastActor("update", "leader", leaderId));

        long recordId = as(delegate).body(Fixtures.record("Logged by the PA")).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).body("source", containsString(pa + ", the leader's delegate")).extract().jsonPath().getLong("id");
        assertEquals(pa + " for leader " + leaderId, lastActor("create", "record", recordId));
        var record = Fixtures.record("Logged by the PA, corrected");
        record.put("version", 0);
        as(delegate).body(record).when().put("/api/records/" + recordId).then().statusCode(200).body("title", equalTo("Logged by the PA, corrected"));
        assertEquals(pa + " for leader " + leaderId, lastActor("update", "record", recordId));

        // the leader's own changes are theirs, and they may change what a delegate may not
        var own = profile("Della Grant", "public", 1);
        own.put("contact", Map.of("email", "della@example.org"));
        as(leader).body(own).when().put("/api/leaders/" + leaderId).then().statusCode(200).body("visibility", equalTo("public"))
                .body("contact.email", equalTo("della@example.org"));
        assertEquals(leaderName, lastActor("update", "leader", leaderId));
    }

    @Test
    void aDelegateCannotChangeVisibilityOrContactRemoveGrantOrAnswerForTheLeader() {
        long leaderId = leader("Vera Fixed", "registered");
        var leader = token(account("vera", Roles.LEADER, leaderId, false));
        long recordId = as(leader).body(Fixtures.record("Vera's record")).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        // a delegate who is a leader themself (of another profile): the roles let them call everything below
        long otherLeader = leader("Otto Other", "public");
        var pa = account("otto", Roles.LEADER, otherLeader, false);
        var delegate = token(pa);
        as(leader).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201);

        var visibility = profile("Vera Fixed", "public", 0);
        as(delegate).body(visibility).when().put("/api/leaders/" + leaderId).then().statusCode(403)
                .contentType("application/problem+json").body("violations[0].field", equalTo("visibility"));
        var contact = profile("Vera Fixed", "registered", 0);
        contact.put("doingNow", "Sneaked in with the contact");
        contact.put("contact", Map.of("email", "test.leader@example.org"));
        as(delegate).body(contact).when().put("/api/leaders/" + leaderId).then().statusCode(403)
                .body("violations[0].field", equalTo("contact"));
        // nothing written: same version, same doing now, same visibility and contact
        as(admin()).when().get("/api/leaders/" + leaderId).then().body("version", equalTo(0)).body("visibility", equalTo("registered"))
                .body("doingNow", equalTo("Leading discharge redesign")).body("contact.email", equalTo("test.leader@example.org"));

        as(delegate).when().delete("/api/leaders/" + leaderId).then().statusCode(403);
        as(delegate).when().delete("/api/records/" + recordId).then().statusCode(403);
        as(admin()).when().get("/api/records/" + recordId).then().statusCode(200);
        var third = account("third", Roles.COMMISSIONER, null, false);
        as(delegate).body(Map.of("username", third)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(403);
        as(delegate).when().get("/api/leaders/" + leaderId + "/delegates").then().statusCode(403);
        as(delegate).when().delete("/api/leaders/" + leaderId + "/delegates/" + third).then().statusCode(403);
        as(leader).when().get("/api/leaders/" + leaderId + "/delegates").then().body("username", equalTo(List.of(pa)));
        // corroboration is never the delegate's to ask for or give on the leader's behalf
        as(delegate).body(Map.of("organisation", "RK5")).when().post("/api/records/" + recordId + "/corroboration-requests")
                .then().statusCode(403);
        // the delegate's own profile stays theirs; delegation of A gives nothing over B
        long stranger = leader("Stella Stranger", "public");
        as(delegate).body(profile("Stella Stranger", "public", 0)).when().put("/api/leaders/" + stranger).then().statusCode(403);
        as(delegate).body(Fixtures.record("Not theirs")).when().post("/api/leaders/" + stranger + "/records").then().statusCode(403);
        long hidden = leader("Hester Hidden", "programme");
        as(delegate).body(profile("Hester Hidden", "programme", 0)).when().put("/api/leaders/" + hidden).then().statusCode(404);
    }

    @Test
    void aRevokedDelegateIsRefusedAtTheirNextRequestAndTold() {
        long leaderId = leader("Rhoda Revoke", "registered");
        var leader = token(account("rhoda", Roles.LEADER, leaderId, false));
        var pa = account("rpa", Roles.PROGRAMME, null, true);
        var delegate = token(pa);
        as(leader).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201);
        var body = profile("Rhoda Revoke", "registered", 0);
        as(delegate).body(body).when().put("/api/leaders/" + leaderId).then().statusCode(200);

        as(leader).when().delete("/api/leaders/" + leaderId + "/delegates/" + pa).then().statusCode(204);
        body.put("version", 0);
        body.put("doingNow", "After revocation");
        as(delegate).body(body).when().put("/api/leaders/" + leaderId).then().statusCode(403);
        as(delegate).body(Fixtures.record("After revocation")).when().post("/api/leaders/" + leaderId + "/records").then().statusCode(403);
        as(delegate).when().get("/api/me/delegations").then().body("$", hasSize(0));
        as(leader).when().delete("/api/leaders/" + leaderId + "/delegates/" + pa).then().statusCode(404);
        var mails = QueuedMail.to(address(pa), MailKind.SECURITY);
        assertEquals(2, mails.size());
        assertTrue(mails.get(1).eventKey().endsWith("-revoked"), mails.get(1).eventKey());
        assertTrue(mails.get(1).subject().contains("no longer"), mails.get(1).subject());
    }

    @Test
    void grantingAndRevokingInALoopMailsTheDelegateOnceEachADay() {
        long leaderId = leader("Lola Loop", "registered");
        var leader = token(account("lola", Roles.LEADER, leaderId, false));
        var target = account("lpa", Roles.COMMISSIONER, null, true);
        for (int i = 0; i < 2; i++) {
            as(leader).body(Map.of("username", target)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201);
            as(leader).when().delete("/api/leaders/" + leaderId + "/delegates/" + target).then().statusCode(204);
        }
        // every grant and revoke happened (and is audited); only the mail is once a day
        var mails = QueuedMail.to(address(target), MailKind.SECURITY);
        assertEquals(1, mails.stream().filter(m -> m.eventKey().endsWith("-granted")).count(), mails.toString());
        assertEquals(1, mails.stream().filter(m -> m.eventKey().endsWith("-revoked")).count(), mails.toString());
        assertEquals(2, mails.size(), mails.toString());
    }

    @Test
    void anAdminGrantsAndRevokesAndADelegateMayStepDown() {
        long leaderId = leader("Ada Admined", "public");
        var pa = account("apa", Roles.COMMISSIONER, null, false);
        as(admin()).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201)
                .body("grantedBy", equalTo("demo-admin"));
        as(admin()).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(200);
        as(admin()).when().delete("/api/leaders/" + leaderId + "/delegates/" + pa).then().statusCode(204);
        as(admin()).when().get("/api/leaders/" + leaderId + "/delegates").then().statusCode(200).body("$", hasSize(0));

        as(admin()).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201);
        as(token(pa)).when().delete("/api/leaders/" + leaderId + "/delegates/" + pa).then().statusCode(204);
        as(admin()).when().get("/api/leaders/" + leaderId + "/delegates").then().body("$", hasSize(0));
    }

    @Test
    void grantingYourselfADisabledOrUnknownAccountIsAProblemNamingUsername() {
        long leaderId = leader("Selma Self", "public");
        var self = account("selma", Roles.LEADER, leaderId, false);
        var leader = token(self);
        var disabled = account("gone", Roles.COMMISSIONER, null, false);
        as(admin()).when().post("/api/admin/accounts/" + accountId(disabled) + "/disable").then().statusCode(200);
        for (var username : List.of(self, disabled, "no-such-account-" + System.nanoTime())) {
            as(leader).body(Map.of("username", username)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("username"));
        }
        as(leader).body(Map.of()).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(400);
        as(leader).when().get("/api/leaders/" + leaderId + "/delegates").then().body("$", hasSize(0));
    }

    @Test
    void eightConcurrentGrantsOfOneAccountMakeOneGrantAndOneMail() throws Exception {
        long leaderId = leader("Connie Current", "public");
        var leader = token(account("connie", Roles.LEADER, leaderId, false));
        var pa = account("cpa", Roles.COMMISSIONER, null, true);
        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return as(leader).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().extract().statusCode();
                }));
            }
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        as(leader).when().get("/api/leaders/" + leaderId + "/delegates").then().body("$", hasSize(1));
        assertEquals(1, QueuedMail.to(address(pa), MailKind.SECURITY).size());
        assertEquals(1, as(admin()).when().get("/api/admin/audit?action=grant&entityType=delegate").then().extract().jsonPath()
                .getList("items.after.delegate.username").stream().filter(pa::equals).count());
    }

    @Test
    void aDelegateSeesAProfileHiddenFromThemButNotItsContact() {
        long leaderId = leader("Pippa Programme", "programme");
        var pa = account("ppa", Roles.COMMISSIONER, null, false);
        var delegate = token(pa);
        as(delegate).when().get("/api/leaders/" + leaderId).then().statusCode(404);
        as(admin()).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201);
        as(delegate).when().get("/api/leaders/" + leaderId).then().statusCode(200).body("name", equalTo("Pippa Programme"))
                .body("contact", nullValue()).body("doingNow", equalTo("Leading discharge redesign"));
        as(delegate).body(Fixtures.record("For Pippa")).when().post("/api/leaders/" + leaderId + "/records").then().statusCode(201);
    }

    @Test
    void erasingADelegateWhoIsALeaderRedactsWhatTheyDidAsDelegateAndEndsTheGrant() {
        long leaderId = leader("Erna Kept", "public");
        long delegateLeader = leader("Eddie Erased", "public");
        var pa = account("eddie", Roles.LEADER, delegateLeader, false);
        var delegate = token(pa);
        long paAccount = accountId(pa);
        as(admin()).body(Map.of("username", pa)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201);
        var body = profile("Erna Kept", "public", 0);
        body.put("doingNow", "Written by Eddie");
        as(delegate).body(body).when().put("/api/leaders/" + leaderId).then().statusCode(200);
        assertEquals(pa + " for leader " + leaderId, lastActor("update", "leader", leaderId));

        as(delegate).when().delete("/api/me").then().statusCode(204);
        assertEquals("erased:account-" + paAccount + " for leader " + leaderId, lastActor("update", "leader", leaderId));
        as(admin()).when().get("/api/leaders/" + leaderId + "/delegates").then().statusCode(200).body("$", hasSize(0));
        as(admin()).when().get("/api/leaders/" + leaderId).then().statusCode(200).body("doingNow", equalTo("Written by Eddie"));
    }

    private static String lastActor(String action, String entityType, long id) {
        return as(admin()).when().get("/api/admin/audit?action=" + action + "&entityType=" + entityType + "&entityId=" + id)
                .then().statusCode(200).extract().jsonPath().getString("items[0].actor");
    }
}
