package org.joinedup.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.joinedup.notification.NotificationFixtures.askIntroduction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;
import org.joinedup.notification.NotificationFixtures.Person;
import org.joinedup.security.Account;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each event tells the right person once, in the list and by one queued mail, and nobody else; a
 * disabled account is told nothing; a notification is read only by its own account.
 */
@QuarkusTest
class NotificationTest {

    @Inject
    Notices notices;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void anIntroductionAskedTellsTheLeaderAndTheAnswerTellsTheRequester() {
        var leader = NotificationFixtures.leader("Noticia Asked");
        var requester = NotificationFixtures.account(Roles.COMMISSIONER, null, null);
        long id = askIntroduction(requester, leader.leaderId());

        var asked = QueuedMail.to(leader.email(), MailKind.INTRODUCTION);
        assertEquals(1, asked.size(), asked.toString());
        assertEquals("introduction-" + id + "-requested", asked.get(0).eventKey());
        assertEquals(leader.accountId(), asked.get(0).accountId());
        assertTrue(asked.get(0).subject().contains(requester.username()), asked.get(0).subject());
        assertTrue(asked.get(0).reason().contains("Noticia Asked"), asked.get(0).reason());
        assertEquals(List.of("introduction-" + id + "-requested"), leader.eventKeys());
        assertEquals(1, leader.notifications().getInt("unread"));
        assertEquals(List.of(), QueuedMail.to(requester.email()), "the requester is not told of their own asking");
        assertEquals(List.of(), requester.eventKeys());

        leader.api().when().post("/api/introductions/" + id + "/accept").then().statusCode(200);
        var answered = QueuedMail.to(requester.email(), MailKind.INTRODUCTION);
        assertEquals(1, answered.size(), answered.toString());
        assertEquals("introduction-" + id + "-accepted", answered.get(0).eventKey());
        assertEquals(List.of("introduction-" + id + "-accepted"), requester.eventKeys());
        assertEquals("/my-work#asked-introductions", requester.notifications().getString("items[0].link"));
        assertEquals(1, QueuedMail.to(leader.email()).size(), "the leader is not told of their own answer");
    }

    @Test
    void theSameEventToldTwiceIsToldOnce() {
        var leader = NotificationFixtures.leader("Noticia Twice");
        long id = askIntroduction(NotificationFixtures.account(Roles.COMMISSIONER, null, null), leader.leaderId());
        QuarkusTransaction.requiringNew().run(() -> notices.introductionAsked(id, leader.leaderId(), "someone"));
        QuarkusTransaction.requiringNew().run(() -> notices.introductionAsked(id, leader.leaderId(), "someone"));
        assertEquals(1, QueuedMail.to(leader.email(), MailKind.INTRODUCTION).size());
        assertEquals(1, leader.notifications().getInt("total"));
    }

    @Test
    void aDisabledAccountIsToldNothingAndAnAccountWithoutAddressOnlyInTheList() {
        var disabled = NotificationFixtures.leader("Noticia Disabled");
        NotificationFixtures.disable(disabled);
        askIntroduction(NotificationFixtures.account(Roles.COMMISSIONER, null, null), disabled.leaderId());
        assertEquals(List.of(), QueuedMail.to(disabled.email()));
        long count = QuarkusTransaction.requiringNew().call(() -> Notification.count("accountId", disabled.accountId()));
        assertEquals(0, count);

        var noAddress = NotificationFixtures.leader("Noticia Unmailed");
        QuarkusTransaction.requiringNew().run(() -> Account.update("email = null where id = ?1", noAddress.accountId()));
        long id = askIntroduction(NotificationFixtures.account(Roles.COMMISSIONER, null, null), noAddress.leaderId());
        assertEquals(List.of("introduction-" + id + "-requested"), noAddress.eventKeys());
        assertEquals(List.of(), QueuedMail.to(noAddress.email()));
    }

    @Test
    void aProposalTellsTheMentorAndTheAnswerTellsTheLearner() {
        var learner = NotificationFixtures.learner("Notice Learner");
        var mentor = NotificationFixtures.mentor("Notice Mentor");
        long id = NotificationFixtures.propose(learner, mentor);

        var proposed = QueuedMail.to(mentor.email(), MailKind.MENTORSHIP);
        assertEquals(1, proposed.size(), proposed.toString());
        assertEquals("mentorship-" + id + "-proposed", proposed.get(0).eventKey());
        assertTrue(proposed.get(0).subject().contains("Notice Learner"), proposed.get(0).subject());
        assertEquals(List.of(), QueuedMail.to(learner.email()), "staff proposed: the learner hears when the mentor answers");

        mentor.api().when().post("/api/mentorships/" + id + "/decline").then().statusCode(200);
        var declined = QueuedMail.to(learner.email(), MailKind.MENTORSHIP);
        assertEquals(1, declined.size(), declined.toString());
        assertEquals("mentorship-" + id + "-declined", declined.get(0).eventKey());
        assertEquals(List.of("mentorship-" + id + "-declined"), learner.eventKeys());
        assertEquals(1, QueuedMail.to(mentor.email()).size());
    }

    @Test
    void corroborationAskedTellsThePartnersAccountsAndTheirAnswerAndAVerificationTellTheLeader() {
        var leader = NotificationFixtures.leader("Noticia Recorded");
        long record = leader.api().body(Fixtures.record("Noticed neighbourhood teams")).when().post("/api/leaders/" + leader.leaderId() + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        var sherwood = NotificationFixtures.account(Roles.COMMISSIONER, null, "RK5");
        var sherwoodToo = NotificationFixtures.account(Roles.COMMISSIONER, null, "RK5");
        var notAsked = NotificationFixtures.account(Roles.COMMISSIONER, null, "RX1");

        leader.api().body(Map.of("organisation", "RK5")).when().post("/api/records/" + record + "/corroboration-requests").then().statusCode(201);
        for (var partner : List.of(sherwood, sherwoodToo)) {
            var asked = QueuedMail.to(partner.email(), MailKind.CORROBORATION);
            assertEquals(1, asked.size(), asked.toString());
            assertTrue(asked.get(0).eventKey().startsWith("corroboration-"), asked.get(0).eventKey());
            assertEquals("/corroboration", partner.notifications().getString("items[0].link"));
        }
        assertEquals(List.of(), QueuedMail.to(notAsked.email()));
        assertEquals(List.of(), QueuedMail.to(leader.email()));

        sherwood.api().body(Map.of("decision", "confirmed")).when().post("/api/records/" + record + "/endorsements").then().statusCode(201);
        var confirmed = QueuedMail.to(leader.email(), MailKind.CORROBORATION);
        assertEquals(1, confirmed.size(), confirmed.toString());
        assertEquals("record-" + record + "-RK5-confirmed-1", confirmed.get(0).eventKey());

        given().contentType("application/json").body(Map.of("programme", "pioneer-2013", "decision", "confirmed"))
                .when().post("/api/records/" + record + "/verifications").then().statusCode(201);
        var verified = QueuedMail.to(leader.email(), MailKind.VERIFICATION);
        assertEquals(1, verified.size(), verified.toString());
        assertEquals("Your record was verified", verified.get(0).subject());
        assertEquals(2, leader.notifications().getInt("unread"));
        assertEquals(1, QueuedMail.to(sherwood.email()).size(), "the partner is not told of their own answer");
    }

    @Test
    void notificationsAreReadOnlyByTheirOwnAccount() {
        var leader = NotificationFixtures.leader("Noticia Reader");
        var other = NotificationFixtures.leader("Noticia Other");
        askIntroduction(NotificationFixtures.account(Roles.COMMISSIONER, null, null), leader.leaderId());
        askIntroduction(NotificationFixtures.account(Roles.COMMISSIONER, null, null), leader.leaderId());
        long first = leader.notifications().getLong("items[1].id");

        other.api().when().post("/api/me/notifications/" + first + "/read").then().statusCode(404).contentType("application/problem+json");
        other.api().when().post("/api/me/notifications/read-all").then().statusCode(200).body("marked", equalTo(0));
        assertEquals(2, leader.notifications().getInt("unread"));

        leader.api().when().post("/api/me/notifications/" + first + "/read").then().statusCode(200).body("readAt", notNullValue());
        leader.api().when().post("/api/me/notifications/" + first + "/read").then().statusCode(200);
        assertEquals(1, leader.notifications().getInt("unread"));
        leader.api().when().post("/api/me/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        var list = leader.notifications();
        assertEquals(0, list.getInt("unread"));
        assertEquals(2, list.getInt("total"));
        // newest first
        assertTrue(list.getLong("items[0].id") > list.getLong("items[1].id"));
        given().when().get("/api/me/notifications").then().statusCode(200);
    }
}
