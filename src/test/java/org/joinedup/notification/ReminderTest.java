package org.joinedup.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.notification.NotificationFixtures.askIntroduction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.joinedup.account.AccountFixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reminder pass, as of now with the things it looks at made older: one reminder per unanswered
 * introduction or proposal however often and however many copies run it, then expiry that tells the
 * requester and frees the mentor's place, and the yearly nudge about "doing now". Defaults: reminder
 * after 7 days, introductions expire after 14, proposals after 14, "doing now" stale after 365.
 */
@QuarkusTest
class ReminderTest {

    @Inject
    Reminders reminders;

    @Inject
    EntityManager em;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void anUnansweredIntroductionIsRemindedOnceThenExpiresTellingTheRequester() throws Exception {
        var leader = NotificationFixtures.leader("Remy Slowreply");
        var requester = NotificationFixtures.account(Roles.COMMISSIONER, null, null);
        long id = askIntroduction(requester, leader.leaderId());

        reminders.run(Instant.now());
        assertEquals(List.of(), QueuedMail.to(leader.email(), MailKind.REMINDER), "not due yet");

        age("introduction", "created_at", id, 8);
        reminders.run(Instant.now());
        reminders.run(Instant.now());
        runAtOnce(8);
        var reminded = QueuedMail.to(leader.email(), MailKind.REMINDER);
        assertEquals(1, reminded.size(), reminded.toString());
        assertEquals("introduction-" + id + "-reminder", reminded.get(0).eventKey());
        assertEquals(1, leader.eventKeys().stream().filter(k -> k.endsWith("-reminder")).count());
        assertEquals(List.of(), QueuedMail.to(requester.email()));

        age("introduction", "created_at", id, 15);
        reminders.run(Instant.now());
        runAtOnce(8);
        given().when().get("/api/introductions/" + id).then().statusCode(200).body("status", equalTo("expired"));
        var expired = QueuedMail.to(requester.email(), MailKind.INTRODUCTION);
        assertEquals(1, expired.size(), expired.toString());
        assertEquals("introduction-" + id + "-expired", expired.get(0).eventKey());
        given().queryParam("entityType", "introduction").queryParam("entityId", id).queryParam("action", "introduction-expired")
                .when().get("/api/admin/audit").then().statusCode(200).body("total", equalTo(1));
        leader.api().when().post("/api/introductions/" + id + "/accept").then().statusCode(409);
        // an expired request no longer blocks asking again
        askIntroduction(requester, leader.leaderId());
    }

    @Test
    void anUnansweredProposalIsRemindedOnceThenExpiresFreeingTheMentorsPlace() throws Exception {
        var learner = NotificationFixtures.learner("Remy Learner");
        var mentor = NotificationFixtures.mentor("Remy Mentor");
        long id = NotificationFixtures.propose(learner, mentor);
        given().when().get("/api/leaders/" + mentor.leaderId()).then().body("mentoring.active", equalTo(1));

        age("mentorship", "proposed_at", id, 8);
        runAtOnce(8);
        reminders.run(Instant.now());
        var reminded = QueuedMail.to(mentor.email(), MailKind.REMINDER);
        assertEquals(1, reminded.size(), reminded.toString());
        assertEquals("mentorship-" + id + "-reminder", reminded.get(0).eventKey());
        given().when().get("/api/mentorships/" + id).then().body("status", equalTo("proposed"));

        age("mentorship", "proposed_at", id, 15);
        runAtOnce(8);
        given().when().get("/api/mentorships/" + id).then().body("status", equalTo("expired"));
        given().when().get("/api/leaders/" + mentor.leaderId()).then().body("mentoring.active", equalTo(0));
        var expired = QueuedMail.to(learner.email(), MailKind.MENTORSHIP);
        assertEquals(1, expired.size(), expired.toString());
        assertEquals("mentorship-" + id + "-expired", expired.get(0).eventKey());
        given().queryParam("entityType", "mentorship").queryParam("entityId", id).queryParam("action", "expire")
                .when().get("/api/admin/audit").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aProposalTooOldForAReminderExpiresWithoutOne() {
        var learner = NotificationFixtures.learner("Remy Late Learner");
        var mentor = NotificationFixtures.mentor("Remy Late Mentor");
        long id = NotificationFixtures.propose(learner, mentor);
        age("mentorship", "proposed_at", id, 20);
        reminders.run(Instant.now());
        assertEquals(List.of(), QueuedMail.to(mentor.email(), MailKind.REMINDER));
        given().when().get("/api/mentorships/" + id).then().body("status", equalTo("expired"));
    }

    @Test
    void staleDoingNowIsNudgedOnceAYearAndNotToADisabledAccount() throws Exception {
        var stale = NotificationFixtures.leader("Remy Stale");
        var disabled = NotificationFixtures.leader("Remy Stale Disabled");
        var fresh = NotificationFixtures.leader("Remy Fresh");
        for (var leader : List.of(stale, disabled)) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update leader set doing_now_as_of = :d where id = :id")
                    .setParameter("d", LocalDate.now().minusYears(2)).setParameter("id", leader.leaderId()).executeUpdate());
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update leader set doing_now_as_of = :d where id = :id")
                .setParameter("d", LocalDate.now().minusMonths(2)).setParameter("id", fresh.leaderId()).executeUpdate());
        NotificationFixtures.disable(disabled);

        reminders.run(Instant.now());
        runAtOnce(8);
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        var nudged = QueuedMail.to(stale.email(), MailKind.REMINDER);
        assertEquals(1, nudged.size(), nudged.toString());
        assertEquals("doing-now-" + stale.leaderId() + "-" + year, nudged.get(0).eventKey());
        assertEquals(List.of(), QueuedMail.to(disabled.email()));
        assertEquals(List.of(), QueuedMail.to(fresh.email()));

        // a year on, still stale: a second nudge, and only one
        var nextYear = Instant.now().plus(Duration.ofDays(366));
        // (only the nudge: a whole pass a year ahead would expire every waiting introduction and proposal in the database)
        reminders.nudgeStaleDoingNow(nextYear);
        reminders.nudgeStaleDoingNow(nextYear);
        var twice = QueuedMail.to(stale.email(), MailKind.REMINDER);
        assertEquals(2, twice.size(), twice.toString());
        assertTrue(twice.get(1).eventKey().endsWith("-" + nextYear.atZone(ZoneOffset.UTC).getYear()));
    }

    @Test
    void anInvitationThatRunsOutUnclaimedIsToldOnceToWhoeverSentItButNotOnceReplacedOrClaimed() throws Exception {
        var staff = NotificationFixtures.account(Roles.PROGRAMME, null, null);
        long unclaimed = Fixtures.createLeader(Fixtures.leader("Ivy Unclaimed"));
        long replaced = Fixtures.createLeader(Fixtures.leader("Ivy Replaced"));
        long claimed = Fixtures.createLeader(Fixtures.leader("Ivy Claimed"));
        var claimedAddress = "ivy.claimed." + System.nanoTime() + "@example.org";
        for (long leader : List.of(unclaimed, replaced, claimed)) {
            var address = leader == claimed ? claimedAddress : "ivy." + leader + "." + System.nanoTime() + "@example.org";
            staff.api().body(Map.of("email", address)).when().post("/api/leaders/" + leader + "/invitation").then().statusCode(202);
        }
        // the replaced one is sent again (its first link is used up by the second); the claimed one is claimed
        staff.api().body(Map.of("email", "ivy.again." + System.nanoTime() + "@example.org"))
                .when().post("/api/leaders/" + replaced + "/invitation").then().statusCode(202);
        given().contentType("application/json").body(Map.of("token", AccountFixtures.linkToken(claimedAddress),
                "password", Fixtures.DEMO_PASSWORD)).when().post("/api/invitations/claim").then().statusCode(201);
        long firstOfReplaced = linkOf(replaced, "min");
        for (long leader : List.of(unclaimed, replaced, claimed)) {
            runOutLinksOf(leader);
        }

        runAtOnce(8);
        reminders.run(Instant.now());
        var told = QueuedMail.to(staff.email(), MailKind.REMINDER);
        assertEquals(2, told.size(), told.toString());
        assertEquals(List.of("invitation-" + linkOf(unclaimed, "max") + "-expired", "invitation-" + linkOf(replaced, "max") + "-expired"),
                told.stream().map(QueuedMail::eventKey).sorted().toList());
        assertTrue(told.stream().noneMatch(mail -> mail.eventKey().equals("invitation-" + firstOfReplaced + "-expired")),
                "the link the second invitation replaced is not told");
        assertTrue(told.get(0).subject().contains("ran out unclaimed"), told.get(0).subject());

        // an invitation that ran out long ago (before this step existed, say) stays quiet
        long old = Fixtures.createLeader(Fixtures.leader("Ivy Long Ago"));
        staff.api().body(Map.of("email", "ivy.old." + System.nanoTime() + "@example.org"))
                .when().post("/api/leaders/" + old + "/invitation").then().statusCode(202);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update one_time_link set expires_at = now() - interval '30 days' where leader_id = :id").setParameter("id", old).executeUpdate());
        reminders.run(Instant.now());
        assertEquals(2, QueuedMail.to(staff.email(), MailKind.REMINDER).size());
    }

    private long linkOf(long leaderId, String minOrMax) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select " + minOrMax + "(id) from one_time_link where purpose = 'invitation' and leader_id = :id")
                .setParameter("id", leaderId).getSingleResult()).longValue());
    }

    private void runOutLinksOf(long leaderId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update one_time_link set expires_at = now() - interval '1 hour' where leader_id = :id").setParameter("id", leaderId).executeUpdate());
    }

    /** Makes the thing {@code days} days old. */
    private void age(String table, String column, long id, int days) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update " + table + " set " + column + " = now() - make_interval(days => :days) where id = :id")
                .setParameter("days", days).setParameter("id", id).executeUpdate());
    }

    /** The pass run by {@code copies} service copies at the same moment. */
    private void runAtOnce(int copies) throws Exception {
        var pool = Executors.newFixedThreadPool(copies);
        try {
            var start = new CountDownLatch(1);
            var runs = new ArrayList<Callable<Reminders.Report>>();
            for (int i = 0; i < copies; i++) {
                runs.add(() -> {
                    start.await();
                    return reminders.run(Instant.now());
                });
            }
            var futures = new ArrayList<Future<Reminders.Report>>();
            runs.forEach(r -> futures.add(pool.submit(r)));
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
